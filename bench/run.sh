#!/usr/bin/env bash
# Runs uvi's benchmark suite: every target pinned to core 0, wrk (h2load, or the WebSocket clients)
# pinned to core 1, targets alternated within each round, ratios against plain reactor-netty
# measured in the same run, table written to bench/RESULTS.md. See bench/README.md.
#   BENCH_QUICK=1          short runs, one round, 2,000 idle connections, 1,000 WebSockets (try-out mode)
#   BENCH_TARGETS="..."    subset/order of: plain uvi uvicorn webflux hypercorn
#   BENCH_SKIP_BUILD=1     reuse the jars already built
#   UVI_SAMPLE_JAR=path    benchmark another build of the sample app
#   BENCH_WAIT_QUIET=600   wait up to 600 s for other Maven/surefire processes and JVMs to end first
#   BENCH_JFR=1            record uvi with JDK Flight Recorder into bench/out/uvi.jfr
#   BENCH_UVI_METRICS=1    run the sample app with its Micrometer metrics on (off by default: no other target records any)
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT=$BENCH/out
PYTHON=/usr/bin/python3 # Debian's, where apt puts uvicorn (not a pyenv shim)
TARGETS=(${BENCH_TARGETS:-plain uvi uvicorn webflux})
SCENARIOS=(get64 get256 echo4k download1m ws64 h2get)
if [[ ${BENCH_QUICK:-0} == 1 ]]; then
	MODE=quick ROUNDS=1 HTTP_SECONDS=3 WS_SECONDS=3 WARMUP_SECONDS=2 WARMUP_SLICES=4 IDLE_CONNECTIONS=2000 STARTUPS=1
	H2_SECONDS=3 H2_WARMUP_SECONDS=4 OPEN_WEBSOCKETS=1000 SLOW_SECONDS=10 SLOW_SAMPLE=3
else
	MODE=full ROUNDS=3 HTTP_SECONDS=5 WS_SECONDS=5 WARMUP_SECONDS=2 WARMUP_SLICES=6 IDLE_CONNECTIONS=10000 STARTUPS=3
	H2_SECONDS=3 H2_WARMUP_SECONDS=12 OPEN_WEBSOCKETS=5000 SLOW_SECONDS=15 SLOW_SAMPLE=4
fi
# A cold JVM serves h2load's 256 streams slowly, so it reaches the JIT's thresholds slowly: the h2c
# instances need 12-20 s of HTTP/2 load before their req/s stop rising (bench/README.md).
# Pinned to one CPU a JVM would pick SerialGC and a heap sized from 24 GiB: fix both, the same for
# every JVM target, so the comparison is between servers, not GC defaults (bench/README.md).
JVM_FLAGS=(-XX:+UseParallelGC -Xms256m -Xmx256m)
BOOT_METRICS_BINDERS=$(printf 'org.springframework.boot.micrometer.metrics.autoconfigure.%s,' \
	jvm.JvmMetricsAutoConfiguration system.SystemMetricsAutoConfiguration \
	logging.logback.LogbackMetricsAutoConfiguration)
BOOT_METRICS_BINDERS=${BOOT_METRICS_BINDERS%,}
KEEP_ALIVE=60 # seconds; long enough for the idle-connection test, wrk closes its own
WS_DEPTH=${BENCH_WS_DEPTH:-1} # WebSocket messages in flight per connection
declare -A PORT=([plain]=18001 [uvi]=18002 [uvicorn]=18003 [webflux]=18004 [hypercorn]=18005)
# h2get drives a second instance of each JVM target with cleartext HTTP/2 on ("<target>-h2"): h2c is off by
# default in uvi, and the h2c upgrade handler it puts in front of HTTP/1.1 would cost the HTTP/1.1
# scenarios a few per cent. Hypercorn speaks h2c anyway; uvicorn has no HTTP/2.
PORT+=([plain-h2]=18101 [uvi-h2]=18102 [webflux-h2]=18104)
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

