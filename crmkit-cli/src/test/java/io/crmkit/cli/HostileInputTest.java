package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.jdbc.JdbcDialect;
import io.crmkit.jdbc.JdbcOrderRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One hostile row never stops the rows behind it: an over-long field, an amount with a huge
 * exponent or too many digits, a total that would overflow, a year outside the range the database
 * stores. Each is a rejected row, reported with its line, by the reader that builds the batch
 * ({@code summarize}, {@code rfm}) and by the streaming one ({@code load}) alike.
 */
class HostileInputTest {

    private static final String HEADER = "customer_id,order_id,timestamp,amount,currency\n";
    private static final String GOOD = "c9,o9,2024-01-20,10.00,USD\n";

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:" + dir.resolve("crm").toAbsolutePath();
    }

    private Path file(String rows) throws IOException {
        return Cli.write(dir, "orders.csv", HEADER + rows + GOOD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"summarize", "rfm", "load"})
    void aTenMegabyteFieldIsARejectedRowAndTheNextRowsAreRead(String command) throws IOException {
        Path file = dir.resolve("orders.csv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write("c1,o1,2024-01-01,");
            out.write("9".repeat(10_000_000));
            out.write(",USD\nc2,o2,2024-01-02,\"");
            out.write("x\n".repeat(5_000_000));
            out.write("\",USD\n");
            out.write(GOOD);
        }
        Cli.Run run = run(command, file);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(2, 3);
        assertThat(run.rejected().get(0)).contains("longer than 1048576 bytes").contains("--max-record-bytes");
        assertThat(run.err()).contains("2 of 3 rows rejected (2 record too long)");
        if (!command.equals("load")) {
            assertThat(run.out()).contains("c9");
        }
    }

    @Test
    void aTenMegabyteFieldInALedgerOrPointsFileIsARejectedRow() throws IOException {
        String huge = "\"" + "x".repeat(10_000_000) + "\"";
        Path invoices = Cli.write(dir, "invoices.csv", "invoice_id,customer_id,issued,due,amount\n"
                + "i1,c1,2025-01-01,2025-01-31," + huge + "\n" + "i2,c1,2025-01-01,2025-01-31,10.00\n");
        Path payments = Cli.write(dir, "payments.csv", "payment_id,customer_id,paid_on,amount\n"
                + "p1,c1,2025-01-05," + huge + "\n");
        Cli.Run receivables = Cli.run("receivables", "--invoices", invoices.toString(), "--payments",
                payments.toString(), "--as-of", "2025-12-31", "--format", "csv");
        assertThat(receivables.exitCode()).as(receivables.toString()).isZero();
        assertThat(receivables.rejected()).containsExactly(
                "line 2: invoices.csv: is longer than 1048576 bytes, the maximum record length (--max-record-bytes);"
                        + " it was skipped unread",
                "line 2: payments.csv: is longer than 1048576 bytes, the maximum record length (--max-record-bytes);"
                        + " it was skipped unread");
        assertThat(receivables.out()).contains("c1,");

        Path orders = Cli.write(dir, "o.csv", HEADER + GOOD);
        Path events = Cli.write(dir, "points.csv", "customer_id,event_id,timestamp,type,points\n"
                + "c9,e1,2024-01-21,adjust," + huge + "\n" + "c9,e2,2024-01-22,adjust,5\n");
        Cli.Run loyalty = Cli.run("loyalty", "--input", orders.toString(), "--as-of", "2024-02-01",
                "--points-per-unit", "1", "--points-events", events.toString(), "--format", "csv");
        assertThat(loyalty.exitCode()).as(loyalty.toString()).isZero();
        assertThat(loyalty.err()).contains("points.csv line 2: is longer than 1048576 bytes")
                .contains("points events: 1 of 2 rejected").doesNotContain("line 3");
        assertThat(loyalty.out()).contains("c9,15,");
    }

    @Test
    void theMaximumRecordLengthIsAnOptionAndIsChecked() throws IOException {
        Path file = file("c" + "1".repeat(40) + ",o1,2024-01-01,10.00,USD\n");
        Cli.Run tight = Cli.run("summarize", "--input", file.toString(), "--as-of", "2024-02-01",
                "--max-record-bytes", "50", "--format", "csv");
        assertThat(tight.exitCode()).as(tight.toString()).isZero();
        assertThat(tight.rejected()).containsExactly("line 2: is longer than 50 bytes, the maximum record length"
                + " (--max-record-bytes); it was skipped unread");
        assertThat(tight.out()).contains("c9,");
        Cli.Run header = Cli.run("summarize", "--input", file.toString(), "--as-of", "2024-02-01",
                "--max-record-bytes", "30");
        assertThat(header.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(header.err()).contains("line 1: the header is longer than 30 bytes");
        Cli.Run zero = Cli.run("summarize", "--input", file.toString(), "--as-of", "2024-02-01",
                "--max-record-bytes", "0");
        assertThat(zero.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(zero.err()).contains("--max-record-bytes must be from 1 to 268435456: 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"summarize", "load"})
    void amountsWithHugeExponentsOrTooManyDigitsAreRejectedAtOnce(String command) throws IOException {
        Path file = file("c1,o1,2024-01-01,1e1000000000,USD\n"
                + "c1,o2,2024-01-01,1e-100000000,USD\n"
                + "c1,o3,2024-01-01," + "1".repeat(65) + ",USD\n"
                + "c1,o4,2024-01-01,0e-100000000,USD\n");
        Cli.Run run = run(command, file);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(2, 3, 4);
        assertThat(run.rejected().get(0)).contains("is too large (10^1000000000");
        assertThat(run.rejected().get(1)).contains("is too small to be an amount (10^-100000000");
        assertThat(run.rejected().get(2)).contains("has 65 characters; an amount has at most 64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"summarize", "rfm", "load"})
    void aRowThatWouldOverflowATotalIsRejectedWithItsLine(String command) throws IOException {
        Path file = file("c1,o1,2024-01-01,92233720368547758.07,USD\nc1,o2,2024-01-02,1,USD\n");
        Cli.Run run = run(command, file);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(3, 4);
        assertThat(run.rejected().get(0)).contains("past 92233720368547758.07 USD, the most any total holds");
        if (command.equals("load")) {
            // what was loaded reads back, and the summary of the database works
            Cli.Run summary = Cli.run("summarize", "--jdbc", url(), "--as-of", "2024-02-01", "--format", "csv");
            assertThat(summary.exitCode()).as(summary.toString()).isZero();
            assertThat(summary.out()).contains("c1,2024-01-01,2024-01-01,1,1,92233720368547758.07");
        }
    }

    @Test
    void aDatabaseWhoseOrdersTogetherOverflowLeavesTheLastOneOutWithAWarning() throws IOException {
        Cli.Run first = Cli.run("load", "--input", Cli.write(dir, "a.csv",
                HEADER + "c1,o1,2024-01-01,92233720368547758.07,USD\n").toString(), "--jdbc", url());
        Cli.Run second = Cli.run("load", "--input", Cli.write(dir, "b.csv",
                HEADER + "c2,o2,2024-01-02,5.00,USD\n").toString(), "--jdbc", url());
        assertThat(first.exitCode() + second.exitCode()).isZero();
        assertThat(new JdbcOrderRepository(JdbcDialect.dataSource(url())).count()).isEqualTo(2);

        Cli.Run rfm = Cli.run("rfm", "--jdbc", url(), "--as-of", "2024-02-01", "--format", "csv");

        assertThat(rfm.exitCode()).as(rfm.toString()).isZero();
        assertThat(rfm.err()).contains("order o2 left out: would take the input's total of absolute amounts past");
        assertThat(rfm.out()).contains("c1,").doesNotContain("c2,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"summarize", "load"})
    void yearsOutsideWhatTheDatabaseStoresAreRejectedByEveryReader(String command) throws IOException {
        Path file = file("c1,o1,0000-01-01,1,USD\nc1,o2,+10000-01-02,1,USD\nc1,o3,0999-12-31T23:59:59Z,1,USD\n"
                + "c1,o4,1000-01-01,1,USD\nc1,o5,9998-12-31T23:59:59.999999Z,1,USD\n");
        Cli.Run run = run(command, file);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(2, 3, 4);
        assertThat(run.rejected().get(0)).isEqualTo("line 2: timestamp '0000-01-01' is outside the accepted range"
                + " 1000-01-01T00:00:00Z to 9999-01-01T00:00:00Z (exclusive), which the database schema also stores");
        if (command.equals("load")) {
            assertThat(new JdbcOrderRepository(JdbcDialect.dataSource(url())).count()).isEqualTo(3);
        }
    }

    private Cli.Run run(String command, Path file) {
        return switch (command) {
            case "load" -> Cli.run("load", "--input", file.toString(), "--jdbc", url());
            case "rfm" -> Cli.run("rfm", "--input", file.toString(), "--as-of", "2024-02-01", "--format", "csv");
            default -> Cli.run(command, "--input", file.toString(), "--as-of", "2024-02-01", "--format", "csv");
        };
    }

    /** Every CSV reader: a UTF-16 or UTF-32 file is one clear error naming the encoding, nothing echoed. */
    @Test
    void aUtf32OrUtf16FileGetsAClearErrorFromEveryCsvReader() throws IOException {
        java.nio.charset.Charset utf32 = java.nio.charset.Charset.forName("UTF-32LE");
        java.util.function.BiFunction<String, String, Path> encoded = (name, text) -> {
            try {
                // with its byte-order mark, as Windows tools write it
                return java.nio.file.Files.write(dir.resolve(name), ("\uFEFF" + text).getBytes(utf32));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        Path orders = encoded.apply("orders32.csv", HEADER + GOOD);
        Path plainOrders = Cli.write(dir, "orders.csv", HEADER + GOOD);
        java.util.List<String[]> runs = java.util.List.of(
                new String[] {"rfm", "-i", orders.toString(), "--as-of", "2024-02-01"},
                new String[] {"load", "-i", orders.toString(), "--jdbc", "jdbc:h2:mem:u32"},
                new String[] {"receivables", "--invoices", encoded.apply("inv32.csv",
                        "invoice_id,customer_id,issued,due,amount\ni1,c1,2025-01-01,2025-01-31,10.00\n").toString(),
                    "--payments", Cli.write(dir, "pay.csv", "payment_id,customer_id,paid_on,amount\n").toString(),
                    "--as-of", "2025-12-31"},
                new String[] {"loyalty", "-i", plainOrders.toString(), "--as-of", "2024-02-01", "--points-per-unit",
                    "1", "--points-events", encoded.apply("points32.csv",
                        "customer_id,event_id,timestamp,type,points\nc9,e1,2024-01-21,adjust,5\n").toString()},
                new String[] {"service", "--cases", encoded.apply("cases32.csv",
                        "case_id,customer_id,type,status,opened_at\nk1,c1,question,open,2025-01-02\n").toString(),
                    "--as-of", "2025-02-28"},
                new String[] {"surveys", "--responses", encoded.apply("surveys32.csv",
                        "response_id,customer_id,responded_at,scale,score\nr1,c1,2025-01-02,nps,9\n").toString(),
                    "--as-of", "2025-02-28"},
                new String[] {"quality", "--customers", encoded.apply("customers32.csv",
                        "customer_id,email\nc1,ann@example.com\n").toString()});
        for (String[] args : runs) {
            Cli.Run run = Cli.run(args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(CrmkitCli.EXIT_FAILED);
            assertThat(run.err()).as(args[0]).contains("is not UTF-8 text: it starts with a UTF-32LE byte-order mark")
                    .contains("iconv").doesNotContain("\u0000").doesNotContain("Exception")
                    .doesNotContain("ann@example.com");
            assertThat(run.out()).isEmpty();
        }
        // UTF-16 without a byte-order mark: NUL bytes in the first line
        Path utf16 = java.nio.file.Files.write(dir.resolve("orders16.csv"),
                (HEADER + GOOD).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        Cli.Run run = Cli.run("summarize", "-i", utf16.toString(), "--as-of", "2024-02-01");
        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(run.err()).contains("NUL bytes in its first line (UTF-16 or UTF-32 without a byte-order mark)");
    }

    /** The side files of issue 20 skip a 10 MB field as the order reader does, and read on. */
    @Test
    void aTenMegabyteFieldInACaseSurveyOrCustomerFileIsARejectedRow() throws IOException {
        String huge = "\"" + "x".repeat(10_000_000) + "\"";
        Path cases = Cli.write(dir, "cases.csv", "case_id,customer_id,type,status,opened_at\n"
                + "k1,c1,question,open," + huge + "\nk2,c1,question,open,2025-01-03\n");
        Cli.Run service = Cli.run("service", "--cases", cases.toString(), "--as-of", "2025-02-28", "--format", "csv");
        assertThat(service.exitCode()).as(service.toString()).isZero();
        assertThat(service.rejected()).singleElement().asString().startsWith("line 2: is longer than 1048576 bytes");
        assertThat(service.out()).contains("2025-01,1,");
        Path surveys = Cli.write(dir, "surveys.csv", "response_id,customer_id,responded_at,scale,score\n"
                + "r1,c1,2025-01-02,nps," + "9".repeat(10_000_000) + "\nr2,c1,2025-01-03,nps,9\n");
        Cli.Run survey = Cli.run("surveys", "--responses", surveys.toString(), "--as-of", "2025-02-28", "--format",
                "csv");
        assertThat(survey.exitCode()).as(survey.toString()).isZero();
        assertThat(survey.rejected()).singleElement().asString().startsWith("line 2: is longer than 1048576 bytes");
        assertThat(survey.out()).contains("2025-01,1,");
        Path customers = Cli.write(dir, "customers.csv", "customer_id,email\nc1," + huge + "\nc2,b@example.com\n");
        Cli.Run quality = Cli.run("quality", "--customers", customers.toString(), "--format", "csv");
        assertThat(quality.exitCode()).as(quality.toString()).isZero();
        assertThat(quality.rejected()).singleElement().asString().startsWith("line 2: is longer than 1048576 bytes");
    }
}
