package io.jcable.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcable.standalone.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's option tables say what the code reads: one row per option JCable reads (and no
 * other), each with the default the code falls back to.
 */
class ConfigurationTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| (`jcable\\.[^|]*) \\| ([^|]*) \\|");
    private static final Pattern NAME = Pattern.compile("`(jcable\\.[a-z.-]+)`");

    /** Option name to the README's default cell (one part of it when a row names several options). */
    static Map<String, String> readmeDefaults(List<String> readme) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : readme) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            NAME.matcher(row.group(1)).results().forEach(name -> names.add(name.group(1)));
            String[] defaults = row.group(2).split(", ");
            for (int i = 0; i < names.size(); i++) {
                String cell = (defaults.length == names.size() ? defaults[i] : row.group(2)).trim();
                String previous = rows.put(names.get(i), cell);
                assertEquals(null, previous, "the README's tables give " + names.get(i) + " twice");
            }
        }
        return rows;
    }

    /** What the code reads, with its defaults; the standalone runner's two options included. */
    static Map<String, String> codeDefaults() {
        Map<String, String> code = new LinkedHashMap<>(CableConfig.documentedDefaults());
        code.put(Main.HOST, Main.DEFAULT_HOST);
        code.put(Main.PORT, String.valueOf(Main.DEFAULT_PORT));
        return code;
    }

    /** Whether a README cell says {@code expected}: {@code `1024`}, {@code 2097152 (2 MiB)}, {@code unset: off}. */
    static boolean says(String cell, String expected) {
        String text = cell.replace("`", "");
        return text.equals(expected) || text.startsWith(expected + " ") || text.startsWith(expected + ":");
    }

    static List<String> mismatches(List<String> readme) {
        Map<String, String> documented = readmeDefaults(readme);
        Map<String, String> code = codeDefaults();
        List<String> wrong = new ArrayList<>();
        for (var option : code.entrySet()) {
            String cell = documented.get(option.getKey());
            if (cell == null) {
                wrong.add(option.getKey() + ": read by the code, missing from the README (add a row, default "
                        + option.getValue() + ")");
            } else if (!says(cell, option.getValue())) {
                wrong.add(option.getKey() + ": the README says " + cell + ", the code's default is " + option.getValue());
            }
        }
        for (String name : new TreeSet<>(documented.keySet())) {
            if (!code.containsKey(name)) {
                wrong.add(name + ": in the README, but the code reads no such option");
            }
        }
        return wrong;
    }

    @Test
    void theReadmeTablesHoldEveryOptionWithItsDefaultAndNoOther() throws IOException {
        List<String> wrong = mismatches(Files.readAllLines(Path.of("README.md")));
        assertEquals(List.of(), wrong, String.join("\n", wrong));
    }

    @Test
    void aDriftedDefaultAMissingRowAndAnUnknownOptionAreEachFound() throws IOException {
        List<String> readme = new ArrayList<>(Files.readAllLines(Path.of("README.md")));
        readme.replaceAll(line -> line.startsWith("| `jcable.outbound-queue` |") ? line.replace("`1024`", "`512`") : line);
        readme.removeIf(line -> line.startsWith("| `jcable.send-timeout` |"));
        readme.add("| `jcable.no-such-option` | `1` | nothing |");
        List<String> wrong = mismatches(readme);
        assertEquals(3, wrong.size(), String.join("\n", wrong));
        assertTrue(wrong.contains("jcable.outbound-queue: the README says `512`, the code's default is 1024"), wrong::toString);
        assertTrue(wrong.contains("jcable.send-timeout: read by the code, missing from the README (add a row, default 10000)"), wrong::toString);
        assertTrue(wrong.contains("jcable.no-such-option: in the README, but the code reads no such option"), wrong::toString);
    }
}