# The command line of one target (into CMD), run from bench/; "<target>-h2" is its h2c instance.
target_command() {
	local port=${PORT[$1]} cp="$BENCH/target/classes:$BENCH/target/lib/*" jfr=() jar h2c=()
	[[ ${BENCH_JFR:-0} == 1 ]] && jfr=(-XX:StartFlightRecording=filename=$OUT/$1.jfr,settings=profile)
	if [[ $1 == *-h2 ]]; then
		case $1 in
		plain-h2) h2c=(-Dbench.h2c=true) ;;
		uvi-h2) h2c=(--uvi.h2c=true) ;;
		webflux-h2) h2c=(--server.http2.enabled=true) ;; # h2c on Netty when there is no TLS
		esac
	fi
	# Metrics off means nothing records: uvi's request metrics, and Boot's JVM, system and logback binders,
	# which handle a JMX notification per GC and put a turbo filter in front of every log-level check.
	local metrics_off=()
	if [[ ${BENCH_UVI_METRICS:-0} != 1 ]]; then
		metrics_off=(--uvi.metrics.enabled=false "--spring.autoconfigure.exclude=$BOOT_METRICS_BINDERS")
	fi
	case ${1%-h2} in
	plain) CMD=(java "${JVM_FLAGS[@]}" "${jfr[@]}" -Dbench.loops=1 -Dbench.idleSeconds=$KEEP_ALIVE "${h2c[@]}"
		-cp "$cp" dev.uvi.bench.plain.PlainServer "$port") ;;
	uvi) jar=$(sample_jar) || return 1
		CMD=(java "${JVM_FLAGS[@]}" "${jfr[@]}" -jar "$jar" --uvi.port="$port" --uvi.access-log=false
		--uvi.workers=1 --uvi.timeout-keep-alive=$KEEP_ALIVE --logging.level.root=warn "${h2c[@]}"
		"${metrics_off[@]}") ;;
	uvicorn) CMD=($PYTHON -m uvicorn asgi_app:app --port "$port" --workers 1 --no-access-log --loop uvloop
		--http httptools --ws websockets --timeout-keep-alive $KEEP_ALIVE) ;;
	hypercorn) CMD=($PYTHON -m hypercorn asgi_app:app --bind 127.0.0.1:"$port" --workers 1
		--worker-class uvloop --keep-alive $KEEP_ALIVE) ;;
	webflux) CMD=(java "${JVM_FLAGS[@]}" "${jfr[@]}" -Dreactor.netty.ioWorkerCount=1 -cp "$cp"
		dev.uvi.bench.webflux.WebFluxApp --server.address=127.0.0.1 --server.port="$port"
		--server.netty.idle-timeout=${KEEP_ALIVE}s --logging.level.root=warn "${h2c[@]}") ;;
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

# The process a scenario drives: h2get goes to the target's h2c instance where it has one.
instance() { if [[ $2 == h2get && -n ${PORT[$1-h2]:-} ]]; then echo "$1-h2"; else echo "$1"; fi; }

# A scenario a target cannot serve is skipped with a note instead of failing the run.
route_ok() {
	local name=$1 scenario=$2 base=http://127.0.0.1:${PORT[$(instance "$1" "$2")]} code
	case $scenario in
	echo4k) code=$(status_of -X POST --data-binary probe "$base/echo") ;;
	download1m) code=$(status_of "$base/download?size=16") ;;
	h2get) h2load -n1 -c1 "$base/" 2>&1 | grep -q '^status codes: 1 2xx' && return 0
		note "$name" "$scenario" "skipped: no cleartext HTTP/2 (h2load's prior-knowledge request to $base failed)"
		return 1 ;;
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
	local name=$1 scenario=$2 seconds=$3 base=http://127.0.0.1:${PORT[$(instance "$1" "$2")]} out
	local wrk=(taskset -c 1 wrk -t1 -d"${seconds}s" --latency)
	case $scenario in
	get64) out=$("${wrk[@]}" -c64 "$base/") ;;
	get256) out=$("${wrk[@]}" -c256 "$base/") ;;
	echo4k) out=$("${wrk[@]}" -c64 -s "$BENCH/echo.lua" "$base/echo") ;;
	download1m) out=$("${wrk[@]}" -c16 "$base/download?size=1048576") ;;
	ws64) out=$(taskset -c 1 java "${JVM_FLAGS[@]}" -cp "$BENCH/target/classes:$BENCH/target/lib/*" \
		dev.uvi.bench.load.WebSocketEchoLoad "ws://127.0.0.1:${PORT[$name]}/ws/echo" 64 1 "$seconds" 64 \
		"$WS_DEPTH") || true ;;
	h2get) out=$(taskset -c 1 h2load -c16 -m16 -D "$seconds" "$base/" 2>&1) || true ;;
	esac
	if [[ $scenario == h2get ]]; then
		h2load_figures "$name" <<<"$out"
		return 0
	fi
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

