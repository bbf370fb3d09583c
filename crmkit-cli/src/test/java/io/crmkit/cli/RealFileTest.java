package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A messy real-world export end to end through the command line: gzip (recognised by its magic
 * bytes, whatever the name), a byte-order mark, CRLF line ends, other headers mapped with
 * {@code --column}, order lines, returns, guest rows, float-noise amounts, zero amounts, a quoted
 * identifier with a comma, and one truly bad row.
 */
class RealFileTest {

    /** The export's lines (without line ends); line numbers are the file's physical lines. */
    static final List<String> LINES = List.of(
            "Client,Order,Date,Total,Status",                       // 1
            "alice,A1,2024-01-05,100.00,paid",                      // 2
            "alice,A2,2024-02-05,50.00,paid",                       // 3
            "alice,A3,2024-03-05,-20.00,paid",                      // 4  a return
            "bob,B1,2024-01-10,118.22999999999999,delivered",       // 5  float noise
            "bob,B2,2024-06-01,0,paid",                             // 6  a zero amount
            ",G1,2024-04-01,10.00,paid",                            // 7  guest
            ",G2,2024-04-02,0.30000000000000004,paid",              // 8  guest
            "carol,C1,2024-13-45,5.00,paid",                        // 9  the bad row: no 13th month
            "carol,C2,2024-05-05,0.30000000000000004,paid",         // 10 float noise
            "\"dave, jr\",D1,2024-07-01,12.00,completed",           // 11 a quoted identifier
            "bob,B1,2024-01-10,1.77,delivered");                    // 12 a further line of B1

    static final String[] COLUMNS = {"--column", "customer_id=Client", "--column", "order_id=Order", "--column",
        "timestamp=Date", "--column", "amount=Total"};

    static final String CLOSING = "crmkit summarize: 1 of 11 rows rejected (1 bad timestamp); guest rows: 2;"
            + " returns: 1";

    @TempDir
    Path dir;

