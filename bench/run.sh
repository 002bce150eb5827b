#!/usr/bin/env bash
# Runs uvi's benchmark suite: every target pinned to core 0, wrk (or the WebSocket load client)
# pinned to core 1, targets alternated within each round, ratios against plain reactor-netty
# measured in the same run, table written to bench/RESULTS.md. See bench/README.md.
#   BENCH_QUICK=1          short runs, one round, 2,000 idle connections (try-out mode)
#   BENCH_TARGETS="..."    subset/order of: plain uvi uvicorn webflux hypercorn
#   BENCH_SKIP_BUILD=1     reuse the jars already built
#   UVI_SAMPLE_JAR=path    benchmark another build of the sample app
#   BENCH_WAIT_QUIET=600   wait up to 600 s for other Maven/surefire processes to end first
#   BENCH_JFR=1            record uvi with JDK Flight Recorder into bench/out/uvi.jfr
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT=$BENCH/out
PYTHON=/usr/bin/python3 # Debian's, where apt puts uvicorn (not a pyenv shim)
TARGETS=(${BENCH_TARGETS:-plain uvi uvicorn webflux})
SCENARIOS=(get64 get256 echo4k download1m ws64)
if [[ ${BENCH_QUICK:-0} == 1 ]]; then
	MODE=quick ROUNDS=1 HTTP_SECONDS=3 WS_SECONDS=3 WARMUP_SECONDS=2 IDLE_CONNECTIONS=2000 STARTUPS=1
else
	MODE=full ROUNDS=3 HTTP_SECONDS=5 WS_SECONDS=10 WARMUP_SECONDS=4 IDLE_CONNECTIONS=10000 STARTUPS=3
fi
# Pinned to one CPU a JVM would pick SerialGC and a heap sized from 24 GiB: fix both, the same for
# every JVM target, so the comparison is between servers, not GC defaults (bench/README.md).
JVM_FLAGS=(-XX:+UseParallelGC -Xms256m -Xmx256m)
KEEP_ALIVE=60 # seconds; long enough for the idle-connection test, wrk closes its own
WS_DEPTH=${BENCH_WS_DEPTH:-1} # WebSocket messages in flight per connection
declare -A PORT=([plain]=18001 [uvi]=18002 [uvicorn]=18003 [webflux]=18004 [hypercorn]=18005)
declare -A PID=()

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

ensure_tools() {
	local missing=()
	for package in wrk nghttp2-client python3-uvicorn python3-httptools python3-uvloop python3-websockets \
		python3-hypercorn; do
		dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
	done
	if ((${#missing[@]})); then
		log "installing ${missing[*]}"
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

build() {
	if [[ ${BENCH_SKIP_BUILD:-0} == 1 ]]; then return; fi
	if [[ -z ${UVI_SAMPLE_JAR:-} ]]; then
		log "building the sample app"
		(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
	fi
	log "building bench/"
	(cd "$ROOT" && ./mvnw -q -B -f bench/pom.xml -DskipTests package)
}

sample_jar() {
	local jar=${UVI_SAMPLE_JAR:-$(ls "$ROOT"/uvi-sample-app/target/uvi-sample-app-*.jar 2>/dev/null | grep -v original | head -1)}
	[[ -f $jar ]] || { log "no sample app jar (build it or set UVI_SAMPLE_JAR)"; return 1; }
	echo "$jar"
}

# The command line of one target (into CMD), run from bench/.
target_command() {
	local port=${PORT[$1]} cp="$BENCH/target/classes:$BENCH/target/lib/*" jfr=() jar
	[[ ${BENCH_JFR:-0} == 1 ]] && jfr=(-XX:StartFlightRecording=filename=$OUT/$1.jfr,settings=profile)
	case $1 in
	plain) CMD=(java "${JVM_FLAGS[@]}" "${jfr[@]}" -Dbench.loops=1 -Dbench.idleSeconds=$KEEP_ALIVE -cp "$cp"
		dev.uvi.bench.plain.PlainServer "$port") ;;
	uvi) jar=$(sample_jar) || return 1
		CMD=(java "${JVM_FLAGS[@]}" "${jfr[@]}" -jar "$jar" --uvi.port="$port" --uvi.access-log=false
		--uvi.workers=1 --uvi.timeout-keep-alive=$KEEP_ALIVE --logging.level.root=warn) ;;
	uvicorn) CMD=($PYTHON -m uvicorn asgi_app:app --port "$port" --workers 1 --no-access-log --loop uvloop
		--http httptools --ws websockets --timeout-keep-alive $KEEP_ALIVE) ;;
	hypercorn) CMD=($PYTHON -m hypercorn asgi_app:app --bind 127.0.0.1:"$port" --workers 1
		--worker-class uvloop --keep-alive $KEEP_ALIVE) ;;
	webflux) CMD=(java "${JVM_FLAGS[@]}" "${jfr[@]}" -Dreactor.netty.ioWorkerCount=1 -cp "$cp"
		dev.uvi.bench.webflux.WebFluxApp --server.address=127.0.0.1 --server.port="$port"
		--server.netty.idle-timeout=${KEEP_ALIVE}s --logging.level.root=warn) ;;
	*) log "unknown target $1"; return 1 ;;
	esac
}