# h2load's figures as "req/s mean max". It gives no percentiles, only min, max, mean and sd of the
# request time, so for h2get the two latency columns hold the mean and the max (report.py says so).
h2load_figures() {
	local name=$1 out
	out=$(cat)
	if ! grep -q '^status codes: [1-9][0-9]* 2xx, 0 3xx, 0 4xx, 0 5xx' <<<"$out"; then
		echo "ERROR $(grep -E '^(requests|status codes):' <<<"$out" | tr '\n' ' ')"
		return 0
	fi
	grep -q ' 0 failed,' <<<"$out" || note "$name" h2get "$(grep '^requests:' <<<"$out")"
	awk '/^finished in/ { rps = $4 } /^time for request:/ { max = $5; mean = $6 } END { print rps, mean, max }' <<<"$out"
}

# Drives GET / in WARMUP_SECONDS slices until two slices in a row agree within 5% (at most
# WARMUP_SLICES): a JVM pinned to one core shares it with its JIT, and reaches its steady rate only
# after 6-10 s of load (uvi, with more code, later than plain), while a 2 s warm-up left round 1
# measuring the JIT. It runs after the other scenarios' warm-up: when it ran first, their code paths
# made the JIT deoptimise and recompile GET /'s, and round 1 of get64 lost a third again. uvicorn is
# steady after two slices. The slices go to extra.tsv.
warm_until_steady() {
	local name=$1 previous=0 rate slice
	for slice in $(seq "$WARMUP_SLICES"); do
		rate=$(drive "$name" get64 "$WARMUP_SECONDS" | awk '{ print int($1) }')
		[[ $rate =~ ^[0-9]+$ ]] || return 0
		printf 'warmup\t%s\t%s\t%s\n' "$name" "$slice" "$rate" >>"$OUT/extra.tsv"
		if ((slice > 1 && rate * 100 >= previous * 95 && rate * 100 <= previous * 105)); then
			log "  $name steady after $slice slices: $rate req/s"
			return 0
		fi
		previous=$rate
	done
	log "  $name not steady after $WARMUP_SLICES slices: $rate req/s"
}

# One measured run: the figures plus the server's CPU (% of one core) and RSS over that run.
measure() {
	local name=$1 scenario=$2 round=$3 pid=${PID[$(instance "$1" "$2")]} seconds=$HTTP_SECONDS ticks0 ticks1 t0 t1 result
	[[ $scenario == ws64 ]] && seconds=$WS_SECONDS
	[[ $scenario == h2get ]] && seconds=$H2_SECONDS
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

# Time from `java` to the first 200 on GET /, not pinned (2 cores, as the target is stated): the packaged
# jar as it is (`uvi`), and extracted with a CDS archive from Spring's training run (`uvi-cds`, README
# "Starting faster"), alternated so that drift hits both alike.
startup_time() {
	local jar cds=$OUT/cds app
	jar=$(sample_jar) || return 0
	app=$cds/$(basename "$jar")
	rm -rf "$cds"
	if ! { java -Djarmode=tools -jar "$jar" extract --destination "$cds" &&
		java "${JVM_FLAGS[@]}" -XX:ArchiveClassesAtExit="$cds/app.jsa" -Dspring.context.exit=onRefresh \
			-jar "$app" --logging.level.root=warn; } >"$OUT/cds-training.log" 2>&1; then
		note uvi-cds startup "CDS training run failed (bench/out/cds-training.log)"
	fi
	for i in $(seq "$STARTUPS"); do
		first_200 uvi "$i" -jar "$jar" || return 0
		if [[ -f $cds/app.jsa ]]; then
			first_200 uvi-cds "$i" -XX:SharedArchiveFile="$cds/app.jsa" -jar "$app" || return 0
		fi
	done
}

# One start of the sample app with these java arguments, timed to its first 200 into extra.tsv.
first_200() {
	local name=$1 i=$2 port=18010 t0 pid
	shift 2
	t0=$(date +%s%N)
	java "${JVM_FLAGS[@]}" "$@" --uvi.port=$port --uvi.access-log=false --logging.level.root=warn \
		>"$OUT/startup-$name.log" 2>&1 &
	pid=$!
	until [[ $(status_of "http://127.0.0.1:$port/") == 200 ]]; do
		kill -0 $pid 2>/dev/null || { note "$name" startup "sample app exited during startup"; return 1; }
		sleep 0.02
	done
	printf 'startup\t%s\t%s\t%s\n' "$name" "$i" "$((($(date +%s%N) - t0) / 1000000))" >>"$OUT/extra.tsv"
	kill $pid && wait $pid 2>/dev/null || true
}

# Live heap after a full GC, in KiB, for JVM targets ("-" otherwise). A warm JVM's RSS hardly moves
# when objects land in heap pages it touched already, so the live heap is the JVM's real cost.
live_heap_kib() {
	[[ $1 == uvicorn || $1 == hypercorn ]] && { echo -; return; }
	local info # one attach for both commands: jcmd -f runs each line of the file
	info=$(jcmd "$2" -f <(printf 'GC.run\nGC.heap_info\n') 2>/dev/null) || { echo -; return; }
	awk '/Metaspace/ { exit }
		$1 ~ /Gen$/ { for (i = 1; i < NF; i++) if ($i == "used") { sub("K", "", $(i + 1)); kib += $(i + 1) } }
		END { print kib + 0 }' <<<"$info"
}

# RSS and live heap of a warm target before and while a load client holds connections open. $1 names both
# the row and the line the client prints once every connection is set up: "idle" (IdleConnections,
# IDLE_CONNECTIONS keep-alive connections after one GET / each) or "open" (OpenWebSockets, OPEN_WEBSOCKETS
# WebSockets on /ws/echo after one echo each). The client is stopped once the figures are read.
held_connections() {
	local kind=$1 name=$2 pid=${PID[$2]} log=$OUT/$1-$2.log main before heap_before after heap_after client
	case $kind in
	idle) main=(dev.uvi.bench.load.IdleConnections 127.0.0.1 "${PORT[$name]}" "$IDLE_CONNECTIONS" 120) ;;
	open) main=(dev.uvi.bench.load.OpenWebSockets "ws://127.0.0.1:${PORT[$name]}/ws/echo" "$OPEN_WEBSOCKETS" 120) ;;
	esac
	heap_before=$(live_heap_kib "$name" "$pid") before=$(rss_kib "$pid")
	: >"$log"
	taskset -c 1 java -cp "$BENCH/target/classes:$BENCH/target/lib/*" "${main[@]}" >"$log" 2>&1 &
	client=$!
	for _ in $(seq 900); do
		grep -q "^$kind:" "$log" && break
		kill -0 $client 2>/dev/null || break
		sleep 0.1
	done
	if ! grep -q "^$kind:" "$log"; then
		note "$name" "$kind" "skipped: $(head -1 "$log")"
		kill $client 2>/dev/null && wait $client 2>/dev/null || true
		return
	fi
	sleep 1
	heap_after=$(live_heap_kib "$name" "$pid") after=$(rss_kib "$pid")
	kill $client && wait $client 2>/dev/null || true
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$name" "$(awk -v k="$kind:" '$1 == k { print $2 }' "$log")" \
		"$before" "$after" "$heap_before" "$heap_after" >>"$OUT/extra.tsv"
	log "  $kind $name: $(head -1 "$log"), RSS $before -> $after KiB, live heap $heap_before -> $heap_after KiB"
}

