#!/usr/bin/env bash
# The two-node benchmark of issue #14 (docs/performance.md, "Two nodes on one Redis"):
#   1. starts redis-server on a free loopback port, persistence off (--save "" --appendonly no);
#   2. ROUNDS rounds (default 1) of s1 and s2 (the flags of scripts/run-scenarios.sh), the setups
#      interleaved in every round, each on freshly started servers and an emptied Redis:
#        cluster1  one clustered node alone (HAVEN_REDIS_URI set), every member on it;
#        cluster2  two clustered nodes, member i on node i mod 2, senders spread over both;
#        lone      one node without Redis, the reference (LONE=0 leaves it out);
#   3. for the clustered setups, Redis's INFO stats total_commands_processed and INFO
#      commandstats before and after the load run, divided by the messages accepted (acked) in
#      the run (warm-up and measured phase): Redis commands per accepted message;
#   4. scripts/cluster-table.py: OUT/table.md.
# Loopback only. Bounded: each load run is bounded by the load tool (~70 s for s1, ~100 s for s2
# plus start and stop); a round of 3 setups x 2 scenarios is ~12 min on 2 cores.
#
#   mvn -B -q -DskipTests package
#   scripts/run-cluster-scenarios.sh [OUT]
#   ROUNDS=3 WAIT_FOR_LOAD=1.5 scripts/run-cluster-scenarios.sh      # what the issue's figures want
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-/tmp/haven-cluster-perf-$(date +%Y%m%d-%H%M%S)}
ROUNDS=${ROUNDS:-1}
SCENARIOS=${SCENARIOS:-"s1 s2"}
LONE=${LONE:-1}
WAIT_FOR_LOAD=${WAIT_FOR_LOAD:-}
JAVA_OPTS=${JAVA_OPTS:-}
SETUPS="cluster1 cluster2"
[ "$LONE" = 1 ] && SETUPS="$SETUPS lone"

for needed in server/target/haven-dist/haven/bin/haven client-sample/target/haven-bench.jar; do
  [ -e "$needed" ] || { echo "missing $needed: run mvn -B -q -DskipTests package first" >&2; exit 2; }
done
for tool in redis-server redis-cli python3; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

mkdir -p "$OUT/jars" "$OUT/dist"
# Copies: a build running meanwhile must not replace classes under a running JVM.
cp client-sample/target/haven-bench.jar "$OUT/jars/"
rm -rf "$OUT/dist/haven" && cp -r server/target/haven-dist/haven "$OUT/dist/haven"
BENCH=(java -jar "$OUT/jars/haven-bench.jar")
"${BENCH[@]}" config --rooms 1000 --capacity 1000 > "$OUT/haven-bench.yaml"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
REDIS_PORT=$(free_port)
NODE_PORTS=("$(free_port)" "$(free_port)")
[ "${NODE_PORTS[0]}" != "${NODE_PORTS[1]}" ] || NODE_PORTS[1]=$((NODE_PORTS[0] + 1))
REDIS=(redis-cli -h 127.0.0.1 -p "$REDIS_PORT")
export HAVEN_TOKEN_SECRET=${HAVEN_TOKEN_SECRET:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}

{
  echo "started $(date -u +%FT%TZ) on $(hostname), $(nproc) cores, $(java -version 2>&1 | head -n 1), $(redis-server --version | cut -d' ' -f1-3)"
  echo "haven: $(git rev-parse --short HEAD 2>/dev/null || echo '?') $(git status --porcelain 2>/dev/null | grep -q . && echo '(uncommitted changes)')"
  echo "ROUNDS=$ROUNDS SCENARIOS=\"$SCENARIOS\" SETUPS=\"$SETUPS\" JAVA_OPTS=\"$JAVA_OPTS\" WAIT_FOR_LOAD=$WAIT_FOR_LOAD"
} > "$OUT/run-info.txt"

SERVER_PIDS=()
REDIS_PID=

stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}

