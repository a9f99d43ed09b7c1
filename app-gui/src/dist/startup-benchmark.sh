#!/bin/bash
# Start-up and memory benchmark of the console and the server (prints figures; not a test). Run after
# `./mvnw -B -Pdist package` (app image and server tar) or `./mvnw -B -pl app-gui -am package -DskipTests` (fat jars):
#   app-gui/src/dist/startup-benchmark.sh [--runs N] [--rss-after SECONDS] [--console LAUNCHER | --console-jar JAR]
#       [--java-options "OPTS"] [--server LAUNCHER] [--server-jar JAR] [--large-data DIR] [--no-large]
# Console: wall time from spawn to its first-window and first-data lines (warm data directory with the demo
# fleet, and a new one that seeds the demo), RSS (VmRSS, VmHWM) after --rss-after seconds of the demo; with the
# console benchmark's seeded data directory (-Pconsole-bench: 10,000 deployments, by default
# app-gui/target/console-bench/data-10000-200000 when present) the same for a copy of it embedded and for
# --server to a server on it. --java-options go to the console's JVM (to an app image's launcher through
# JAVA_TOOL_OPTIONS); the environment is passed on (e.g. MALLOC_ARENA_MAX=2). On $DISPLAY if set (e.g. Xvfb),
# else headless through Monocle. Server: spawn to /health/readiness UP from its launcher, first start (writes
# its class-data cache) and later starts. Medians of --runs; a Markdown table on stdout.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
runs=5 rss_after=60
console=$root/app-gui/target/dist/modeldeploy-console/bin/modeldeploy-console
console_jar="" java_options=""
server_tar=$(ls "$root"/app-server/target/dist/modeldeploy-server-*.tar.gz 2>/dev/null | head -n 1 || true)
server="" server_jar=$(ls "$root"/app-server/target/app-server-*-all.jar 2>/dev/null | head -n 1 || true)
large=$root/app-gui/target/console-bench/data-10000-200000
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --rss-after) rss_after=$2; shift 2 ;;
    --console) console=$2; shift 2 ;;
    --console-jar) console_jar=$2; shift 2 ;;
    --java-options) java_options=$2; shift 2 ;;
    --server) server=$2; shift 2 ;;
    --server-jar) server_jar=$2; shift 2 ;;
    --large-data) large=$2; shift 2 ;;
    --no-large) large=""; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d /tmp/modeldeploy-startup-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -z "$server" ] && [ -n "$server_tar" ]; then
  tar -xzf "$server_tar" -C "$work"
  server=$(ls -d "$work"/modeldeploy-server-*/bin/modeldeploy-server)
fi
port=$((19500 + RANDOM % 400))

bench_opts="-Dmodeldeploy.reportFirstData=true -Djava.util.prefs.userRoot=$work/prefs"
if [ -z "${DISPLAY:-}" ]; then
  bench_opts="$bench_opts -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw"