# The larger of two figures, where "-" (not measured) loses.
larger() { if [[ $1 == - ]] || { [[ $2 != - ]] && (($2 > $1)); }; then echo "$2"; else echo "$1"; fi; }

# Memory while a client reads GET /download?size=1 GiB at 1 MiB/s for SLOW_SECONDS (the whole body would
# take 17 minutes): a server that honours back-pressure holds the unread rest back instead of buffering it.
# All targets at once, as each client makes only a few reads a second and the figures are memory, not
# speed. RSS and live heap are read before, then every SLOW_SAMPLE seconds while the clients read; the
# largest reading is kept.
slow_download() {
	local size=$((1024 * 1024 * 1024)) name busy
	local -A client=() rss=() heap=() rss_max=() heap_max=()
	for name in "$@"; do
		heap[$name]=$(live_heap_kib "$name" "${PID[$name]}") rss[$name]=$(rss_kib "${PID[$name]}")
		heap_max[$name]=${heap[$name]} rss_max[$name]=${rss[$name]}
	done
	for name in "$@"; do
		taskset -c 1 java -cp "$BENCH/target/classes:$BENCH/target/lib/*" dev.uvi.bench.load.SlowDownload \
			127.0.0.1 "${PORT[$name]}" $size $((1024 * 1024)) "$SLOW_SECONDS" >"$OUT/slow-$name.log" 2>&1 &
		client[$name]=$!
	done
	busy=1
	while ((busy)); do
		sleep "$SLOW_SAMPLE"
		busy=0
		for name in "$@"; do
			kill -0 "${client[$name]}" 2>/dev/null || continue
			busy=1
			heap_max[$name]=$(larger "${heap_max[$name]}" "$(live_heap_kib "$name" "${PID[$name]}")")
			rss_max[$name]=$(larger "${rss_max[$name]}" "$(rss_kib "${PID[$name]}")")
		done
	done
	for name in "$@"; do
		wait "${client[$name]}" || true
		if ! grep -q "^status: 200 length: $size\$" "$OUT/slow-$name.log"; then
			note "$name" slow "skipped: $(head -1 "$OUT/slow-$name.log")"
			continue
		fi
		printf 'slow\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(awk '/^read:/ { print $2 }' "$OUT/slow-$name.log")" \
			"$SLOW_SECONDS" "${rss[$name]}" "${rss_max[$name]}" "${heap[$name]}" "${heap_max[$name]}" >>"$OUT/extra.tsv"
		log "  slow $name: $(tail -1 "$OUT/slow-$name.log"), RSS ${rss[$name]} -> max ${rss_max[$name]} KiB," \
			"live heap ${heap[$name]} -> max ${heap_max[$name]} KiB"
	done
}

