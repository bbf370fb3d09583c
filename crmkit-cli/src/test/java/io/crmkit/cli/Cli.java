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

    static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
