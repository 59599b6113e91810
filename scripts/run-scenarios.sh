#!/usr/bin/env bash
# Runs every scenario of docs/performance.md against Haven and against the reference broadcast
# server, each server in its own JVM and the load tool in another, ROUNDS times, alternating
# Haven and the reference. Writes one JSON report per run, the servers' logs and the load
# average before each run into OUT (default /tmp/haven-perf-DATE). Loopback only.
# With BASELINE_JAR (a haven-server.jar built from another commit) each scenario also runs on
# that server, target "baseline", in the same rounds: before and after a change, measured together.
#
#   mvn -B -q -DskipTests package && scripts/run-scenarios.sh [OUT]
#   ROUNDS=1 SCENARIOS="s1 s2" scripts/run-scenarios.sh
#   BASELINE_JAR=/tmp/before/haven-server.jar ROUNDS=5 SCENARIOS=s1 scripts/run-scenarios.sh
# On a machine shared with other work, WAIT_FOR_LOAD=2.5 waits (up to 10 minutes) before each run
# until the 1-minute load average is below 2.5; the load at the start is written down either way.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-/tmp/haven-perf-$(date +%Y%m%d-%H%M%S)}
ROUNDS=${ROUNDS:-2}
SCENARIOS=${SCENARIOS:-"s1 s2 s3 saturate s1-stalled"}
HAVEN_PORT=${HAVEN_PORT:-8090}
REFERENCE_PORT=${REFERENCE_PORT:-8091}
JAVA_OPTS=${JAVA_OPTS:-}
BASELINE_JAR=${BASELINE_JAR:-}
WAIT_FOR_LOAD=${WAIT_FOR_LOAD:-}
TARGETS="haven reference"

mkdir -p "$OUT/jars"
# Copies: a build running meanwhile must not replace classes under a running JVM.
cp server/target/haven-server.jar client-sample/target/haven-bench.jar "$OUT/jars/"
if [ -n "$BASELINE_JAR" ]; then
  cp "$BASELINE_JAR" "$OUT/jars/baseline-server.jar"
  TARGETS="haven reference baseline"
fi
BENCH=(java -jar "$OUT/jars/haven-bench.jar")
"${BENCH[@]}" config --rooms 1000 --capacity 1000 > "$OUT/haven-bench.yaml"

SERVER_PID=

wait_for_port() {
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "nothing listens on port $1 after 30 s" >&2
  return 1
}

start_server() { # target name
  if [ "$1" = haven ] || [ "$1" = baseline ]; then
    local jar="$OUT/jars/haven-server.jar"
    [ "$1" = baseline ] && jar="$OUT/jars/baseline-server.jar"
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$jar" --config "$OUT/haven-bench.yaml" --port "$HAVEN_PORT" \
      > "$OUT/$2.server.log" 2>&1 &
    SERVER_PID=$!
    wait_for_port "$HAVEN_PORT"
  else
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$OUT/jars/haven-bench.jar" reference --port "$REFERENCE_PORT" > "$OUT/$2.server.log" 2>&1 &
    SERVER_PID=$!
    wait_for_port "$REFERENCE_PORT"
  fi
}

wait_for_quiet() {
  [ -n "$WAIT_FOR_LOAD" ] || return 0
  for _ in $(seq 1 60); do
    awk -v limit="$WAIT_FOR_LOAD" '{ exit !($1 < limit) }' /proc/loadavg && return 0
    sleep 10
  done
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}
trap stop_server EXIT

scenario_args() {
  case "$1" in
    s1)         echo "fanout --rooms 1 --members 200 --senders 5 --rate 20 --duration 30 --warmup 30" ;;
    s1-stalled) echo "fanout --rooms 1 --members 200 --senders 5 --rate 20 --duration 30 --warmup 30 --stalled 1" ;;
    s2)         echo "fanout --rooms 100 --members 10 --senders 1 --rate 2 --duration 30 --warmup 30" ;;
    s3)         echo "hold --connections 10000 --room-size 10 --hold 10" ;;
    saturate)   echo "saturate --rooms 1 --members 200 --senders 5 --start-rate 20 --step-factor 1.25 --step-seconds 5 --max-steps 20 --warmup 10" ;;
    *) echo "unknown scenario $1" >&2; return 1 ;;
  esac
}

for round in $(seq 1 "$ROUNDS"); do
  for scenario in $SCENARIOS; do
    for target in $TARGETS; do
      name="$scenario.$target.$round"
      port=$HAVEN_PORT; [ "$target" = reference ] && port=$REFERENCE_PORT
      label=$target; [ "$target" = baseline ] && label=haven  # the report's label; the file name tells them apart
      wait_for_quiet
      start_server "$target" "$name"
      echo "$name $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/loadavg.txt"
      # shellcheck disable=SC2046
      "${BENCH[@]}" $(scenario_args "$scenario") --url "ws://127.0.0.1:$port/ws" --target "$label" \
        --server-pid "$SERVER_PID" --out "$OUT/$name.json" | tee -a "$OUT/summary.txt" || true
      stop_server
    done
  done
done
echo "reports in $OUT"
