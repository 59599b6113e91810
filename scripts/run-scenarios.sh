#!/usr/bin/env bash
# Produces the table of issue #13 by itself (docs/performance.md, "The scenario script"):
#   1. ROUNDS rounds (default 3) of s1, s2 and s3, each run on a freshly started server, the
#      servers interleaved in every round: Haven (started with the distribution's bin/haven, the
#      README's start command), the reference broadcast server, and with BASELINE_JAR the previous
#      build of Haven;
#   2. PAUSE_RUNS (default 10) consecutive s1 runs of Haven, each server with its GC and safepoint
#      log kept, for "no pause over 50 ms in 10 consecutive s1 runs";
#   3. scripts/scenario-table.py: OUT/table.md, medians and ratios to the reference of the same
#      rounds, the pauses, and the load average of every run.
# Every server gets a GC + safepoint log (OUT/NAME.gc.log); the load average before and after each
# run is in OUT/loadavg.txt. Loopback only. About an hour with the defaults and BASELINE_JAR: a run
# takes ~95 s (s1), ~150 s (s2), ~50 s (s3) with the server's start and stop, so a round of 3 servers
# ~15 min, 3 rounds ~45 min, then 10 s1 runs ~13 min; WAIT_FOR_LOAD adds up to 10 min per run.
#
#   mvn -B -q -DskipTests package
#   BASELINE_JAR=/tmp/before/server/target/haven-server.jar WAIT_FOR_LOAD=1.5 scripts/run-scenarios.sh [OUT]
#   ROUNDS=1 PAUSE_RUNS=0 SCENARIOS="s2" scripts/run-scenarios.sh       # one quick look
#   SCENARIOS="s1 s2 s3 saturate s1-stalled" ...                          # the older extra scenarios too
#
# BASELINE_JAR: a haven-server.jar built from main before the change. If it lies in a distribution
# tree (.../lib/haven-server.jar beside .../bin/haven), that tree's own launcher starts it; else it is
# started with the flags of main's launcher before issue #13 (BASELINE_OPTS, default
# "-Xmx512m -XX:MaxNewSize=24m -XX:+ExitOnOutOfMemoryError").
# JAVA_OPTS goes to Haven's and the baseline's JVM (after the launcher's flags), REFERENCE_OPTS to
# the reference's (default: the JVM's defaults). WAIT_FOR_LOAD=1.5 waits (at most 10 minutes) before
# each run until the 1-minute load average is below 1.5; the load is written down either way.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-/tmp/haven-perf-$(date +%Y%m%d-%H%M%S)}
ROUNDS=${ROUNDS:-3}
SCENARIOS=${SCENARIOS:-"s1 s2 s3"}
PAUSE_RUNS=${PAUSE_RUNS:-10}
HAVEN_PORT=${HAVEN_PORT:-8090}
REFERENCE_PORT=${REFERENCE_PORT:-8091}
JAVA_OPTS=${JAVA_OPTS:-}
REFERENCE_OPTS=${REFERENCE_OPTS:-}
BASELINE_JAR=${BASELINE_JAR:-}
BASELINE_OPTS=${BASELINE_OPTS:-"-Xmx512m -XX:MaxNewSize=24m -XX:+ExitOnOutOfMemoryError"}
WAIT_FOR_LOAD=${WAIT_FOR_LOAD:-}
GC_LOG_TAGS="gc,gc+cpu,safepoint"
TARGETS="haven reference"

for needed in server/target/haven-dist/haven/bin/haven client-sample/target/haven-bench.jar; do
  [ -e "$needed" ] || { echo "missing $needed: run mvn -B -q -DskipTests package first" >&2; exit 2; }
done
command -v python3 >/dev/null || { echo "python3 is needed for the table" >&2; exit 2; }

mkdir -p "$OUT/jars" "$OUT/dist"
# Copies: a build running meanwhile must not replace classes under a running JVM.
cp client-sample/target/haven-bench.jar "$OUT/jars/"
rm -rf "$OUT/dist/haven" && cp -r server/target/haven-dist/haven "$OUT/dist/haven"
if [ -n "$BASELINE_JAR" ]; then
  TARGETS="haven reference baseline"
  baseline_home=$(cd "$(dirname "$BASELINE_JAR")/.." && pwd)
  if [ -x "$baseline_home/bin/haven" ]; then
    rm -rf "$OUT/dist/baseline" && cp -r "$baseline_home" "$OUT/dist/baseline"
    cp "$BASELINE_JAR" "$OUT/dist/baseline/lib/haven-server.jar"
  else
    cp "$BASELINE_JAR" "$OUT/jars/baseline-server.jar"
  fi
fi
BENCH=(java -jar "$OUT/jars/haven-bench.jar")
"${BENCH[@]}" config --rooms 1000 --capacity 1000 > "$OUT/haven-bench.yaml"
{
  echo "started $(date -u +%FT%TZ) on $(hostname), $(nproc) cores, $(java -version 2>&1 | head -n 1)"
  echo "haven: $(git rev-parse --short HEAD 2>/dev/null || echo '?') $(git status --porcelain 2>/dev/null | grep -q . && echo '(uncommitted changes)')"
  echo "baseline: ${BASELINE_JAR:-none}"
  echo "ROUNDS=$ROUNDS SCENARIOS=\"$SCENARIOS\" PAUSE_RUNS=$PAUSE_RUNS JAVA_OPTS=\"$JAVA_OPTS\" REFERENCE_OPTS=\"$REFERENCE_OPTS\" WAIT_FOR_LOAD=$WAIT_FOR_LOAD"
} > "$OUT/run-info.txt"

