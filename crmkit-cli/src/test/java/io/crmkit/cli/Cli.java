package io.crmkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Runs the crmkit command in-process with captured stdout and stderr. */
final class Cli {

    private static final Pattern REJECTED = Pattern.compile("^line \\d+: .*");

    private Cli() {
    }

    /** The outcome of one run. */
    record Run(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        /** The {@code line N: reason} lines, in order. */
        List<String> rejected() {
            return err.lines().filter(l -> REJECTED.matcher(l).matches()).toList();
        }

        /** The physical line numbers of the rejected rows, in order. */
        List<Integer> rejectedLineNumbers() {
            return rejected().stream().map(l -> Integer.parseInt(l.substring(5, l.indexOf(':')))).toList();
        }

        String lastErrLine() {
            List<String> lines = errLines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrmkitCli.execute(new PrintWriter(out), new PrintWriter(err), false, args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The outcome of one run whose stdout is bytes (a binary format). */
    record BinaryRun(int exitCode, byte[] out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + ", " + out.length + " bytes on stdout\n--- stderr\n" + err;
        }
    }

    /** Runs with a byte stream behind stdout, as when stdout is redirected to a file. */
    static BinaryRun runBinary(String... args) {
        StringWriter text = new StringWriter();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = CrmkitCli.execute(new PrintWriter(text), bytes, new PrintWriter(err), false, args);
        if (!text.toString().isEmpty()) {
            throw new AssertionError("text on stdout besides the bytes: " + text);
        }
        return new BinaryRun(code, bytes.toByteArray(), err.toString());
    }

    /**
     * Writes the CDNOW sample (../shared/data) as {@code customer_id,order_id,timestamp,amount}, one
     * order per line with the identifier {@code L<line>}, or skips the calling test when the data is
     * absent.
     */
    static Path cdnowOrders(Path dir) throws IOException {
        Path sample = Path.of(System.getProperty("crmkit.shared.data", "../../shared/data"), "cdnow",
                "CDNOW_sample.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(sample),
                "CDNOW sample not found at " + sample + " (../shared/data absent)");
        List<String> lines = new java.util.ArrayList<>();
        lines.add("customer_id,order_id,timestamp,amount");
        int n = 0;
        for (String row : Files.readAllLines(sample)) {
            String[] f = row.trim().split("\\s+");
            String d = f[2];
            lines.add(Integer.parseInt(f[1]) + ",L" + (++n) + "," + d.substring(0, 4) + "-" + d.substring(4, 6) + "-"
                    + d.substring(6) + "," + f[4]);
        }
        return Files.write(dir.resolve("cdnow.csv"), lines);
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
