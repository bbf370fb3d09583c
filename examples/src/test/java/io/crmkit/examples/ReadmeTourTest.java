package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's "API tour" and the quick starts from drifting apart: each {@code java} code
 * block of the section must be, up to indentation, the region of the examples' sources marked
 * {@code // tour:NAME begin} ... {@code // tour:NAME end}, in the order below. The regions are
 * compiled with the quick starts and run by their tests.
 */
class ReadmeTourTest {

    /** The analytics of the tour, in the README's order. */
    private static final List<String> TOUR = List.of("summaries", "rfm", "clv", "churn", "kpi", "finance",
            "loyalty", "receivables", "duplicates");

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final String SECTION = "## API tour";
    private static final Pattern MARKER = Pattern.compile("\\s*// tour:([a-z-]+) (begin|end)\\s*");

    @Test
    void everyBlockOfTheApiTourIsTheMarkedRegionOfAnExample() throws IOException {
        Map<String, List<String>> regions = regions();
        assertThat(regions.keySet()).containsExactlyInAnyOrderElementsOf(TOUR);
        List<List<String>> blocks = tourBlocks(Files.readAllLines(README, StandardCharsets.UTF_8));
        assertThat(blocks).as("java blocks in the README's API tour").hasSize(TOUR.size());
        for (int k = 0; k < TOUR.size(); k++) {
            String name = TOUR.get(k);
            assertThat(String.join("\n", normalise(blocks.get(k))))
                    .as("README API tour block %d: the region tour:%s", k + 1, name)
                    .isEqualTo(String.join("\n", normalise(regions.get(name))));
        }
    }

    @Test
    void everySnippetIsShort() throws IOException {
        regions().forEach((name, lines) -> assertThat(normalise(lines)).as("tour:" + name).hasSizeBetween(5, 15));
    }

    @Test
    void normalisingIgnoresOnlyCommonIndentationAndOuterBlankLines() {
        assertThat(normalise(List.of("", "    a(", "        b);  ", ""))).containsExactly("a(", "    b);");
        assertThat(normalise(List.of("  a", "b"))).containsExactly("  a", "b");
    }

    /** The regions of every source file, by name; a name marked twice or left open fails. */
    private static Map<String, List<String>> regions() throws IOException {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            String open = null;
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = MARKER.matcher(line);
                if (m.matches() && m.group(2).equals("begin")) {
                    assertThat(open).as(file + ": tour:" + m.group(1) + " begins inside tour:" + open).isNull();
                    open = m.group(1);
                    lines = new ArrayList<>();
                } else if (m.matches()) {
                    assertThat(m.group(1)).as(file + ": end marker").isEqualTo(open);
                    assertThat(regions.put(open, lines)).as("tour:" + open + " marked twice").isNull();
                    open = null;
                } else if (open != null) {
                    lines.add(line);
                }
            }
            assertThat(open).as(file + ": tour:" + open + " is not closed").isNull();
        }
        return regions;
    }

    /** The {@code java} blocks of the API tour section, up to the next second-level heading. */
    static List<List<String>> tourBlocks(List<String> readme) {
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README has a section '" + SECTION + "'").isNotNegative();
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : readme.subList(start + 1, readme.size())) {
            if (block == null && line.startsWith("## ")) {
                break;
            }
            if (block == null && line.strip().equals("```java")) {
                block = new ArrayList<>();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block);
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        assertThat(block).as("an unclosed code block in the API tour").isNull();
        return blocks;
    }

    /** Strips trailing spaces, outer blank lines and the indentation common to the non-blank lines. */
    static List<String> normalise(List<String> lines) {
        List<String> out = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        int indent = out.stream().filter(l -> !l.isEmpty()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return out.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList();
    }
}