# Starts one target pinned to core 0; the subshell execs taskset, which execs the server: $! is its pid.
start_target() {
	local name=$1 CMD=()
	target_command "$name" || return 1
	(cd "$BENCH" && exec taskset -c 0 "${CMD[@]}") >"$OUT/$name.log" 2>&1 &
	PID[$name]=$!
}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" || true; }

wait_ready() {
	local name=$1
	for _ in $(seq 600); do
		[[ $(status_of "http://127.0.0.1:${PORT[$name]}/") == 200 ]] && return 0
		kill -0 "${PID[$name]}" 2>/dev/null || break
		sleep 0.1
	done
	log "$name did not answer GET / with 200 (see $OUT/$name.log)"
	return 1
}

stop_all() {
	for name in "${!PID[@]}"; do kill "${PID[$name]}" 2>/dev/null || true; done
	wait 2>/dev/null || true
}

# A scenario a target cannot serve is skipped with a note instead of failing the run.
route_ok() {
	local name=$1 scenario=$2 base=http://127.0.0.1:${PORT[$1]} code
	case $scenario in
	echo4k) code=$(status_of -X POST --data-binary probe "$base/echo") ;;
	download1m) code=$(status_of "$base/download?size=16") ;;
	*) code=200 ;; # GET / was checked at start; ws64 finds out from its handshake
	esac
	[[ $code == 200 ]] || { note "$name" "$scenario" "skipped: probe answered HTTP $code"; return 1; }
}

NOTES=notes.tsv # the warm-up writes its notes elsewhere: they would repeat the rounds'
note() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$OUT/$NOTES"; }

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

# Drives one scenario once. Prints "value p50 p99" (value: req/s or messages/s).
drive() {
	local name=$1 scenario=$2 seconds=$3 base=http://127.0.0.1:${PORT[$1]} out
	local wrk=(taskset -c 1 wrk -t1 -d"${seconds}s" --latency)
	case $scenario in
	get64) out=$("${wrk[@]}" -c64 "$base/") ;;
	get256) out=$("${wrk[@]}" -c256 "$base/") ;;
	echo4k) out=$("${wrk[@]}" -c64 -s "$BENCH/echo.lua" "$base/echo") ;;
	download1m) out=$("${wrk[@]}" -c16 "$base/download?size=1048576") ;;
	ws64) out=$(taskset -c 1 java "${JVM_FLAGS[@]}" -cp "$BENCH/target/classes:$BENCH/target/lib/*" \
		dev.uvi.bench.load.WebSocketEchoLoad "ws://127.0.0.1:${PORT[$name]}/ws/echo" 64 2 "$seconds" 64 \
		"$WS_DEPTH") || true ;;
	esac
	if [[ $scenario == ws64 ]]; then
		awk '/^messages\/s:/ { v = $2 } END { if (v == "") exit 1; print v, "-", "-" }' <<<"$out" ||
			{ echo "ERROR ${out//$'\n'/ }"; return 0; }
		return 0
	fi
	if grep -q 'Non-2xx' <<<"$out"; then echo "ERROR $(grep 'Non-2xx' <<<"$out")"; return 0; fi
	if grep -q 'Socket errors' <<<"$out"; then note "$name" "$scenario" "$(grep 'Socket errors' <<<"$out")"; fi
	awk '$1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 } /^Requests\/sec:/ { rps = $2 }
		END { print rps, p50, p99 }' <<<"$out"
}

