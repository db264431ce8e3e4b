package io.jcable.examples;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.testing.NodeTests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The examples of src/examples as their own poms built them, against this build's jar
 * (maven-invoker-plugin, before the integration tests, in target/examples): the standalone chat
 * runs as the README says, {@code java -jar target/chat.jar}, and the official client talks to it
 * from Node and from a page on another port; the WAR holds the application and JCable's jar, nothing
 * else (MinimalWarIT deploys it on WildFly and Payara).
 */
class ExamplesIT {

    private static final Path EXAMPLES = Path.of("target/examples").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LUNCH = "{\"text\":\"Lunch!\",\"user\":\"announcer\"}";
    private static final String HELLO = "{\"text\":\"hello\",\"user\":\"alice\"}";

    @Test
    void standaloneChatServesTheOfficialClientInNodeAndOnAPageOfAnotherPort() throws Exception {
        Path example = built("standalone/target/chat.jar").getParent().getParent();
        assertArrayEquals(Files.readAllBytes(jcableJar()), Files.readAllBytes(example.resolve("target/lib").resolve(jcableJar().getFileName())),
                "the example runs this build's jar");
        Path nodeModules = example.resolve("node_modules");
        if (!Files.exists(nodeModules)) {
            // The example's package.json pins the versions src/test/js installs (ReadmeExamplesTest).
            Files.createSymbolicLink(nodeModules, NodeTests.jsDir().resolve("node_modules"));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        try (Run server = Run.start(example, "chat", java, "-jar", "target/chat.jar")) {
            server.awaitOutput("JCable listening on ws://127.0.0.1:8080/cable");
            try (Run bob = Run.start(example, "bob", "node", "client.mjs", "bob-token")) {
                bob.awaitOutput("connected to the lobby");
                HttpResponse<String> announced = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/announce"))
                                .POST(HttpRequest.BodyPublishers.ofString("Lunch!")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(204, announced.statusCode(), announced.body());

                try (Run alice = Run.start(example, "alice", "node", "client.mjs", "alice-token", "hello")) {
                    assertEquals(0, alice.awaitExit(), "alice's client leaves once it has read its own line");
                    assertEquals(List.of("connected to the lobby", HELLO), alice.lines());
                }
                bob.awaitOutput("{\"left\":\"alice\"}");
                assertEquals(List.of("connected to the lobby", LUNCH, HELLO, "{\"left\":\"alice\"}"), bob.lines());
            }
            NodeTests.assertPass("example-page.test.mjs", Map.of("JCABLE_EXAMPLE_DIR", example.toString()));
        }
    }

    @Test
    void warHoldsTheApplicationAndJCablesJarOnly() throws IOException {
        try (ZipFile war = new ZipFile(built("war/target/rooms.war").toFile())) {
            List<String> files = war.stream().map(ZipEntry::getName)
                    .filter(name -> !name.endsWith("/") && !name.startsWith("META-INF/")).sorted().toList();
            String jar = "WEB-INF/lib/" + jcableJar().getFileName();
            assertEquals(Stream.concat(Stream.of("Api", "LoginPage", "RoomChannel", "Rooms", "SignedInUsers", "WhoAmI")
                            .map(name -> "WEB-INF/classes/com/example/rooms/" + name + ".class"),
                    Stream.of("WEB-INF/glassfish-web.xml", jar, "WEB-INF/web.xml")).toList(), files);
            assertArrayEquals(Files.readAllBytes(jcableJar()), war.getInputStream(war.getEntry(jar)).readAllBytes(),
                    "the WAR carries this build's jar");
        }
    }

    private static Path built(String file) {
        Path built = EXAMPLES.resolve(file);
        assertTrue(Files.isRegularFile(built), built + " is missing: maven-invoker-plugin builds the examples in pre-integration-test");
        return built;
    }

    /** This build's jar, target/jcable-VERSION.jar. */
    private static Path jcableJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(file -> file.getFileName().toString().matches("jcable-[0-9][^-]*(-SNAPSHOT)?\\.jar")).toList();
            assertEquals(1, jars.size(), "target/ holds one jcable jar: " + jars);
            return jars.get(0);
        }
    }

    /** A process of an example, its output (stdout and stderr) in target/examples/NAME.log; stopped with SIGTERM. */
    private record Run(String name, Process process, Path log) implements AutoCloseable {

        static Run start(Path directory, String name, String... command) throws IOException {
            Path log = EXAMPLES.resolve(name + ".log");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Run(name, process, log);
        }

        List<String> lines() throws IOException {
            return Files.readAllLines(log);
        }

        void awaitOutput(String text) {
            await(name + " prints " + text + " (its output: " + log + ")").atMost(WAIT).until(() -> {
                String output = Files.readString(log);
                assertTrue(process.isAlive() || output.contains(text), name + " exited:\n" + output);
                return output.contains(text);
            });
        }

        int awaitExit() throws InterruptedException, IOException {
            assertTrue(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), name + " still runs after " + WAIT + ": " + lines());
            return process.exitValue();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
