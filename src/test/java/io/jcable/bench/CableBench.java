package io.jcable.bench;

/**
 * Measures an ActionCable server that has the demo contract's BenchmarkChannel, e.g.
 * <pre>
 * mvn -q -Pbench -Dbench.args="--mode broadcast --url ws://127.0.0.1:8080/cable --clients 1000 --rate 10 --messages 300"
 * </pre>
 * Options and defaults: {@link BenchOptions}. Prints a readable report and one {@code BENCH-RESULT}
 * JSON line per run.
 */
public final class CableBench {

    private CableBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String report = switch (options.mode()) {
            case "broadcast" -> BroadcastBench.run(options);
            case "echo" -> EchoBench.run(options);
            case "step" -> StepBench.run(options);
            default -> throw new IllegalArgumentException("--mode broadcast, echo or step, not " + options.mode());
        };
        System.out.println(report);
        System.exit(0);
    }
}
