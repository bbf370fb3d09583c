package io.crmkit.spark.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.cli.CrmkitCli;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local jar's {@code summarize} and {@code rfm} print the same rows as {@code crmkit}'s with the
 * same options, on the CDNOW purchase log and on a generated file with order lines, statuses,
 * returns and same-second ties; and they take the same options.
 */
class SparkLocalCliTest {

    @TempDir
    static Path dir;

    private static Path cdnow;
    private static Path generated;

    @BeforeAll
    static void files() throws IOException {
        cdnow = LocalJarFixture.cdnow(dir);
        Random rnd = new Random(13);
        List<String> lines = new ArrayList<>();
        String[] statuses = {"delivered", "delivered", "delivered", "pending", "cancelled", "paid"};
        for (int c = 0; c < 700; c++) {
            int orders = 1 + rnd.nextInt(6);
            long t = LocalDate.of(2025, 1, 1).toEpochDay() * 86_400 + rnd.nextInt(300 * 86_400);
            for (int o = 0; o < orders; o++) {
                String order = "O" + c + "-" + o;
                String customer = "K" + rnd.nextInt(400);
                String status = statuses[rnd.nextInt(statuses.length)];
                int parts = rnd.nextInt(8) == 0 ? 2 : 1;
                for (int p = 0; p < parts; p++) {
                    BigDecimal amount = BigDecimal.valueOf(rnd.nextInt(40_000) - (rnd.nextInt(15) == 0 ? 41_000 : 0),
                            2);
                    lines.add(customer + "," + order + "," + java.time.Instant.ofEpochSecond(t) + ","
                            + amount.toPlainString() + "," + status);
                }
                t += rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(40 * 86_400);
            }
        }
        Collections.shuffle(lines, rnd);
        lines.add(0, "customer_id,order_id,timestamp,amount,status");
        generated = Files.write(dir.resolve("generated.csv"), lines, StandardCharsets.UTF_8);
    }

    private static void assertSameOutput(String... args) {
        LocalJarFixture.assertSameOutput(101, args);
    }

    @Test
    void cdnowSummariesInWeeksPerDayEqualCrmkits() {
        org.junit.jupiter.api.Assumptions.assumeTrue(cdnow != null, "CDNOW sample absent");
        assertSameOutput("summarize", "--input", cdnow.toString(), "--as-of", "1997-09-30", "--purchase-unit", "day",
                "--unit", "weeks", "--format", "csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"quantile", "r-rfm", "quantile:6"})
    void cdnowRfmEqualsCrmkits(String binning) {
        org.junit.jupiter.api.Assumptions.assumeTrue(cdnow != null, "CDNOW sample absent");
        assertSameOutput("rfm", "--input", cdnow.toString(), "--as-of", "1998-06-30", "--binning", binning,
                "--segments", binning.equals("r-rfm") ? "r-rfm" : "eleven", "--format", "csv");
    }

    @Test
    void generatedFileSummariesAndRfmEqualCrmkits() {
        assertSameOutput("summarize", "--input", generated.toString(), "--as-of", "2025-10-15T12:00:00Z",
                "--counted", "completed,open", "--format", "csv");
        assertSameOutput("rfm", "--input", generated.toString(), "--as-of", "2025-12-31", "--binning", "quantile:8",
                "--monetary", "mean", "--segments", "rf-grid", "--format", "csv");
    }

    @Test
    void anXlsxWorkbooksResultSheetEqualsCrmkits() throws IOException {
        String[] args = {"rfm", "--input", generated.toString(), "--as-of", "2025-12-31", "--format", "xlsx"};
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        int code = CrmkitCli.execute(new java.io.PrintWriter(java.io.Writer.nullWriter()), expected,
                new java.io.PrintWriter(java.io.Writer.nullWriter()), false, args);
        assertThat(code).isZero();
        java.io.ByteArrayOutputStream actual = new java.io.ByteArrayOutputStream();
        io.crmkit.cli.output.ResultWriter.binaryOutput(actual);
        LocalJarFixture.Run run;
        try {
            run = LocalJarFixture.spark(args);
        } finally {
            io.crmkit.cli.output.ResultWriter.resetBinaryOutput();
        }
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        String sheet = "xl/worksheets/sheet1.xml";
        assertThat(entry(actual.toByteArray(), sheet)).isEqualTo(entry(expected.toByteArray(), sheet)).contains("<row r=\"101\"");
    }

    /** One entry of a zip file (a workbook), as text, read through its central directory as spreadsheet programs do. */
    private static String entry(byte[] zip, String name) throws IOException {
        Path file = Files.createTempFile(dir, "workbook", ".xlsx");
        Files.write(file, zip);
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry e = z.getEntry(name);
            assertThat(e).as(name).isNotNull();
            return new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void segmentTableEqualsCrmkits() {
        LocalJarFixture.Run expected = LocalJarFixture.crmkit("rfm", "--input", generated.toString(), "--as-of",
                "2025-12-31", "--summary",
                "--format", "csv");
        LocalJarFixture.Run actual = LocalJarFixture.spark("rfm", "--input", generated.toString(), "--as-of",
                "2025-12-31", "--summary",
                "--format", "csv");
        assertThat(actual.code()).as(actual.err()).isZero();
        assertThat(actual.out()).isEqualTo(expected.out());
    }

    @Test
    void rankBasedBinningIsRefusedWithAReason() {
        LocalJarFixture.Run actual = LocalJarFixture.spark("rfm", "--input", generated.toString(), "--as-of",
                "2025-12-31", "--binning", "ntile");
        assertThat(actual.code()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(actual.err()).contains("is rank-based");
    }

    @ParameterizedTest
    @ValueSource(strings = {"summarize", "rfm"})
    void theSubcommandsTakeCrmkitsOptions(String command) {
        LocalJarFixture.assertSameOptions(command);
    }
}
