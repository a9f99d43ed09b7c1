#!/bin/sh
# Smoke test of the server distribution (the `dist` profile's verify phase): unpacks the tar.gz, starts
# bin/modeldeploy-server, waits for readiness UP, stops it with SIGTERM, and checks it exits; twice, the
# second time with the class-data cache the first start wrote. Also: JAVA_OPTS reaches the JVM, and a
# missing Java is refused with a clear message.
# Usage: smoke-test-server-dist.sh TARBALL WORK_DIR PORT
set -eu
tarball=$1 work=$2 port=$3
rm -rf "$work"
mkdir -p "$work/unpacked" "$work/cache"
tar -xzf "$tarball" -C "$work/unpacked"
home=$(ls -d "$work"/unpacked/modeldeploy-server-*)
launcher=$home/bin/modeldeploy-server
for f in bin/modeldeploy-server lib/modeldeploy-server.jar conf/modeldeploy.service \
         conf/modeldeploy.env.example README.txt; do
  [ -e "$home/$f" ] || { echo "FAIL: $f missing from $tarball" >&2; exit 1; }
done
[ -x "$launcher" ] || { echo "FAIL: the launcher is not executable" >&2; exit 1; }
if grep -q '@project.version@' "$launcher"; then echo "FAIL: the launcher was not filtered" >&2; exit 1; fi

fail() {
  echo "FAIL: $1" >&2
  [ -f "$work/server.log" ] && cat "$work/server.log" >&2
  exit 1
}

start_ready_stop() {
  label=$1
  started=$(date +%s%N)
  MODELDEPLOY_CDS_DIR=$work/cache JAVA_OPTS="-Dmodeldeploy.smokeTest=$label" \
    "$launcher" --port "$port" --data-dir "$work/data" > "$work/server.log" 2>&1 &
  pid=$!
  waited=0
  until curl -sf "http://127.0.0.1:$port/health/readiness" | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || fail "$label: the server exited before it was ready"
    [ "$waited" -lt 600 ] || { kill -9 "$pid"; fail "$label: not ready after 60 s"; }
    sleep 0.1; waited=$((waited + 1))
  done
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "-Dmodeldeploy.smokeTest=$label" \
    || fail "$label: JAVA_OPTS did not reach the JVM"
  kill -TERM "$pid"
  waited=0
  while kill -0 "$pid" 2>/dev/null; do
    [ "$waited" -lt 300 ] || { kill -9 "$pid"; fail "$label: still running 30 s after SIGTERM"; }
    sleep 0.1; waited=$((waited + 1))
  done
  code=0; wait "$pid" || code=$?
  [ "$code" -eq 143 ] || [ "$code" -eq 0 ] || fail "$label: exit code $code after SIGTERM"
  if grep -E 'ERROR|Exception' "$work/server.log" >/dev/null; then fail "$label: errors in the log"; fi
  echo "server distribution smoke test, $label: ready after $ready_ms ms, stopped with exit code $code"
}

start_ready_stop "first-start"
ls "$work"/cache/modeldeploy-server-* >/dev/null 2>&1 || fail "the first start left no class-data cache"
# The second start finds the data directory unlocked and maps the cache the first one wrote.
start_ready_stop "second-start"

out=$(JAVA_HOME=$work/no-such-jdk "$launcher" --help 2>&1) && fail "a JAVA_HOME without Java was accepted"
echo "$out" | grep -q "is not an executable Java" || fail "unclear message for a JAVA_HOME without Java: $out"
echo "server distribution smoke test passed"
