#!/bin/bash
# Start-up and memory benchmark of the distributions (prints figures; not a test). Run after
# `./mvnw -B -Pdist package`:
#   app-gui/src/dist/startup-benchmark.sh [--runs N] [--rss-after SECONDS] [--console LAUNCHER] [--server LAUNCHER]
# Console: wall time from spawn to its first-data line (warm data directory with the demo fleet, and a new
# one that seeds the demo), and RSS after --rss-after seconds of the demo. On $DISPLAY if set (e.g. Xvfb),
# else headless through Monocle. Server: spawn to /health/readiness UP, first start (writes its class-data
# cache) and later starts. Medians of --runs; a Markdown table on stdout.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
runs=5 rss_after=60
console=$root/app-gui/target/dist/modeldeploy-console/bin/modeldeploy-console
server_tar=$(ls "$root"/app-server/target/dist/modeldeploy-server-*.tar.gz 2>/dev/null | head -n 1 || true)
server=""
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --rss-after) rss_after=$2; shift 2 ;;
    --console) console=$2; shift 2 ;;
    --server) server=$2; shift 2 ;;
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

console_opts="-Dmodeldeploy.reportFirstData=true -Djava.util.prefs.userRoot=$work/prefs"
if [ -z "${DISPLAY:-}" ]; then
  console_opts="$console_opts -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw"
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One console start: prints "MS RSS_MB" (RSS only when asked to wait).
console_start() {
  local data=$1 wait_s=$2 log=$work/console.log started pid ms rss=-
  started=$(now_ms)
  JAVA_TOOL_OPTIONS="$console_opts" "$console" --data-dir "$data" --port "$port" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    grep -q '^modeldeploy-first-data ' "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "the console exited" >&2; exit 1; }
    sleep 0.05
  done
  grep -q '^modeldeploy-first-data ' "$log" || { cat "$log" >&2; echo "no first data after 60 s" >&2; exit 1; }
  ms=$(( $(now_ms) - started ))
  if [ "$wait_s" -gt 0 ]; then
    sleep "$wait_s"
    rss=$(( $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $rss"
}

server_start() {
  local data=$1 started pid
  started=$(now_ms)
  MODELDEPLOY_CDS_DIR=$work/server-cache "$server" --data-dir "$data" --port "$port" > "$work/server.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( $(now_ms) - started ))
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

echo "| measurement | median | runs (ms or MB) |"
echo "|---|---:|---|"
if [ -x "$console" ]; then
  console_start "$work/console-warm" 0 > /dev/null   # seeds the demo once: later starts are warm
  warm=(); fresh=()
  for i in $(seq 1 "$runs"); do
    warm+=("$(console_start "$work/console-warm" 0 | cut -d ' ' -f 1)")
    fresh+=("$(console_start "$work/console-fresh-$i" 0 | cut -d ' ' -f 1)")
  done
  echo "| console: spawn to first data, warm data directory (ms) | $(printf '%s\n' "${warm[@]}" | median) | ${warm[*]} |"
  echo "| console: spawn to first data, new data directory (ms) | $(printf '%s\n' "${fresh[@]}" | median) | ${fresh[*]} |"
  rss=$(console_start "$work/console-warm" "$rss_after" | cut -d ' ' -f 2)
  echo "| console: RSS after ${rss_after} s of the demo (MB) | $rss | $rss |"
fi
if [ -n "$server" ]; then
  first=$(server_start "$work/server-data")
  later=()
  for _ in $(seq 1 "$runs"); do later+=("$(server_start "$work/server-data")"); done
  echo "| server: spawn to readiness UP, first start (ms) | $first | $first |"
  echo "| server: spawn to readiness UP, later starts (ms) | $(printf '%s\n' "${later[@]}" | median) | ${later[*]} |"
fi
