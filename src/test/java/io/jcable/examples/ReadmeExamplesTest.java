package io.jcable.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README quotes the examples of src/examples as they are, and the examples use the versions this
 * build is tested with. A code block quotes a file when the line just before it links to the file
 * ({@code [`ChatChannel.java`](src/examples/...)}): a Java class in full (without its package and
 * imports), any other file in part (whole lines, indentation aside). Every source of an example is
 * quoted somewhere.
 */
class ReadmeExamplesTest {

    private static final Path EXAMPLES = Path.of("src/examples");
    private static final Pattern LINK = Pattern.compile("\\]\\((src/examples/[^)]+)\\)");

    /** A code block of the README and the file the line before it links to. */
    record Quote(int line, Path file, List<String> lines) {
    }

    @Test
    void everyQuotedBlockIsWhatItsFileHolds() throws IOException {
        List<Quote> quotes = quotes();
        assertTrue(quotes.size() >= 10, "the README quotes the examples: " + quotes);
        for (Quote quote : quotes) {
            assertTrue(Files.isRegularFile(quote.file()), "README line " + quote.line() + " links to a missing file " + quote.file());
            List<String> file = Files.readAllLines(quote.file());
            if (quote.file().toString().endsWith(".java")) {
                assertEquals(withoutHeader(file), quote.lines(), "README line " + quote.line() + " quotes " + quote.file() + " in full");
            } else if (!containsRun(file, quote.lines())) {
                fail("README line " + quote.line() + " quotes lines that " + quote.file() + " does not hold in that order:\n"
                        + String.join("\n", quote.lines()));
            }
        }
    }

    @Test
    void everySourceOfTheExamplesIsQuoted() throws IOException {
        Set<Path> quoted = quotes().stream().map(Quote::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            List<Path> unquoted = files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().contains("/src/main/"))
                    .filter(file -> file.toFile().length() > 0)          // the empty beans.xml
                    .filter(file -> !quoted.contains(file)).sorted().toList();
            assertEquals(List.of(), unquoted, "sources of the examples the README does not quote");
        }
    }

    @Test
    void examplesUseTheVersionsThisBuildIsTestedWith() throws Exception {
        Element project = pom(Path.of("pom.xml"));
        Map<String, String> tested = new TreeMap<>();
        tested.put("io.jcable:jcable", text(project, "version"));
        for (Element dependency : elements(project, "dependency")) {
            String version = text(dependency, "version");
            if (version == null && text(dependency, "groupId").startsWith("org.junit")) {
                version = "${junit.version}"; // managed by JUnit's BOM
            }
            tested.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), resolve(project, version));
        }
        for (String example : List.of("standalone", "war")) {
            for (Element dependency : elements(pom(EXAMPLES.resolve(example).resolve("pom.xml")), "dependency")) {
                String coordinates = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
                if (tested.containsKey(coordinates)) {
                    assertEquals(tested.get(coordinates), text(dependency, "version"), example + " example: " + coordinates);
                } else {
                    assertEquals("jakarta.platform:jakarta.jakartaee-api", coordinates, example + " example: a dependency JCable's build does not test");
                }
            }
        }
        assertTrue(elements(pom(EXAMPLES.resolve("standalone/pom.xml")), "artifactId").stream()
                .anyMatch(id -> id.getTextContent().equals("jakarta.servlet-api")), "the standalone runtime needs the Servlet API");

        JsonObject tests = packageJson(Path.of("src/test/js/package.json")).getJsonObject("devDependencies");
        packageJson(EXAMPLES.resolve("standalone/package.json")).getJsonObject("dependencies").forEach((name, version) ->
                assertEquals(tests.get(name), version, "the example's " + name + " is the one src/test/js tests with"));
    }

    private static List<Quote> quotes() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        List<Quote> quotes = new ArrayList<>();
        for (int i = 1; i < readme.size(); i++) {
            Matcher link = LINK.matcher(readme.get(i - 1));
            if (!readme.get(i).startsWith("```") || readme.get(i).equals("```")) {
                continue;
            }
            String file = null;
            while (link.find()) {
                file = link.group(1);
            }
            if (file == null) {
                continue;
            }
            int end = i + 1;
            while (!readme.get(end).equals("```")) {
                end++;
            }
            quotes.add(new Quote(i + 1, Path.of(file), readme.subList(i + 1, end)));
        }
        return quotes;
    }

    /** A Java file from its first line after the package and import statements. */
    private static List<String> withoutHeader(List<String> file) {
        int start = 0;
        while (start < file.size() && (file.get(start).isBlank() || file.get(start).startsWith("package ")
                || file.get(start).startsWith("import "))) {
            start++;
        }
        return file.subList(start, file.size());
    }

    private static boolean containsRun(List<String> file, List<String> quoted) {
        List<String> wanted = dedented(quoted);
        for (int start = 0; start + quoted.size() <= file.size(); start++) {
            if (dedented(file.subList(start, start + quoted.size())).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> dedented(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
    }

    private static Element pom(Path file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    /** Every element named {@code name} under {@code root}, in document order. */
    private static List<Element> elements(Element root, String name) {
        NodeList nodes = root.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The text of the direct child {@code name} of {@code element}, or null. */
    private static String text(Element element, String name) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    /** A version as the pom writes it, its ${property} read from the pom's properties. */
    private static String resolve(Element project, String version) {
        if (version == null || !version.startsWith("${")) {
            return version;
        }
        String property = version.substring(2, version.length() - 1);
        return elements(project, property).get(0).getTextContent().trim();
    }

    private static JsonObject packageJson(Path file) throws IOException {
        try (var reader = Json.createReader(new StringReader(Files.readString(file)))) {
            return reader.readObject();
        }
    }
}