# With BENCH_WAIT_QUIET=N, waits up to N seconds for other builds and JVMs to finish before measuring.
wait_quiet() {
	local limit=${BENCH_WAIT_QUIET:-0} waited=0
	while ((waited < limit)) && (($(others_busy) > 0)); do
		((waited % 60 == 0)) && log "waiting for other builds and JVMs to finish ($waited s of $limit)"
		sleep 5
		waited=$((waited + 5))
	done
}

# Other engineers' Maven builds share these two cores, and so does any JVM left running (a test's
# server, an earlier run's target): counts those that are not this run's targets. RESULTS.md says.
others_busy() {
	local ours=" ${PID[*]} " count pid
	count=$({ pgrep -f 'surefire|plexus-classworlds' || true; } | wc -l)
	for pid in $(pgrep -x java || true); do
		[[ $ours == *" $pid "* ]] || count=$((count + 1))
	done
	echo "$count"
}

main() {
	ulimit -n "$(ulimit -Hn)"
	mkdir -p "$OUT"
	rm -f "$OUT"/*.tsv "$OUT"/*.log
	ensure_tools
	build
	trap stop_all EXIT
	wait_quiet
	local ready=() started=$SECONDS seconds
	for name in "${TARGETS[@]}"; do
		start_target "$name" || note "$name" all "skipped: cannot be started"
		if [[ -n ${PORT[$name-h2]:-} ]]; then
			start_target "$name-h2" || note "$name" h2get "skipped: its h2c instance cannot be started"
		fi
	done
	for name in "${TARGETS[@]}"; do
		[[ -n ${PID[$name]:-} ]] || continue
		if wait_ready "$name"; then ready+=("$name"); else note "$name" all "skipped: did not answer GET /"; fi
		if [[ -n ${PID[$name-h2]:-} ]] && ! wait_ready "$name-h2"; then
			note "$name" h2get "skipped: its h2c instance did not answer GET /"
		fi
	done
	printf 'env\tbusy_start\t%s\n' "$(others_busy)" >>"$OUT/extra.tsv"
	log "warming up ${ready[*]}"
	NOTES=warmup-notes.tsv
	for name in "${ready[@]}"; do
		for scenario in "${SCENARIOS[@]:1}"; do
			seconds=$WARMUP_SECONDS
			[[ $scenario == h2get ]] && seconds=$H2_WARMUP_SECONDS
			route_ok "$name" "$scenario" && drive "$name" "$scenario" "$seconds" >/dev/null || true
		done
		warm_until_steady "$name" # last: the other scenarios would make the JIT recompile GET /'s path
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
	for name in "${ready[@]}"; do held_connections idle "$name"; done
	log "open WebSockets"
	for name in "${ready[@]}"; do held_connections open "$name"; done
	log "slow download"
	slow_download "${ready[@]}"
	stop_all
	log "startup time"
	startup_time
	printf 'env\tmode\t%s rounds=%s http=%ss ws=%ss h2=%ss warmup=%ss slices up to %s (h2: %ss) slow-download=%ss\n' "$MODE" \
		"$ROUNDS" "$HTTP_SECONDS" "$WS_SECONDS" "$H2_SECONDS" "$WARMUP_SECONDS" "$WARMUP_SLICES" "$H2_WARMUP_SECONDS" \
		"$SLOW_SECONDS" >>"$OUT/extra.tsv"
	printf 'env\tmeasured\t%s\n' "$((SECONDS - started))" >>"$OUT/extra.tsv"
	printf 'env\tjvm\t%s\n' "${JVM_FLAGS[*]}" >>"$OUT/extra.tsv"
	$PYTHON "$BENCH/report.py" "$OUT" >"$BENCH/RESULTS.md"
	cat "$BENCH/RESULTS.md"
}

main "$@"