stop_all() {
  stop_servers
  if [ -n "$REDIS_PID" ]; then
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
  fi
}
trap stop_all EXIT

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
  --logfile "$OUT/redis.log" &
REDIS_PID=$!
for _ in $(seq 1 40); do "${REDIS[@]}" ping >/dev/null 2>&1 && break; sleep 0.25; done
"${REDIS[@]}" ping >/dev/null

wait_for_port() { # port pid
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "a server exited before listening on port $1" >&2; return 1; }
    sleep 0.5
  done
  echo "nothing listens on port $1 after 60 s" >&2
  return 1
}

start_node() { # name index clustered
  local env=(HAVEN_STATE_DIR="$OUT/state/$1.$2")
  [ "$3" = 1 ] && env+=(HAVEN_REDIS_URI="redis://127.0.0.1:$REDIS_PORT")
  env "${env[@]}" JAVA_OPTS="-Xlog:gc:file=$OUT/$1.node$2.gc.log:uptime $JAVA_OPTS" \
    "$OUT/dist/haven/bin/haven" --config "$OUT/haven-bench.yaml" --port "${NODE_PORTS[$2]}" \
    > "$OUT/$1.node$2.server.log" 2>&1 &
  SERVER_PIDS+=($!)
  wait_for_port "${NODE_PORTS[$2]}" "$!"
}

wait_for_quiet() {
  [ -n "$WAIT_FOR_LOAD" ] || return 0
  for _ in $(seq 1 60); do
    awk -v limit="$WAIT_FOR_LOAD" '{ exit !($1 < limit) }' /proc/loadavg && return 0
    sleep 10
  done
}

scenario_args() {
  case "$1" in
    s1) echo "fanout --rooms 1 --members 200 --senders 5 --rate 20 --duration 30 --warmup 30" ;;
    s2) echo "fanout --rooms 100 --members 10 --senders 1 --rate 2 --duration 30 --warmup 60" ;;
    *) echo "unknown scenario $1" >&2; return 1 ;;
  esac
}

redis_counters() { # file
  { "${REDIS[@]}" INFO stats | grep '^total_commands_processed:'; "${REDIS[@]}" INFO commandstats | grep '^cmdstat_'; } \
    | tr -d '\r' > "$1"
}

run_one() { # scenario setup name
  local nodes=1 clustered=1 urls pids
  case "$2" in
    cluster2) nodes=2 ;;
    lone) clustered=0 ;;
  esac
  wait_for_quiet
  local before
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  "${REDIS[@]}" FLUSHALL >/dev/null
  local ok=1
  for i in $(seq 0 $((nodes - 1))); do
    start_node "$3" "$i" "$clustered" || ok=0
  done
  if [ "$ok" = 0 ]; then
    echo "$3 $(date -u +%FT%TZ) load: $before servers did not start" | tee -a "$OUT/loadavg.txt"
    stop_servers
    return 0
  fi
  urls=$(for i in $(seq 0 $((nodes - 1))); do printf 'ws://127.0.0.1:%s/ws,' "${NODE_PORTS[$i]}"; done)
  pids=$(IFS=,; echo "${SERVER_PIDS[*]}")
  redis_counters "$OUT/$3.redis-before.txt"
  # shellcheck disable=SC2046
  "${BENCH[@]}" $(scenario_args "$1") --url "${urls%,}" --target haven --server-pid "$pids" \
    --out "$OUT/$3.json" | tee -a "$OUT/summary.txt" || true
  redis_counters "$OUT/$3.redis-after.txt"
  stop_servers
  echo "$3 $(date -u +%FT%TZ) load: $before after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/loadavg.txt"
}

for round in $(seq 1 "$ROUNDS"); do
  for scenario in $SCENARIOS; do
    for setup in $SETUPS; do
      run_one "$scenario" "$setup" "$scenario.$setup.$round"
    done
  done
done
python3 scripts/cluster-table.py "$OUT" | tee "$OUT/table.md"
echo "reports, Redis counters and table.md in $OUT"
