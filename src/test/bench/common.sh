# Shared by the benchmark scripts (sourced): the test class path, waiting for a port, stopping a
# process, and the Markdown table of BENCH-RESULT lines. Run from the repository's root.
OUT=${OUT:-target/bench}
mkdir -p "$OUT"

build_classpath() { # sets CP: JCable, its demo and the benchmark, with every dependency
  mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
  CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"
}

wait_for_port() { # port
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "nothing listens on $1" >&2; return 1
}

stop() { # pid: SIGTERM, then SIGKILL after 10 s
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

result_table() { # log file: its BENCH-RESULT lines as a Markdown table
  echo "| server | subscribers | broadcasts/s | p50 ms | p90 ms | p99 ms | max ms | delivered | deliveries/s | server CPU | KiB/connection | generator CPU |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  grep '^BENCH-RESULT' "$1" | sed 's/^BENCH-RESULT //' | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print("| {label} | {clients} | {rate} | {p50Ms:.2f} | {p90Ms:.2f} | {p99Ms:.2f} | {maxMs:.1f} | {delivered}/{expected} | {deliveriesPerSecond:.0f} | {serverCpuPercent:.0f}% | {kibPerConnection:.1f} | {generatorCpuPercent:.0f}% |".format(**r))'
}