SERVER_PID=

wait_for_port() {
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "the server exited before listening on port $1" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "nothing listens on port $1 after 60 s" >&2
  return 1
}

port_free() {
  for _ in $(seq 1 60); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || return 0
    sleep 0.5
  done
  echo "port $1 is still in use after 30 s" >&2
  return 1
}

start_server() { # target name
  # Each Haven server its own state directory: the default one may be locked by another server.
  local gclog="-Xlog:$GC_LOG_TAGS:file=$OUT/$2.gc.log:uptime,level,tags"
  case "$1" in
    haven)
      port_free "$HAVEN_PORT"
      HAVEN_STATE_DIR="$OUT/state/$2" JAVA_OPTS="$gclog $JAVA_OPTS" "$OUT/dist/haven/bin/haven" --config "$OUT/haven-bench.yaml" \
        --port "$HAVEN_PORT" > "$OUT/$2.server.log" 2>&1 &
      SERVER_PID=$!
      wait_for_port "$HAVEN_PORT"
      ;;
    baseline)
      port_free "$HAVEN_PORT"
      if [ -x "$OUT/dist/baseline/bin/haven" ]; then
        HAVEN_STATE_DIR="$OUT/state/$2" JAVA_OPTS="$gclog $JAVA_OPTS" "$OUT/dist/baseline/bin/haven" --config "$OUT/haven-bench.yaml" \
          --port "$HAVEN_PORT" > "$OUT/$2.server.log" 2>&1 &
      else
        # shellcheck disable=SC2086
        HAVEN_STATE_DIR="$OUT/state/$2" java $BASELINE_OPTS "$gclog" $JAVA_OPTS -jar "$OUT/jars/baseline-server.jar" \
          --config "$OUT/haven-bench.yaml" --port "$HAVEN_PORT" > "$OUT/$2.server.log" 2>&1 &
      fi
      SERVER_PID=$!
      wait_for_port "$HAVEN_PORT"
      ;;
    reference)
      port_free "$REFERENCE_PORT"
      # shellcheck disable=SC2086
      java $REFERENCE_OPTS "$gclog" -jar "$OUT/jars/haven-bench.jar" reference --port "$REFERENCE_PORT" \
        > "$OUT/$2.server.log" 2>&1 &
      SERVER_PID=$!
      wait_for_port "$REFERENCE_PORT"
      ;;
  esac
}

wait_for_quiet() {
  [ -n "$WAIT_FOR_LOAD" ] || return 0
  for _ in $(seq 1 60); do
    awk -v limit="$WAIT_FOR_LOAD" '{ exit !($1 < limit) }' /proc/loadavg && return 0
    sleep 10
  done
}

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}
trap stop_server EXIT

scenario_args() {
  case "$1" in
    s1)         echo "fanout --rooms 1 --members 200 --senders 5 --rate 20 --duration 30 --warmup 30" ;;
    s1-stalled) echo "fanout --rooms 1 --members 200 --senders 5 --rate 20 --duration 30 --warmup 30 --stalled 1" ;;
    # 60 s of warm-up: at 200 sends/s a per-send method reaches C2 25-75 s into a run.
    s2)         echo "fanout --rooms 100 --members 10 --senders 1 --rate 2 --duration 30 --warmup 60" ;;
    s3)         echo "hold --connections 10000 --room-size 10 --hold 10 --join-timeout 300" ;;
    saturate)   echo "saturate --rooms 1 --members 200 --senders 5 --start-rate 20 --step-factor 1.25 --step-seconds 5 --max-steps 20 --warmup 10" ;;
    *) echo "unknown scenario $1" >&2; return 1 ;;
  esac
}

run_one() { # scenario target name
  local port=$HAVEN_PORT label=$2
  [ "$2" = reference ] && port=$REFERENCE_PORT
  [ "$2" = baseline ] && label=haven  # the report's label; the file name tells them apart
  wait_for_quiet
  local before
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  if ! start_server "$2" "$3"; then
    echo "$3 $(date -u +%FT%TZ) load: $before server did not start" | tee -a "$OUT/loadavg.txt"
    stop_server
    return 0
  fi
  # shellcheck disable=SC2046
  "${BENCH[@]}" $(scenario_args "$1") --url "ws://127.0.0.1:$port/ws" --target "$label" \
    --server-pid "$SERVER_PID" --out "$OUT/$3.json" | tee -a "$OUT/summary.txt" || true
  stop_server
  echo "$3 $(date -u +%FT%TZ) load: $before after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/loadavg.txt"
}

for round in $(seq 1 "$ROUNDS"); do
  for scenario in $SCENARIOS; do
    for target in $TARGETS; do
      run_one "$scenario" "$target" "$scenario.$target.$round"
    done
  done
done
for run in $(seq 1 "$PAUSE_RUNS"); do
  run_one s1 haven "pauses.haven.$run"
done
python3 scripts/scenario-table.py "$OUT" | tee "$OUT/table.md"
echo "reports, GC logs and table.md in $OUT"
