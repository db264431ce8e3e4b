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

result_table() { # log file: its broadcast-mode BENCH-RESULT lines as a Markdown table
  echo "| server | subscribers | broadcasts/s | p50 ms | p90 ms | p99 ms | max ms | delivered | deliveries/s | server CPU | KiB/connection | generator CPU |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  grep '^BENCH-RESULT {"label":[^,]*,"mode":"broadcast"' "$1" | sed 's/^BENCH-RESULT //' | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print("| {label} | {clients} | {rate} | {p50Ms:.2f} | {p90Ms:.2f} | {p99Ms:.2f} | {maxMs:.1f} | {delivered}/{expected} | {deliveriesPerSecond:.0f} | {serverCpuPercent:.0f}% | {kibPerConnection:.1f} | {generatorCpuPercent:.0f}% |".format(**r))'
}

memory_table() { # log file: per server, resident and heap memory per connection, and the RSS slope from the smallest to the largest run
  python3 - "$1" <<'PY'
import json, sys
rows = [json.loads(l[len("BENCH-RESULT "):]) for l in open(sys.argv[1]) if l.startswith("BENCH-RESULT ") and '"mode":"broadcast"' in l]
print("| server | subscribers | RSS before MiB | RSS connected MiB | RSS KiB/connection | live heap KiB/connection |")
print("|---|---|---|---|---|---|")
for r in rows:
    heap = "{:.1f}".format(r["heapKibPerConnection"]) if r.get("heapKibPerConnection", -1) >= 0 else "n/a (not a JVM)"
    print("| {} | {} | {:.0f} | {:.0f} | {:.1f} | {} |".format(r["label"], r["clients"], r["rssBeforeKib"] / 1024,
          r["rssConnectedKib"] / 1024, r["kibPerConnection"], heap))
print()
for server in dict.fromkeys(r["label"] for r in rows):
    mine = sorted((r for r in rows if r["label"] == server), key=lambda r: r["clients"])
    small, large = mine[0], mine[-1]
    if large["clients"] > small["clients"]:
        slope = ((large["rssConnectedKib"] - large["rssBeforeKib"]) - (small["rssConnectedKib"] - small["rssBeforeKib"])) \
            / (large["clients"] - small["clients"])
        print("- {}: RSS slope {:.1f} KiB per connection from {} to {} subscribers".format(server, slope, small["clients"], large["clients"]))
PY
}

step_table() { # log file: the step-mode runs, one row per server and step
  python3 - "$1" <<'PY'
import json, sys
rows = [json.loads(l[len("BENCH-RESULT "):]) for l in open(sys.argv[1]) if l.startswith("BENCH-RESULT ") and '"mode":"step"' in l]
print("| server | clients | p95 ms | min ms | median ms | max ms | delivered | server CPU (whole run) | generator CPU (whole run) |")
print("|---|---|---|---|---|---|---|---|---|")
for r in rows:
    for s in r["steps"]:
        print("| {} | {} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {}/{} | {:.0f}% | {:.0f}% |".format(r["label"], s["clients"], s["p95Ms"],
              s["minMs"], s["p50Ms"], s["maxMs"], s["delivered"], s["expected"], r["serverCpuPercent"], r["generatorCpuPercent"]))
PY
}
