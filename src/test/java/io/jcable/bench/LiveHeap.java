package io.jcable.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.ObjectName;

/** The live heap of this JVM, which a test shares with the standalone server it starts. */
final class LiveHeap {

    private LiveHeap() {
    }

    /** Bytes used after full collections, once another one frees nothing more (within 256 KiB). */
    static long afterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used - (256 << 10)) {
                return Math.min(now, used);
            }
            used = Math.min(used, now);
        }
        return used;
    }

    /** Bytes per class on the heap (live objects: the histogram runs a full GC first). */
    static Map<String, Long> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> bytes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                bytes.put(columns[3], Long.parseLong(columns[2]));
            }
        }
        return bytes;
    }

    /** The ten classes whose instances grew most, with the growth in bytes. */
    static Map<String, Long> grownClasses(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> grown = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(10)
                .forEach(entry -> grown.put(entry.getKey(), entry.getValue()));
        return grown;
    }
}
