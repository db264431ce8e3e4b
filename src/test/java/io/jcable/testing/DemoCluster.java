package io.jcable.testing;

import io.jcable.demo.DemoApp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local cluster in one command, {@code mvn -Pcluster}: a real ActiveMQ Artemis broker and one demo
 * node per port of {@code CABLE_PORTS} (default {@code 8081,8082}; the other {@code CABLE_*} variables
 * as for the demo), each in a JVM of its own, logging to {@code target/nodes/}. Ctrl-C or SIGTERM
 * stops the nodes gracefully (their clients get {@code server_restart}), then the broker.
 */
public final class DemoCluster {

    private DemoCluster() {
    }

    public static void main(String[] args) throws Exception {
        TestBroker broker = TestBroker.start();
        List<NodeProcess> nodes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(nodes, broker), "jcable-cluster-stop"));
        List<String> bases = new ArrayList<>();
        for (String port : System.getenv().getOrDefault("CABLE_PORTS", "8081,8082").split(",")) {
            Map<String, String> env = new HashMap<>();
            env.put("CABLE_PORT", port.trim());
            env.put("JCABLE_CLUSTER_URL", broker.url());
            NodeProcess node = NodeProcess.start("demo-" + port.trim(), env, DemoApp.class);
            synchronized (nodes) {
                nodes.add(node);
            }
            bases.add(node.base().toString());
        }
        System.out.println("JCable cluster: broker " + broker.url() + ", nodes " + String.join(" ", bases)
                + " (logs in target/nodes; Ctrl-C stops)");
        Thread.currentThread().join(); // until a signal: the hook stops everything
    }

    private static void stop(List<NodeProcess> nodes, TestBroker broker) {
        List<NodeProcess> started;
        synchronized (nodes) {
            started = List.copyOf(nodes);
        }
        for (NodeProcess node : started) {
            try {
                node.close(); // SIGTERM: graceful
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            broker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("JCable cluster stopped");
    }
}
