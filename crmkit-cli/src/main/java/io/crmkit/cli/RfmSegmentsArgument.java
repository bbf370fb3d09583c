package io.crmkit.cli;

import io.crmkit.segmentation.segment.ScoreRange;
import io.crmkit.segmentation.segment.SegmentMap;
import io.crmkit.segmentation.segment.SegmentRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --segments} value of {@code crmkit rfm}: a preset ({@code r-rfm}, {@code eleven},
 * {@code rf-grid}) or a file of range rules.
 *
 * <p>A file has one rule per line, {@code segment,r,f,m}, tried in order (the first match wins);
 * each score is {@code low-high}, one score, or {@code *} for any. A first line
 * {@code segment,r,f,m} is a header; empty lines and lines starting with {@code #} are ignored;
 * customers no rule matches are in {@code Others}. Example: {@code Champions,4-5,4-5,4-5}.
 *
 * @param name the preset name or the file path as given, not null
 */
public record RfmSegmentsArgument(String name) {

    /**
     * Returns the map for scores of 1 to {@code bins}.
     *
     * @param bins the number of bins, 2 to 9
     * @return the map, never null
     * @throws IOException if the file cannot be read
     * @throws CommandFailedException if a preset does not fit the bins or the file is invalid
     */
    public SegmentMap map(int bins) throws IOException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "r-rfm" -> preset(SegmentMap.rRfmVignette(), bins);
            case "eleven" -> preset(SegmentMap.elevenSegments(), bins);
            case "rf-grid" -> preset(SegmentMap.rfGrid(), bins);
            default -> file(Path.of(name), bins);
        };
    }

    private SegmentMap preset(SegmentMap map, int bins) {
        if (bins != 5) {
            throw new CommandFailedException("--segments " + name + " is defined for 5 bins; use --bins 5 or a"
                    + " segment file");
        }
        return map;
    }

    private static SegmentMap file(Path path, int bins) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new CommandFailedException("--segments: '" + path + "' is neither a preset (r-rfm, eleven, rf-grid)"
                    + " nor a readable file");
        }
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        SegmentMap.Builder b = SegmentMap.builder(bins);
        int rules = 0;
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty() || line.startsWith("#")
                    || (k == 0 && line.replace(" ", "").equalsIgnoreCase("segment,r,f,m"))) {
                continue;
            }
            String[] f = line.split(",", -1);
            String where = path.getFileName() + " line " + (k + 1) + ": ";
            if (f.length != 4) {
                throw new CommandFailedException(where + "expected segment,r,f,m, found " + f.length + " fields");
            }
            try {
                b.rule(new SegmentRule.Ranges(f[0].strip(), range(f[1], bins), range(f[2], bins), range(f[3], bins)));
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException(where + e.getMessage());
            }
            rules++;
        }
        if (rules == 0) {
            throw new CommandFailedException("--segments: " + path + " holds no rule");
        }
        return b.build();
    }

    private static ScoreRange range(String text, int bins) {
        String t = text.strip();
        if (t.equals("*")) {
            return ScoreRange.of(1, bins);
        }
        int dash = t.indexOf('-');
        try {
            return dash < 0 ? ScoreRange.exactly(Integer.parseInt(t))
                    : ScoreRange.of(Integer.parseInt(t.substring(0, dash).strip()),
                            Integer.parseInt(t.substring(dash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score range '" + t + "' is not low-high, a score or *", e);
        }
    }
}
