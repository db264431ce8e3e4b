#!/usr/bin/env bash
# Cross-node delivery in a JCable cluster, next to one node: a real Artemis broker (its distribution
# from Maven Central) and three standalone demo nodes: A and B joined through the broker, C alone.
# Subscribers always connect to one node; the broadcasts are POSTed to /_broadcast of
#   - C (one node, no cluster),
#   - A (the subscribers' own node, which also publishes each broadcast to the broker),
#   - B (every broadcast crosses the broker to reach A's subscribers).
# Writes target/bench/cluster.md.
#
#   src/test/bench/cluster.sh                   # 1000 subscribers x 10 broadcasts/s x 300
#   src/test/bench/cluster.sh "100 50 1000" ... # runs of "subscribers rate messages"
#
# Environment: PORT (18600: A; B and C are the next two; the broker listens on 61616+PORT-18600).
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18600}
ARTEMIS=2.44.0
BROKER_PORT=$((61616 + PORT - 18600))
RUNS=("$@")
source src/test/bench/common.sh
[ ${#RUNS[@]} -gt 0 ] || RUNS=("1000 10 300")
build_classpath

if [ ! -x "$OUT/apache-artemis-$ARTEMIS/bin/artemis" ]; then
  mvn -q -B dependency:copy -Dartifact=org.apache.activemq:apache-artemis:$ARTEMIS:tar.gz:bin -DoutputDirectory="$OUT"
  tar xzf "$OUT/apache-artemis-$ARTEMIS-bin.tar.gz" -C "$OUT"
fi
rm -rf "$OUT/broker"
"$OUT/apache-artemis-$ARTEMIS/bin/artemis" create --silent --user jcable --password broker-secret --require-login \
    --host 127.0.0.1 --default-port "$BROKER_PORT" --no-web --no-amqp-acceptor --no-mqtt-acceptor \
    --no-stomp-acceptor --no-hornetq-acceptor "$OUT/broker" > "$OUT/broker-create.log"
"$OUT/broker/bin/artemis" run > "$OUT/broker.log" 2>&1 &
broker=$!
wait_for_port "$BROKER_PORT"

export CABLE_DEMO_SECRET=demo-secret CABLE_BROADCAST_KEY=demo-key
node() { # port [cluster]: a demo node, its pid in $node_pid
  if [ -n "${2:-}" ]; then
    JCABLE_CLUSTER_URL=tcp://127.0.0.1:$BROKER_PORT JCABLE_CLUSTER_USER=jcable JCABLE_CLUSTER_PASSWORD=broker-secret \
      CABLE_PORT=$1 java -Xmx512m -cp "$CP" io.jcable.demo.DemoApp > "$OUT/node-$1.log" 2>&1 &
  else
    CABLE_PORT=$1 java -Xmx512m -cp "$CP" io.jcable.demo.DemoApp > "$OUT/node-$1.log" 2>&1 &
  fi
  node_pid=$!
  wait_for_port "$1"
}
node "$PORT" cluster; a=$node_pid
node $((PORT + 1)) cluster; b=$node_pid
node $((PORT + 2)); c=$node_pid
trap 'for p in $a $b $c $broker; do stop $p; done' EXIT
until grep -q "cluster: listening" "$OUT/node-$PORT.log" && grep -q "cluster: publishing" "$OUT/node-$((PORT + 1)).log"; do sleep 0.2; done

run_bench() { # label subscribers-port broadcast-port "clients rate messages"
  read -r clients rate messages <<<"$4"
  java -Xmx1g -cp "$CP" io.jcable.bench.CableBench --url "ws://127.0.0.1:$2/cable" --via http \
      --broadcast-to "http://127.0.0.1:$3" --label "$1" --clients "$clients" --rate "$rate" --messages "$messages"
}

: > "$OUT/cluster.log"
for port in $PORT $((PORT + 2)); do run_bench warm-up $port $port "200 50 500" > /dev/null; done
run_bench warm-up "$PORT" $((PORT + 1)) "200 50 500" > /dev/null
for run in "${RUNS[@]}"; do
  run_bench "one node, no cluster" $((PORT + 2)) $((PORT + 2)) "$run" | tee -a "$OUT/cluster.log"
  run_bench "cluster: broadcast on the subscribers' node" "$PORT" "$PORT" "$run" | tee -a "$OUT/cluster.log"
  run_bench "cluster: broadcast on the other node" "$PORT" $((PORT + 1)) "$run" | tee -a "$OUT/cluster.log"
done

{
  echo "# JCable cluster: cross-node delivery next to one node"
  echo
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); broker (Artemis $ARTEMIS), nodes and load generator on the same machine."
  echo "Open-loop broadcast, POSTed to /_broadcast of the node named; latency from the scheduled send to the"
  echo "arrival at each subscriber, over all deliveries. Server CPU is the subscribers' node's only."
  echo
  result_table "$OUT/cluster.log"
} > "$OUT/cluster.md"
echo
cat "$OUT/cluster.md"
