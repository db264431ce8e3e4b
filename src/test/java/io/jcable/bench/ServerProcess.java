package io.jcable.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test, seen from outside through /proc (Linux): its CPU time and resident
 * memory. Found by the port it listens on, so any server can be measured, whatever its language.
 */
record ServerProcess(long pid) {

    /** The process listening on {@code port} of this machine. */
    static Optional<ServerProcess> listeningOn(int port) {
        try {
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[3].equals("0A")
                            && fields[1].toUpperCase(Locale.ROOT).endsWith(String.format(":%04X", port))) {
                        Optional<ServerProcess> owner = owningSocket(fields[9]);
                        if (owner.isPresent()) {
                            return owner;
                        }
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("cannot read /proc: " + e);
        }
        return Optional.empty();
    }

    private static Optional<ServerProcess> owningSocket(String inode) throws IOException {
        String target = "socket:[" + inode + "]";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (target.equals(Files.readSymbolicLink(fd).toString())) {
                            return Optional.of(new ServerProcess(Long.parseLong(process.getFileName().toString())));
                        }
                    }
                } catch (IOException | SecurityException unreadable) {
                    // another user's process, or gone
                }
            }
        }
        return Optional.empty();
    }

    /** Resident memory in KiB. */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        return -1;
    }

    /**
     * The Java heap in use right after a full collection, in KiB, asked of the JVM with jcmd; -1 when
     * the server is not a JVM. The collection pauses the server: call it only while nothing is measured.
     */
    long heapAfterGcKib() {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        try {
            run(jcmd.toString(), Long.toString(pid), "GC.run");
            Matcher used = Pattern.compile("used (\\d+)K").matcher(run(jcmd.toString(), Long.toString(pid), "GC.heap_info"));
            return used.find() ? Long.parseLong(used.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    /** CPU time used so far (user + system). */
    Duration cpu() {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** This (generator) process's own CPU time. */
    static Duration generatorCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
