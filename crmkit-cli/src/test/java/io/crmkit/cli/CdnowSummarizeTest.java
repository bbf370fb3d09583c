package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crmkit summarize} on the CDNOW sample reproduces the published BTYD summaries (lifetimes'
 * {@code cdnow_customers_summary*.csv}) for all 2,357 customers: calibration end 1997-09-30,
 * same-day purchases collapsed, weeks.
 */
class CdnowSummarizeTest {

    private static final Path CDNOW = sharedData().resolve("cdnow");

    @TempDir
    Path dir;

    /** The build passes {@code crmkit.shared.data}; else {@code ../shared/data} of the project root. */
    static Path sharedData() {
        String configured = System.getProperty("crmkit.shared.data");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
    }

    /** Converts the whitespace-separated sample (no header) to the crmkit CSV convention. */
    private Path convertSample() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,timestamp,amount\n");
        for (String line : Files.readAllLines(CDNOW.resolve("CDNOW_sample.txt"))) {
            String[] f = line.trim().split("\\s+");
            String day = f[2].substring(0, 4) + "-" + f[2].substring(4, 6) + "-" + f[2].substring(6, 8);
            csv.append(Integer.parseInt(f[1])).append(',').append(day).append(',').append(f[4]).append('\n');
        }
        return Cli.write(dir, "cdnow.csv", csv.toString());
    }

    @Test
    void reproducesThePublishedSummariesOfAll2357Customers() throws IOException {
        assumeThat(Files.isDirectory(CDNOW)).as("CDNOW data at %s (../shared/data absent: skipped)", CDNOW).isTrue();
        Path input = convertSample();

        Cli.Run run = Cli.run("summarize", "--input", input.toString(), "--as-of", "1997-09-30", "--purchase-unit",
                "day", "--unit", "weeks", "--format", "csv", "--strict");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.outLines();
        List<String> header = List.of(lines.get(0).split(","));
        int x = header.indexOf("x");
        int tx = header.indexOf("t_x");
        int bigT = header.indexOf("T");
        int zbar = header.indexOf("mean_repeat_value");
        Map<String, String[]> summary = readCsv(CDNOW.resolve("cdnow_customers_summary.csv"));
        Map<String, String[]> withValues = readCsv(CDNOW.resolve("cdnow_customers_summary_with_transactions.csv"));
        assertThat(lines).hasSize(1 + 2357);
        assertThat(summary).hasSize(2357);
        List<String> mismatches = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",");
            String[] expected = summary.get(row[0]);
            String[] expectedValue = withValues.get(row[0]);
            if (expected == null || !row[x].equals(expected[1]) || !roundsTo(row[tx], expected[2])
                    || !roundsTo(row[bigT], expected[3]) || !roundsTo(row[zbar], expectedValue[4])) {
                mismatches.add(line);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(run.err()).contains("  rows_read: 6919\n", "  rows_rejected: 0\n", "  orders_seen: 6919\n",
                "  customers: 2357\n");
    }

    /** The published files print two decimals, rounded half up. */
    private static boolean roundsTo(String actual, String expected) {
        return new BigDecimal(actual).setScale(2, RoundingMode.HALF_UP).compareTo(new BigDecimal(expected)) == 0;
    }

    private static Map<String, String[]> readCsv(Path file) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.put(f[0], f);
        }
        return rows;
    }
}