# One measured run: the figures plus the server's CPU (% of one core) and RSS over that run.
measure() {
	local name=$1 scenario=$2 round=$3 pid=${PID[$1]} seconds=$HTTP_SECONDS ticks0 ticks1 t0 t1 result
	[[ $scenario == ws64 ]] && seconds=$WS_SECONDS
	ticks0=$(cpu_ticks "$pid") t0=$(date +%s%N)
	result=$(drive "$name" "$scenario" "$seconds")
	ticks1=$(cpu_ticks "$pid") t1=$(date +%s%N)
	if [[ $result == ERROR* ]]; then
		note "$name" "$scenario" "round $round: ${result#ERROR }"
		return
	fi
	local cpu=$(((ticks1 - ticks0) * 100000000000 / ($(getconf CLK_TCK) * (t1 - t0))))
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$name" "$round" "${result// /$'\t'}" \
		"$cpu" "$(rss_kib "$pid")" >>"$OUT/results.tsv"
	log "  $scenario $name: $result"
}

# Time from `java -jar` to the first 200 on GET /, not pinned (2 cores, as the target is stated).
startup_time() {
	local jar port=18010 t0 pid
	jar=$(sample_jar) || return 0
	for i in $(seq "$STARTUPS"); do
		t0=$(date +%s%N)
		java "${JVM_FLAGS[@]}" -jar "$jar" --uvi.port=$port --uvi.access-log=false --logging.level.root=warn \
			>"$OUT/startup.log" 2>&1 &
		pid=$!
		until [[ $(status_of "http://127.0.0.1:$port/") == 200 ]]; do
			kill -0 $pid 2>/dev/null || { note uvi startup "sample app exited during startup"; return 0; }
			sleep 0.02
		done
		printf 'startup\tuvi\t%s\t%s\n' "$i" "$((($(date +%s%N) - t0) / 1000000))" >>"$OUT/extra.tsv"
		kill $pid && wait $pid 2>/dev/null || true
	done
}

# Live heap after a full GC, in KiB, for JVM targets ("-" otherwise). A warm JVM's RSS hardly moves
# when objects land in heap pages it touched already, so the live heap is the JVM's real cost.
live_heap_kib() {
	[[ $1 == uvicorn || $1 == hypercorn ]] && { echo -; return; }
	jcmd "$2" GC.run >/dev/null 2>&1 || { echo -; return; }
	jcmd "$2" GC.heap_info 2>/dev/null | awk '/Metaspace/ { exit }
		$1 ~ /Gen$/ { for (i = 1; i < NF; i++) if ($i == "used") { sub("K", "", $(i + 1)); kib += $(i + 1) } }
		END { print kib + 0 }'
}

# RSS and live heap with IDLE_CONNECTIONS keep-alive connections, each having made one request.
idle_connections() {
	local name=$1 pid=${PID[$1]} before heap_before after heap_after client
	heap_before=$(live_heap_kib "$name" "$pid") before=$(rss_kib "$pid")
	: >"$OUT/idle-$name.log"
	taskset -c 1 java -cp "$BENCH/target/classes:$BENCH/target/lib/*" dev.uvi.bench.load.IdleConnections \
		127.0.0.1 "${PORT[$name]}" "$IDLE_CONNECTIONS" 8 >"$OUT/idle-$name.log" 2>&1 &
	client=$!
	for _ in $(seq 900); do grep -q '^idle:' "$OUT/idle-$name.log" && break; sleep 0.1; done
	sleep 1
	heap_after=$(live_heap_kib "$name" "$pid") after=$(rss_kib "$pid")
	wait $client || true
	printf 'idle\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(awk '/^idle:/ { print $2 }' "$OUT/idle-$name.log")" \
		"$before" "$after" "$heap_before" "$heap_after" >>"$OUT/extra.tsv"
	log "  idle $name: $(head -1 "$OUT/idle-$name.log"), RSS $before -> $after KiB, live heap $heap_before -> $heap_after KiB"
}

# With BENCH_WAIT_QUIET=N, waits up to N seconds for other builds to finish before measuring.
wait_quiet() {
	local limit=${BENCH_WAIT_QUIET:-0} waited=0
	while ((waited < limit)) && (($(others_busy) > 0)); do
		((waited % 60 == 0)) && log "waiting for other builds to finish ($waited s of $limit)"
		sleep 5
		waited=$((waited + 5))
	done
}

# Other engineers' Maven builds share these two cores; RESULTS.md says whether any ran.
others_busy() { { pgrep -f 'surefire|plexus-classworlds' || true; } | wc -l; }

main() {
	ulimit -n "$(ulimit -Hn)"
	mkdir -p "$OUT"
	rm -f "$OUT"/*.tsv "$OUT"/*.log
	ensure_tools
	build
	trap stop_all EXIT
	wait_quiet
	local ready=()
	for name in "${TARGETS[@]}"; do
		start_target "$name" || note "$name" all "skipped: cannot be started"
	done
	for name in "${TARGETS[@]}"; do
		[[ -n ${PID[$name]:-} ]] || continue
		if wait_ready "$name"; then ready+=("$name"); else note "$name" all "skipped: did not answer GET /"; fi
	done
	printf 'env\tbusy_start\t%s\n' "$(others_busy)" >>"$OUT/extra.tsv"
	log "warming up ${ready[*]}"
	NOTES=warmup-notes.tsv
	for name in "${ready[@]}"; do
		for scenario in "${SCENARIOS[@]}"; do
			route_ok "$name" "$scenario" && drive "$name" "$scenario" "$WARMUP_SECONDS" >/dev/null || true
		done
	done
	NOTES=notes.tsv
	for round in $(seq "$ROUNDS"); do
		log "round $round of $ROUNDS"
		for scenario in "${SCENARIOS[@]}"; do
			for name in "${ready[@]}"; do
				route_ok "$name" "$scenario" && measure "$name" "$scenario" "$round"
			done
		done
	done
	printf 'env\tbusy_end\t%s\n' "$(others_busy)" >>"$OUT/extra.tsv"
	log "idle connections"
	for name in "${ready[@]}"; do idle_connections "$name"; done
	stop_all
	log "startup time"
	startup_time
	printf 'env\tmode\t%s rounds=%s http=%ss ws=%ss warmup=%ss\n' "$MODE" "$ROUNDS" "$HTTP_SECONDS" \
		"$WS_SECONDS" "$WARMUP_SECONDS" >>"$OUT/extra.tsv"
	printf 'env\tjvm\t%s\n' "${JVM_FLAGS[*]}" >>"$OUT/extra.tsv"
	$PYTHON "$BENCH/report.py" "$OUT" >"$BENCH/RESULTS.md"
	cat "$BENCH/RESULTS.md"
}

main "$@"
