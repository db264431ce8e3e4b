#!/usr/bin/env bash
# JCable's demo and the Rails ActionCable reference, started one after the other on this machine and
# measured by the same benchmark runs. Writes target/bench/side-by-side.md (and the raw results).
#
#   src/test/bench/side-by-side.sh                    # 100 subscribers x 10 broadcasts/s x 300
#   src/test/bench/side-by-side.sh "1000 10 300" ...  # runs of "subscribers rate messages"
#
# Needs the Rails reference of ../shared/reference (apt-get install ruby ruby-actioncable puma ruby-jwt).
# Environment: REFERENCE (its folder), PORT (18500), WARMUP (JCable's JIT warm-up run, "200 50 500").
set -euo pipefail
cd "$(dirname "$0")/../../.."
REFERENCE=${REFERENCE:-../shared/reference}
PORT=${PORT:-18500}
WARMUP=${WARMUP:-"200 50 500"}
RUNS=("$@")
source src/test/bench/common.sh
[ ${#RUNS[@]} -gt 0 ] || RUNS=("100 10 300")
command -v puma >/dev/null || { echo "the Rails reference needs: apt-get install ruby ruby-actioncable puma ruby-jwt" >&2; exit 1; }

build_classpath
export CABLE_DEMO_SECRET=demo-secret CABLE_BROADCAST_KEY=demo-key

run_bench() { # label "clients rate messages"
  read -r clients rate messages <<<"$2"
  java -Xmx1g -cp "$CP" io.jcable.bench.CableBench --url "ws://127.0.0.1:$PORT/cable" --label "$1" \
      --clients "$clients" --rate "$rate" --messages "$messages"
}

bench() { # a measured run: shown, and kept for the report
  run_bench "$@" | tee -a "$OUT/side-by-side.log"
}

: > "$OUT/side-by-side.log"
echo "== JCable (standalone demo, java -Xmx512m)"
CABLE_PORT=$PORT java -Xmx512m -cp "$CP" io.jcable.demo.DemoApp > "$OUT/jcable.log" 2>&1 &
server=$!
wait_for_port $PORT
run_bench "JCable warm-up" "$WARMUP" > /dev/null
for run in "${RUNS[@]}"; do bench "JCable" "$run"; done
stop $server

echo "== Rails ActionCable reference (puma, 1 process)"
CABLE_PIDFILE="$PWD/$OUT/rails.pid" "$REFERENCE/start.sh" "$PORT" > "$OUT/rails.log" 2>&1 &
server=$!
wait_for_port $PORT
run_bench "Rails warm-up" "20 5 20" > /dev/null
for run in "${RUNS[@]}"; do bench "Rails" "$run"; done
stop $server

{
  echo "# JCable and Rails ActionCable, side by side"
  echo
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); server and load generator on the same machine."
  echo "Open-loop broadcast: subscribers of BenchmarkChannel, one sender performing \`broadcast\` at a fixed rate;"
  echo "latency from the scheduled send to the arrival at each subscriber, over all deliveries."
  echo
  result_table "$OUT/side-by-side.log"
} > "$OUT/side-by-side.md"
echo
cat "$OUT/side-by-side.md"