fi
if [ -n "$console_jar" ]; then
  class_path=$console_jar
  if [ -z "${DISPLAY:-}" ]; then   # the fat jar has no Monocle; the test class path's copy
    class_path=$class_path:$(ls "$HOME"/.m2/repository/org/testfx/openjfx-monocle/*/openjfx-monocle-*.jar | head -n 1)
  fi
  # shellcheck disable=SC2206 # options are words
  console_cmd=(java $java_options $bench_opts -cp "$class_path" io.modeldeploy.gui.ConsoleLauncher)
  console_env=()
else
  [ -x "$console" ] || console=""
  console_cmd=("$console")
  console_env=(JAVA_TOOL_OPTIONS="$java_options $bench_opts")
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One console start with the given arguments: prints "WINDOW_MS DATA_MS RSS_MB HWM_MB" (spawn to the first
# window and to the first data; RSS and its peak only when asked to wait, else -).
console_start() {
  local wait_s=$1 log=$work/console.log started pid window=- data rss=- hwm=-
  shift
  started=$(now_ms)
  env "${console_env[@]}" "${console_cmd[@]}" "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3600); do
    [ "$window" = - ] && grep -q '^modeldeploy-first-window ' "$log" && window=$(( $(now_ms) - started ))
    grep -q '^modeldeploy-first-data ' "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "the console exited" >&2; exit 1; }
    sleep 0.05
  done
  grep -q '^modeldeploy-first-data ' "$log" || { cat "$log" >&2; echo "no first data after 180 s" >&2; exit 1; }
  data=$(( $(now_ms) - started ))
  if [ "$wait_s" -gt 0 ]; then
    sleep "$wait_s"
    rss=$(( $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
    hwm=$(( $(awk '/^VmHWM/ {print $2}' "/proc/$pid/status") / 1024 ))
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$window $data $rss $hwm"
}

# A server on the data directory $1, in the background: its launcher if given, else the fat jar with the
# README's options; echoes its pid once readiness is UP.
server_up() {
  local data=$1 pid
  if [ -n "$server" ]; then
    MODELDEPLOY_CDS_DIR=${server_cache:-$work/server-cache} "$server" --data-dir "$data" --port "$port" \
      > "$work/server.log" 2>&1 &
  else
    java -Xms32m -Xmx128m -XX:+UseParallelGC -jar "$server_jar" --data-dir "$data" --port "$port" \
      > "$work/server.log" 2>&1 &
  fi
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.02
  done
  echo "$pid"
}

# SIGTERM to a server started by server_up (not a child of this shell), then waits until it has gone.
server_stop() {
  kill -TERM "$1"
  while kill -0 "$1" 2>/dev/null; do sleep 0.05; done
}

server_start() {
  local started pid
  started=$(now_ms)
  pid=$(server_up "$1")
  echo $(( $(now_ms) - started ))
  server_stop "$pid"
}

# Waits (at most 60 s) until process $1 has used less than a tenth of a core over 2 s: a server that has just
# started on the 10,000 deployments compacts its database file and compiles for a while, on the same two cores.
quiet_wait() {
  local before after
  for _ in $(seq 1 30); do
    before=$(awk '{print $14 + $15}' "/proc/$1/stat")
    sleep 2
    after=$(awk '{print $14 + $15}' "/proc/$1/stat")
    [ $(( after - before )) -lt $(( $(getconf CLK_TCK) / 5 )) ] && return
  done
}

# Runs console_start $runs times with "$@" and prints the window and data rows (label $1).
console_rows() {
  local label=$1 window=() data=() result
  shift
  for _ in $(seq 1 "$runs"); do
    [ -n "${before_each:-}" ] && eval "$before_each"
    result=$(console_start 0 "$@")
    window+=("$(echo "$result" | cut -d ' ' -f 1)")
    data+=("$(echo "$result" | cut -d ' ' -f 2)")
  done
  echo "| console: spawn to first window, $label (ms) | $(printf '%s\n' "${window[@]}" | median) | ${window[*]} |"
  echo "| console: spawn to first data, $label (ms) | $(printf '%s\n' "${data[@]}" | median) | ${data[*]} |"
}

echo "| measurement | median | runs (ms or MB) |"
echo "|---|---:|---|"
if [ -n "${console_cmd[0]}" ]; then
  console_start 0 --data-dir "$work/console-warm" --port "$port" > /dev/null   # seeds the demo once
  console_rows "warm data directory" --data-dir "$work/console-warm" --port "$port"
  before_each='rm -rf "$work/console-fresh"'
  console_rows "new data directory" --data-dir "$work/console-fresh" --port "$port"
  before_each=""
  read -r _ _ rss hwm <<< "$(console_start "$rss_after" --data-dir "$work/console-warm" --port "$port")"
  echo "| console: VmRSS / VmHWM after ${rss_after} s of the demo (MB) | $rss / $hwm | |"
  if [ -n "$large" ] && [ -d "$large" ]; then
    rm -rf "$work/large"; cp -r "$large" "$work/large"
    # Unmeasured: a set seeded by an earlier build is migrated to the current schema at its first start (an
    # upgrade, once, not a start-up cost). Without the demo nothing writes, so the later starts find it as it was.
    console_start 0 --data-dir "$work/large" --port "$port" --no-demo > /dev/null
    console_rows "10,000 deployments embedded" --data-dir "$work/large" --port "$port" --no-demo
    read -r _ _ rss hwm <<< "$(console_start "$rss_after" --data-dir "$work/large" --port "$port" --no-demo)"
    echo "| console: VmRSS / VmHWM ${rss_after} s after first data, 10,000 deployments embedded (MB) | $rss / $hwm | |"
    if [ -n "$server" ] || [ -n "$server_jar" ]; then
      # A running server has started before: its first start (unmeasured, a class-data cache of its own) writes
      # the cache that its later starts map, as the server rows below measure.
      server_cache=$work/server-cache-large
      server_start "$work/large" > /dev/null
      spid=$(server_up "$work/large")
      # Its own token: the console would otherwise offer the local token of this user's default data directory.
      remote=(--server "http://127.0.0.1:$port" --token "$(cat "$work/large/local-token")")
      # Unmeasured: a running server has served consoles before (its first answers are the JIT's coldest: after
      # each of its first consoles it compiles for about a second); each measured start waits until it is quiet.
      for _ in 1 2 3; do console_start 0 "${remote[@]}" > /dev/null; done
      before_each='quiet_wait "$spid"'
      console_rows "10,000 deployments with --server" "${remote[@]}"
      before_each=""
      read -r _ _ rss hwm <<< "$(console_start "$rss_after" "${remote[@]}")"
      echo "| console: VmRSS / VmHWM ${rss_after} s after first data, 10,000 deployments with --server (MB) | $rss / $hwm | |"
      server_stop "$spid"
      server_cache=""
    fi
  fi
fi
if [ -n "$server" ]; then
  first=$(server_start "$work/server-data")
  later=()
  for _ in $(seq 1 "$runs"); do later+=("$(server_start "$work/server-data")"); done
  echo "| server: spawn to readiness UP, first start (ms) | $first | $first |"
  echo "| server: spawn to readiness UP, later starts (ms) | $(printf '%s\n' "${later[@]}" | median) | ${later[*]} |"
fi
