package io.jcable.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Server domain of its own for a test (Payara Server is unpacked by the build at
 * {@code payara.home}): created, started, driven with asadmin, stopped and deleted.
 */
public final class PayaraDomain implements AutoCloseable {

    /** What asadmin printed, and how it ended. */
    public record Run(int exitCode, String output) {
        public Run orFail() {
            if (exitCode != 0) {
                throw new AssertionError("asadmin failed: " + output);
            }
            return this;
        }
    }

    private final Path home = Path.of(System.getProperty("payara.home"));
    private final Path domains;
    private final String name;
    private final int portBase;

    private PayaraDomain(String name, int portBase) {
        this.name = name;
        this.portBase = portBase;
        this.domains = Path.of("target/payara-domains", name).toAbsolutePath();
    }

    /** Creates and starts a domain whose ports start at {@code portBase} (admin portBase+48, HTTP portBase+80). */
    public static PayaraDomain start(String name, int portBase) throws Exception {
        PayaraDomain domain = new PayaraDomain(name, portBase);
        domain.delete();
        domain.asadmin(false, "create-domain", "--nopassword=true", "--portbase=" + portBase,
                "--domaindir=" + domain.domains, name).orFail();
        domain.asadmin(false, "start-domain", "--domaindir=" + domain.domains, name).orFail();
        return domain;
    }

    public int httpPort() {
        return portBase + 80;
    }

    public Path domainXml() {
        return domains.resolve(name).resolve("config/domain.xml");
    }

    /** asadmin against this domain. */
    public Run asadmin(String... arguments) throws Exception {
        return asadmin(true, arguments);
    }

    private Run asadmin(boolean toDomain, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString()));
        if (toDomain) {
            command.addAll(List.of("--port", Integer.toString(portBase + 48)));
        }
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("asadmin", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish: " + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Override
    public void close() throws Exception {
        asadmin(false, "stop-domain", "--domaindir=" + domains, name);
        delete();
    }

    private void delete() throws IOException {
        if (Files.exists(domains)) {
            try (var paths = Files.walk(domains)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
