#!/usr/bin/env bash
# The same benchmark against the demo WAR on WildFly and on Payara Micro, next to the standalone
# runtime; a fresh server for each run. Writes target/bench/containers.md.
#
#   src/test/bench/containers.sh                    # 1000 subscribers x 10/s, then x 100/s
#   src/test/bench/containers.sh "1000 10 300" ...  # runs of "subscribers rate messages"
#
# Environment: PORT (18700), WARMUP ("200 50 500"), SERVERS ("standalone WildFly Payara").
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18700}
WARMUP=${WARMUP:-"200 50 500"}
SERVERS=${SERVERS:-"standalone WildFly Payara"}
RUNS=("$@")
source src/test/bench/common.sh
[ ${#RUNS[@]} -gt 0 ] || RUNS=("1000 10 300" "1000 100 1000")
build_classpath
mvn -q -B -DskipTests pre-integration-test # unpacks WildFly, fetches Payara Micro
mvn -q -B -Pdemo-war > /dev/null            # target/jcable-demo.war
WILDFLY=$(ls -d target/wildfly-*/ | head -1)
export CABLE_DEMO_SECRET=demo-secret CABLE_BROADCAST_KEY=demo-key

start_server() { # name: starts it on $PORT, its pid in $server and its cable URL in $url
  case $1 in
    standalone)
      CABLE_PORT=$PORT java -Xmx512m -cp "$CP" io.jcable.demo.DemoApp > "$OUT/standalone.log" 2>&1 &
      url=ws://127.0.0.1:$PORT/cable ;;
    WildFly)
      rm -rf "$WILDFLY/standalone/deployments/"jcable-demo.war* "$WILDFLY/standalone/data" "$WILDFLY/standalone/tmp"
      cp target/jcable-demo.war "$WILDFLY/standalone/deployments/"
      JAVA_OPTS="-Xms64m -Xmx512m" "$WILDFLY/bin/standalone.sh" -Djboss.bind.address=127.0.0.1 \
          -Djboss.socket.binding.port-offset=$((PORT - 8080)) > "$OUT/wildfly.log" 2>&1 &
      url=ws://127.0.0.1:$PORT/jcable-demo/cable ;;
    Payara)
      java -Xmx512m -jar target/payara-micro.jar --deploy target/jcable-demo.war --port $PORT --nocluster \
          > "$OUT/payara.log" 2>&1 &
      url=ws://127.0.0.1:$PORT/jcable-demo/cable ;;
  esac
  server=$!
  page="http${url#ws}"
  page=${page%cable} # the demo's page: served once the application is deployed
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$page")" = 200 ] && break
    sleep 0.5
  done
  bench "$1 warm-up" $WARMUP > /dev/null
}

stop_server() { # the server and every process it started
  pkill -TERM -P "$server" 2>/dev/null || true
  stop "$server"
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || return 0; sleep 0.2; done
}

bench() { # label subscribers rate messages
  java -Xmx2g -cp "$CP" io.jcable.bench.CableBench --url "$url" --label "$1" --clients "$2" --rate "$3" --messages "$4"
}

: > "$OUT/containers.log"
trap 'stop_server' EXIT
for name in $SERVERS; do
  for run in "${RUNS[@]}"; do
    echo "== $name: $run"
    start_server "$name"
    # shellcheck disable=SC2086
    bench "$name" $run | tee -a "$OUT/containers.log"
    stop_server
  done
done

{
  echo "# The same benchmark on the standalone runtime, WildFly and Payara Micro"
  echo
  echo "$(nproc) cores; server and load generator on the same machine; the demo WAR (\`mvn -Pdemo-war\`) on each server, -Xmx512m."
  echo
  result_table "$OUT/containers.log"
  echo
  memory_table "$OUT/containers.log"
} > "$OUT/containers.md"
echo
cat "$OUT/containers.md"
