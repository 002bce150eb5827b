#!/usr/bin/env bash
# Checks the deployment files with the tools that read them, installed from Debian's packages:
#   nginx -t                      deploy/nginx.conf inside a minimal nginx.conf
#   systemd-analyze verify        deploy/uvi-sample.service
#   yamllint                      deploy/k8s/*.yaml
#   the image's layers            the Dockerfile's extraction, CDS training run and ENTRYPOINT run on the host
#                                 (no container engine needed): GET /health/ready, then SIGTERM must exit 0
# A tool that cannot be installed is skipped with a message; any check that runs and fails fails the script.
# Needs root for apt-get (or the tools already installed). The numbers are cross-checked by DeployFilesTests.
set -uo pipefail
cd "$(dirname "$0")/.."
deploy=$PWD/deploy
failed=0
skipped=0

say() { printf '%s\n' "check.sh: $*"; }
pass() { say "PASS $*"; }
fail() { say "FAIL $*"; failed=$((failed + 1)); }
skip() { say "SKIP $*"; skipped=$((skipped + 1)); }

# need <command> <debian package>: installs the package when the command is missing
apt_updated=
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		return 1
	fi
	if [ -z "$apt_updated" ]; then
		DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 && apt_updated=yes
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null 2>&1
	command -v "$1" >/dev/null 2>&1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# nginx: the site goes into the http block of a throw-away main configuration
if need nginx nginx; then
	mkdir -p "$work/nginx/logs"
	cat >"$work/nginx/nginx.conf" <<CONF
pid $work/nginx/nginx.pid;
error_log stderr;
events {}
http {
	access_log off;
	include $deploy/nginx.conf;
}
CONF
	if out=$(nginx -t -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>&1); then
		pass "nginx -t: deploy/nginx.conf ($(nginx -v 2>&1))"
	else
		fail "nginx -t: deploy/nginx.conf"; printf '%s\n' "$out"
	fi
else
	skip "nginx -t: Debian's nginx could not be installed"
fi

# systemd: verify loads the unit as systemd would (directives, ExecStart binary, sections)
if need systemd-analyze systemd; then
	if out=$(systemd-analyze verify "$deploy/uvi-sample.service" 2>&1) && [ -z "$out" ]; then
		pass "systemd-analyze verify: deploy/uvi-sample.service ($(systemd-analyze --version | head -1))"
	elif [ -n "$out" ] && ! grep -qv -e 'Failed to .*bus' -e 'System has not been booted' <<<"$out"; then
		skip "systemd-analyze verify: needs a running systemd here: $out"
	else
		fail "systemd-analyze verify: deploy/uvi-sample.service"; printf '%s\n' "$out"
	fi
else
	skip "systemd-analyze verify: Debian's systemd could not be installed"
fi

# Kubernetes manifests: YAML syntax (their numbers are DeployFilesTests' job)
if need yamllint yamllint; then
	if out=$(yamllint -d '{extends: relaxed, rules: {line-length: {max: 120}}}' "$deploy"/k8s/*.yaml 2>&1); then
		pass "yamllint: deploy/k8s/*.yaml"
	else
		fail "yamllint: deploy/k8s/*.yaml"; printf '%s\n' "$out"
	fi
else
	skip "yamllint: Debian's yamllint could not be installed"
fi

# The image without a container engine: the Dockerfile's extraction, its layers copied in its order into
# one directory, its CDS training run, ENTRYPOINT and CMD run there.
jar=$(ls uvi-sample-app/target/uvi-sample-app-*.jar 2>/dev/null | head -1)
if [ -z "$jar" ]; then
	skip "image layers: no uvi-sample-app/target/uvi-sample-app-*.jar (run ./mvnw package first)"
elif ! need curl curl; then
	skip "image layers: curl could not be installed"
else
	extract=$(sed -n 's|^[[:space:]]*extract \(.*\) --destination /extracted$|\1|p' "$deploy/Dockerfile")
	training=$(sed -n 's/^RUN \(java .*-XX:ArchiveClassesAtExit=.*\)$/\1/p' "$deploy/Dockerfile")
	# shellcheck disable=SC2086 # the extraction's options are words
	java -Djarmode=tools -jar "$jar" extract $extract --destination "$work/extracted" >/dev/null
	mkdir "$work/app"
	for layer in $(sed -n 's|^COPY --from=build /extracted/\([a-z-]*\)/ ./$|\1|p' "$deploy/Dockerfile"); do
		cp -r "$work/extracted/$layer/." "$work/app/"
	done
	# shellcheck disable=SC2086 # the training run is a command line
	(cd "$work/app" && exec $training >"$work/training.log" 2>&1) || { tail -20 "$work/training.log"; }
	entrypoint=$(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' "$deploy/Dockerfile" | tr -d '",')
	cmd=$(sed -n 's/^CMD \[\(.*\)\]$/\1/p' "$deploy/Dockerfile" | tr -d '",')
	port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	# shellcheck disable=SC2086 # the entry point and its arguments are words
	(cd "$work/app" && exec env UVI_HOST=127.0.0.1 UVI_PORT="$port" $entrypoint $cmd >"$work/app.log" 2>&1) &
	pid=$!
	ready=
	for _ in $(seq 120); do
		ready=$(curl -sf "http://127.0.0.1:$port/health/ready") && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	kill -TERM "$pid" 2>/dev/null
	for _ in $(seq 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
	kill -KILL "$pid" 2>/dev/null
	wait "$pid"; code=$?
	if [ "$ready" = '{"status":"ready"}' ] && [ "$code" = 0 ] && [ -s "$work/app/app.jsa" ]; then
		pass "image layers: the training run wrote app.jsa; $entrypoint served /health/ready and exited 0 on SIGTERM"
	else
		fail "image layers: app.jsa $(ls -s "$work/app/app.jsa" 2>&1), ready='$ready', exit code $code"
		tail -20 "$work/app.log"
	fi
fi

say "$failed failed, $skipped skipped"
[ "$failed" = 0 ]