    /** The export as bytes: a BOM, CRLF line ends, a final line end. */
    static byte[] csv(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        for (String line : lines) {
            out.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** The messy export, gzip-compressed, in a file whose name does not say so. */
    private Path messy() throws IOException {
        return file("export.csv", gzip(csv(LINES)));
    }

    private static Cli.Run run(String command, Path input, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--input", input.toString()));
        args.addAll(Arrays.asList(COLUMNS));
        args.addAll(List.of("--as-of", "2024-12-31", "--format", "csv"));
        args.addAll(Arrays.asList(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The summarize output as customer → column → value. */
    private static Map<String, Map<String, String>> table(Cli.Run run) {
        List<String> lines = run.outLines();
        List<String> header = splitCsv(lines.get(0));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = splitCsv(line);
            assertThat(values).as(line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            rows.put(values.get(0), row);
        }
        return rows;
    }

    /** Splits one line of the tool's CSV output (quoted values without line breaks). */
    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        out.add(value.toString());
        return out;
    }

    /** The value of a {@code name: value} line of the definitions on stderr. */
    private static long definition(Cli.Run run, String name) {
        return run.errLines().stream().map(String::strip).filter(l -> l.startsWith(name + ": ")).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length() + 2)))
                .orElseThrow(() -> new AssertionError("no " + name + " in\n" + run));
    }

    // ---------------------------------------------------------------- summarize

    @Test
    void aTruncatedGzipFileFailsSayingSo() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,timestamp,amount\n");
        for (int k = 0; k < 5_000; k++) {
            csv.append("c").append(k).append(",2024-01-01,1.00\n");
        }
        byte[] whole = gzip(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = dir.resolve("truncated.csv.gz");
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "csv");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.lastErrLine()).contains("cannot read the gzip input").contains("damaged or truncated");
    }

    @Test
    void summarizesAGzipExportNamedWithoutGzReportingTheBadRowOnlyAndAccountingForEveryRow() throws IOException {
        Cli.Run run = run("summarize", messy());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(9);
        assertThat(run.rejected()).singleElement().asString()
                .startsWith("line 9: timestamp '2024-13-45' is not an ISO date or date-time");
        assertThat(run.lastErrLine()).isEqualTo(CLOSING);
        assertThat(run.err()).contains("crmkit summarize: warning: 2 amounts carried floating-point noise");
        // every row read is used, a guest row, or rejected
        long read = definition(run, "rows_read");
        assertThat(read).isEqualTo(11);
        assertThat(definition(run, "rows_used") + definition(run, "guest_rows") + definition(run, "rows_rejected"))
                .isEqualTo(read);
        assertThat(definition(run, "rows_used")).isEqualTo(8);
        assertThat(definition(run, "return_rows")).isEqualTo(1);
        assertThat(definition(run, "amounts_noise_rounded")).isEqualTo(2);

        Map<String, Map<String, String>> table = table(run);
        // guests are in no per-customer result; carol's bad row is left out, her other row kept
        assertThat(table.keySet()).containsExactly("alice", "bob", "carol", "dave, jr");
        assertThat(table).extractingFromEntries(e -> e.getKey() + " " + e.getValue().get("revenue") + " "
                + e.getValue().get("purchases")).containsExactly(
                        "alice 130.00 2",       // 100 + 50 - 20: the return lowers revenue, is no purchase
                        "bob 120.00 2",         // 118.23 (noise) + 1.77 in B1, and a zero-amount order B2
                        "carol 0.30 1",         // 0.30000000000000004 read as 0.30
                        "dave, jr 12.00 1");
        assertThat(table.get("bob").get("last_purchase")).isEqualTo("2024-06-01"); // the zero amount is an order
    }

    @Test
    void readsTheSameExportNamedGzOrUncompressed() throws IOException {
        Cli.Run unnamed = run("summarize", messy());
        Cli.Run named = run("summarize", file("export.csv.gz", gzip(csv(LINES))));
        Cli.Run plain = run("summarize", file("plain.csv", csv(LINES)));

        assertThat(unnamed.exitCode()).as(unnamed.toString()).isZero();
        assertThat(named.exitCode()).as(named.toString()).isZero();
        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(named.out()).isEqualTo(unnamed.out());
        assertThat(plain.out()).isEqualTo(unnamed.out());
        assertThat(named.err()).isEqualTo(unnamed.err());
        assertThat(plain.err()).isEqualTo(unnamed.err());
        assertThat(unnamed.outLines()).hasSize(5);
    }

    @Test
    void strictFailsBecauseOfTheBadRowAloneNotTheGuestRowsOrReturns() throws IOException {
        Cli.Run lenient = run("summarize", messy());
        Cli.Run strict = run("summarize", messy(), "--strict");

        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.rejectedLineNumbers()).containsExactly(9);
        assertThat(strict.lastErrLine()).isEqualTo(CLOSING + "; --strict: nothing computed");

        List<String> good = new ArrayList<>(LINES);
        good.remove(8); // line 9, the bad timestamp
        Cli.Run clean = run("summarize", file("clean.csv", gzip(csv(good))), "--strict");

        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.rejected()).isEmpty();
        assertThat(clean.lastErrLine()).isEqualTo("crmkit summarize: 0 of 10 rows rejected; guest rows: 2;"
                + " returns: 1");
        // the bad row contributed nothing to the lenient run
        assertThat(clean.out()).isEqualTo(lenient.out());
    }

    @Test
    void aReturnLowersItsCustomersRevenueAndIsNeverAPurchase() throws IOException {
        List<String> withoutReturn = new ArrayList<>(LINES);
        withoutReturn.remove(3); // line 4, alice's -20.00
        Cli.Run before = run("summarize", file("no-return.csv", gzip(csv(withoutReturn))));
        Cli.Run after = run("summarize", messy());

        assertThat(before.exitCode()).as(before.toString()).isZero();
        assertThat(before.lastErrLine()).isEqualTo("crmkit summarize: 1 of 10 rows rejected (1 bad timestamp);"
                + " guest rows: 2");
        Map<String, String> a0 = table(before).get("alice");
        Map<String, String> a1 = table(after).get("alice");
        assertThat(a0.get("revenue")).isEqualTo("150.00");
        assertThat(a1.get("revenue")).isEqualTo("130.00");
        // the return (2024-03-05) is later than alice's last purchase and changes none of the purchase columns
        for (String column : List.of("purchases", "orders", "first_purchase", "last_purchase", "x", "t_x", "T")) {
            assertThat(a1.get(column)).as(column).isEqualTo(a0.get(column));
        }
        assertThat(a1.get("last_purchase")).isEqualTo("2024-02-05");
        // the other customers are untouched
        assertThat(table(after).get("bob")).isEqualTo(table(before).get("bob"));
    }

    // ---------------------------------------------------------------- rfm, standard input, size

    @Test
    void rfmReadsTheSameExport() throws IOException {
        Cli.Run run = run("rfm", messy());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(9);
        assertThat(run.lastErrLine()).isEqualTo("crmkit rfm: 1 of 11 rows rejected (1 bad timestamp); guest rows: 2;"
                + " returns: 1");
        Map<String, Map<String, String>> table = table(run);
        assertThat(table.keySet()).containsExactly("alice", "bob", "carol", "dave, jr");
        assertThat(table.get("alice").get("frequency")).isEqualTo("2");
        assertThat(table.get("alice").get("monetary")).isEqualTo("130");
    }

    @Test
    void readsAGzipExportFromStandardInput() throws IOException {
        Cli.Run fromFile = run("summarize", messy());
        InputStream stdin = System.in;
        Cli.Run gz;
        Cli.Run plain;
        try {
            System.setIn(new ByteArrayInputStream(gzip(csv(LINES))));
            gz = run("summarize", Path.of("-"));
            System.setIn(new ByteArrayInputStream(csv(LINES)));
            plain = run("summarize", Path.of("-"));
        } finally {
            System.setIn(stdin);
        }

        assertThat(gz.exitCode()).as(gz.toString()).isZero();
        assertThat(gz.out()).isEqualTo(fromFile.out());
        assertThat(gz.lastErrLine()).isEqualTo(CLOSING);
        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.out()).isEqualTo(fromFile.out());
    }

    /**
     * A large export (several MiB once decompressed, so many blocks of the splitter) with quoted
     * multi-line notes: the bad rows are reported at their physical lines and the closing count
     * accounts for every row.
     */
    @Test
    void aLargeMessyExportReportsBadRowsAtTheirPhysicalLines() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Client,Order,Date,Total,Status,Note");
        int line = 2;
        int rows = 120_000;
        List<Integer> badLines = new ArrayList<>();
        long guests = 0;
        long returns = 0;
        for (int i = 0; i < rows; i++) {
            String note = i % 13 == 0 ? "\"a note, \"\"quoted\"\"\r\nover two lines\"" : "n" + i;
            String day = String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
            String amount = (i % 5) + "." + (i % 100 < 10 ? "0" : "") + (i % 100);
            String customer = "c" + (i % 50);
            if (i % 997 == 0) {
                day = "2024-02-30";
                badLines.add(line);
            } else if (i % 101 == 0) {
                customer = "";
                guests++;
            } else if (i % 37 == 0) {
                amount = "-" + amount;
                returns += amount.equals("-0.00") ? 0 : 1;
            }
            lines.add(customer + ",O" + i + "," + day + "," + amount + ",paid," + note);
            line += i % 13 == 0 ? 2 : 1;
        }
        byte[] csv = csv(lines);
        assertThat(csv.length).isGreaterThan(4 << 20);

        Cli.Run run = run("summarize", file("big.csv", gzip(csv)));

        assertThat(run.exitCode()).as("exit %d, stderr ends %s", run.exitCode(), run.lastErrLine()).isZero();
        assertThat(run.rejectedLineNumbers()).isEqualTo(badLines);
        assertThat(run.err()).contains("warning: ignoring column 'note'");
        assertThat(run.lastErrLine()).isEqualTo("crmkit summarize: " + badLines.size() + " of " + rows
                + " rows rejected (" + badLines.size() + " bad timestamp); guest rows: " + guests + "; returns: "
                + returns);
        assertThat(definition(run, "rows_used")).isEqualTo(rows - badLines.size() - guests);
        assertThat(run.outLines()).hasSize(1 + 50);
    }
}
