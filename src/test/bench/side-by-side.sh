#!/usr/bin/env bash
# JCable's demo and the Rails ActionCable reference, measured by the same benchmark runs in one go;
# each run gets a freshly started server. Writes target/bench/side-by-side.md (tables),
# target/bench/side-by-side.svg (chart) and the raw results (side-by-side.log).
#
#   src/test/bench/side-by-side.sh                    # the runs of docs/BENCHMARKS.md
#   src/test/bench/side-by-side.sh "1000 10 300" ...  # broadcast runs of "subscribers rate messages"
#
# Runs the Rails reference of src/test/rails; installs its Debian packages (src/test/rails/debian-packages)
# when puma is missing.
# Environment: REFERENCE (its folder), PORT (18500), WARMUP (JCable's JIT warm-up run, "200 50 500"),
# STEP (the step-mode run's options, "--clients 100 --steps 10 --samples 100 --in-flight 10"),
# SERVERS ("JCable Rails").
set -euo pipefail
cd "$(dirname "$0")/../../.."
REFERENCE=${REFERENCE:-src/test/rails}
PORT=${PORT:-18500}
WARMUP=${WARMUP:-"200 50 500"}
STEP=${STEP:-"--clients 100 --steps 10 --samples 100 --in-flight 10"}
SERVERS=${SERVERS:-"JCable Rails"}
RUNS=("$@")
source src/test/bench/common.sh
[ ${#RUNS[@]} -gt 0 ] || RUNS=("100 10 300" "1000 10 300" "1000 100 1000" "10000 1 30" "10000 10 300" "19000 1 10")
if [[ "$SERVERS" == *Rails* ]] && ! command -v puma >/dev/null; then # the Rails reference's Debian packages
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq
  # shellcheck disable=SC2046
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $(cat src/test/rails/debian-packages) >/dev/null
fi

build_classpath
export CABLE_DEMO_SECRET=demo-secret CABLE_BROADCAST_KEY=demo-key

start_server() { # name: starts it on $PORT, its pid in $server
  if [ "$1" = JCable ]; then
    CABLE_PORT=$PORT java -Xmx512m -cp "$CP" io.jcable.demo.DemoApp > "$OUT/jcable.log" 2>&1 &
  else
    CABLE_PIDFILE="$PWD/$OUT/rails.pid" "$REFERENCE/start.sh" "$PORT" > "$OUT/rails.log" 2>&1 &
  fi
  server=$!
  wait_for_port $PORT
  if [ "$1" = JCable ]; then warmup="$WARMUP"; else warmup="20 5 20"; fi
  bench "$1 warm-up" $warmup > /dev/null
}

bench() { # label subscribers rate messages [more options]
  local label=$1 clients=$2 rate=$3 messages=$4
  shift 4
  java -Xmx2g -cp "$CP" io.jcable.bench.CableBench --url "ws://127.0.0.1:$PORT/cable" --label "$label" \
      --clients "$clients" --rate "$rate" --messages "$messages" "$@"
}

: > "$OUT/side-by-side.log"
trap 'stop ${server:-0}' EXIT
for name in $SERVERS; do
  for run in "${RUNS[@]}" step; do
    echo "== $name: $run"
    start_server "$name"
    if [ "$run" = step ]; then
      # shellcheck disable=SC2086
      bench "$name" 0 1 1 --mode step $STEP | tee -a "$OUT/side-by-side.log"
    else
      # shellcheck disable=SC2086
      bench "$name" $run | tee -a "$OUT/side-by-side.log"
    fi
    stop $server
  done
done

python3 src/test/bench/chart.py "$OUT/side-by-side.log" "$OUT/side-by-side.svg"
{
  echo "# JCable and Rails ActionCable, side by side"
  echo
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); server and load generator on the same machine; a fresh server for each run."
  echo
  echo "## Open-loop broadcast"
  echo
  echo "Subscribers of BenchmarkChannel, one sender performing \`broadcast\` at a fixed rate; latency from the"
  echo "scheduled send to the arrival at each subscriber, over all deliveries."
  echo
  result_table "$OUT/side-by-side.log"
  echo
  echo "## Memory"
  echo
  memory_table "$OUT/side-by-side.log"
  echo
  echo "## Step mode (websocket-bench's closed-loop broadcast)"
  echo
  step_table "$OUT/side-by-side.log"
  echo
  echo "![chart](side-by-side.svg)"
} > "$OUT/side-by-side.md"
echo
cat "$OUT/side-by-side.md"
