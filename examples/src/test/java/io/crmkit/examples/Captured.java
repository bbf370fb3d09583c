package io.crmkit.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a quick start printed, with helpers to pick numbers out of its lines. */
final class Captured {

    final String text;
    final List<String> lines;

    private Captured(String text) {
        this.text = text;
        this.lines = text.lines().toList();
    }

    /** Runs a quick start's {@code run(PrintStream)} and keeps what it printed. */
    static Captured of(Consumer<PrintStream> program) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            program.accept(out);
        }
        return new Captured(bytes.toString(StandardCharsets.UTF_8));
    }

    /** The lines matching a pattern (anchored at both ends), as matchers positioned on their match. */
    List<Matcher> matching(String regex) {
        Pattern p = Pattern.compile(regex);
        return lines.stream().map(p::matcher).filter(Matcher::matches).toList();
    }

    /** The single line matching a pattern; fails when there is none or several. */
    Matcher line(String regex) {
        List<Matcher> all = matching(regex);
        if (all.size() != 1) {
            throw new AssertionError("expected one line matching " + regex + ", found " + all.size() + " in:\n"
                    + text);
        }
        return all.get(0);
    }
}
