package io.crmkit.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints a result with its definitions in one of the {@linkplain OutputFormat output formats}:
 *
 * <ul>
 *   <li>{@link OutputFormat#TABLE}: the definitions on stderr, then on stdout a header line and
 *       aligned rows (text left, numbers right, two spaces between columns);</li>
 *   <li>{@link OutputFormat#CSV}: the definitions on stderr; on stdout exactly one header line and
 *       one record per row, quoted where needed (as Jackson's CSV generator quotes);</li>
 *   <li>{@link OutputFormat#JSON}: on stdout one document
 *       {@code {"definitions": {...}, "columns": [...], "rows": [{...}, ...]}}, numbers as JSON
 *       numbers, written as a stream.</li>
 * </ul>
 * Rows are read one cell at a time; nothing is held per row (a table reads the cells twice: once to
 * measure the columns, once to print them).
 *
 * <p>Stateless and thread-safe.
 */
public final class ResultWriter {

    /** How many digits CSV numbers carry. */
    public enum Precision {
        /** Doubles to six significant digits, or the column's table decimals when more (the default). */
        NATURAL,
        /** Every digit of the double's shortest exact form. */
        FULL
    }

    private static final ThreadLocal<Precision> PRECISION = ThreadLocal.withInitial(() -> Precision.NATURAL);

    /**
     * Sets the precision of CSV numbers written from this thread until {@link #resetPrecision()}.
     *
     * @param precision the precision, not null
     */
    public static void precision(Precision precision) {
        PRECISION.set(java.util.Objects.requireNonNull(precision, "precision"));
    }

    /** Restores the default precision ({@link Precision#NATURAL}) of this thread. */
    public static void resetPrecision() {
        PRECISION.remove();
    }

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private ResultWriter() {
    }

    /**
     * Prints a result.
     *
     * @param format the format, not null
     * @param definitions the definitions, not null
     * @param rows the result, not null
     * @param out standard output, not null
     * @param err standard error, not null
     * @throws IOException if writing fails
     */
    public static void write(OutputFormat format, Definitions definitions, ResultRows rows, PrintWriter out,
            PrintWriter err) throws IOException {
        switch (format) {
            case TABLE -> {
                definitions.printTo(err);
                table(rows, out);
            }
            case CSV -> {
                definitions.printTo(err);
                csv(rows, out);
            }
            case JSON -> json(definitions, rows, out);
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
        out.flush();
    }

    /**
     * Prints rows as an aligned table.
     *
     * @param rows the rows, not null
     * @param out where to print, not null
     */
    public static void table(ResultRows rows, PrintWriter out) {
        table(rows, out, "");
    }

    /**
     * Prints rows as an aligned table, every line starting with an indent.
     *
     * @param rows the rows, not null
     * @param out where to print, not null
     * @param indent the start of every line, such as two spaces, not null
     */
    public static void table(ResultRows rows, PrintWriter out, String indent) {
        List<Column> columns = rows.columns();
        int k = columns.size();
        int[] width = new int[k];
        for (int c = 0; c < k; c++) {
            width[c] = columns.get(c).name().length();
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < k; c++) {
                width[c] = Math.max(width[c], Cells.table(rows.value(r, c), columns.get(c)).length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < k; c++) {
            cell(line, columns.get(c).name(), width[c], columns.get(c).numeric(), c == k - 1);
        }
        out.println(indent + line);
        for (int r = 0; r < rows.size(); r++) {
            line.setLength(0);
            for (int c = 0; c < k; c++) {
                cell(line, Cells.table(rows.value(r, c), columns.get(c)), width[c], columns.get(c).numeric(),
                        c == k - 1);
            }
            out.println(indent + line);
        }
    }

    private static void cell(StringBuilder line, String text, int width, boolean right, boolean last) {
        if (line.length() > 0) {
            line.append("  ");
        }
        int pad = width - text.length();
        if (right) {
            line.append(" ".repeat(pad)).append(text);
        } else {
            line.append(text);
            if (!last) {
                line.append(" ".repeat(pad));
            }
        }
    }

    private static void csv(ResultRows rows, PrintWriter out) {
        List<Column> columns = rows.columns();
        StringBuilder line = new StringBuilder(256);
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                line.append(',');
            }
            csvText(line, columns.get(c).name());
        }
        line.append('\n');
        out.append(line);
        for (int r = 0; r < rows.size(); r++) {
            line.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                Object v = rows.value(r, c);
                if (v instanceof Integer || v instanceof Long) {
                    line.append(((Number) v).longValue());
                } else if (v instanceof Number) {
                    line.append(PRECISION.get() == Precision.FULL ? Cells.plain(v) : Cells.natural(v, columns.get(c)));
                } else if (v != null) {
                    csvText(line, Cells.plain(v));
                }
            }
            line.append('\n');
            out.append(line);
        }
    }

    /**
     * Appends a text value as Jackson's CSV generator writes it (which the output kept before): in
     * double quotes, with quotes doubled, when it holds a character up to {@code ','} (control
     * characters, space, quote, '#'...) or a backslash.
     */
    private static void csvText(StringBuilder line, String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char ch = text.charAt(i);
            quote = ch <= ',' || ch == '\\';
        }
        if (!quote) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                line.append('"');
            }
            line.append(ch);
        }
        line.append('"');
    }

    private static void json(Definitions definitions, ResultRows rows, PrintWriter out) throws IOException {
        List<Column> columns = rows.columns();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("definitions");
            definitions.writeJson(g);
            g.writeArrayFieldStart("columns");
            for (Column c : columns) {
                g.writeString(c.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (int r = 0; r < rows.size(); r++) {
                g.writeStartObject();
                for (int c = 0; c < columns.size(); c++) {
                    Object v = rows.value(r, c);
                    g.writeFieldName(columns.get(c).name());
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof Number) {
                        g.writeNumber(Cells.plain(v));
                    } else {
                        g.writeString(Cells.plain(v));
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }
}
