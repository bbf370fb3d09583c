package io.crmkit.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.crmkit.core.internal.Tasks;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 *   <li>{@link OutputFormat#XLSX}: on the {@linkplain #binaryOutput byte stream of stdout} one
 *       workbook with a sheet {@code result} (a bold frozen header, one row per result row, numbers
 *       and dates as typed cells at full precision) and a sheet {@code definitions}; streamed in
 *       blocks of rows.</li>
 * </ul>
 * Rows are read one cell at a time; nothing is held per row (a table reads the cells twice: once to
 * measure the columns, once to print them). CSV of {@value #PARALLEL_MIN_ROWS} rows or more whose
 * {@link ResultRows#concurrentReads()} allows it is formatted in chunks on a pool of up to four
 * threads made for the call, and printed in row order by the calling thread. CSV lines are
 * formatted as UTF-8 bytes ({@link CsvBytes}) and go to the {@linkplain #binaryOutput byte stream
 * of stdout} when there is one, else to the text writer.
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

    /** Rows formatted at a time when printing CSV. */
    private static final int CHUNK_ROWS = 1 << 13;
    /** A CSV result of at least this many rows is formatted on several threads when it allows it. */
    static final int PARALLEL_MIN_ROWS = 1 << 16;
    private static final int MAX_FORMAT_THREADS = 4;
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

    /** The width tables are fitted to unless {@link #layout} says otherwise: 120 characters. */
    public static final int DEFAULT_WIDTH = 120;

    /**
     * Which columns to write, in which order, and the widest table line.
     *
     * @param columns the names of the columns to write, in order; empty for all of them
     * @param width the widest table line in characters (a wider table is printed in blocks of
     *     columns, each repeating the first column); 0 for no limit
     */
    public record Layout(List<String> columns, int width) {
        /**
         * Validates the layout.
         *
         * @throws IllegalArgumentException if the width is negative or a name repeats
         */
        public Layout {
            columns = List.copyOf(columns);
            if (width < 0) {
                throw new IllegalArgumentException("width must not be negative: " + width);
            }
            if (new java.util.HashSet<>(columns).size() != columns.size()) {
                throw new IllegalArgumentException("a column is named twice: " + columns);
            }
        }
    }

    /**
     * A result that {@code --format xlsx} cannot write: no byte stream for stdout (a terminal), or a
     * result over the format's limits (rows, columns, characters in a cell).
     */
    public static final class XlsxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        XlsxException(String message) {
            super(message);
        }
    }

    private static final ThreadLocal<OutputStream> BINARY = new ThreadLocal<>();

    /**
     * Sets the byte stream behind stdout, where {@link OutputFormat#XLSX} results written from this
     * thread go until {@link #resetBinaryOutput()}. Without one (stdout is a terminal, or an
     * in-process caller gave only a writer) an xlsx result is refused.
     *
     * @param stdout the bytes of standard output, or null for none
     */
    public static void binaryOutput(OutputStream stdout) {
        if (stdout == null) {
            BINARY.remove();
        } else {
            BINARY.set(stdout);
        }
    }

    /** Forgets this thread's byte stream of stdout. */
    public static void resetBinaryOutput() {
        BINARY.remove();
    }

    /** A {@code --columns} name that the result does not have. */
    public static final class UnknownColumnException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownColumnException(String message) {
            super(message);
        }
    }

    private static final ThreadLocal<Layout> LAYOUT =
            ThreadLocal.withInitial(() -> new Layout(List.of(), DEFAULT_WIDTH));

    /**
     * Sets the layout of results written from this thread until {@link #resetLayout()}.
     *
     * @param layout the layout, not null
     */
    public static void layout(Layout layout) {
        LAYOUT.set(java.util.Objects.requireNonNull(layout, "layout"));
    }

    /** Restores the default layout (every column, tables fitted to 120 characters) of this thread. */
    public static void resetLayout() {
        LAYOUT.remove();
    }

    /** The result's columns chosen by the layout, or the result itself when it chooses none. */
    static ResultRows chosen(ResultRows rows, Layout layout) {
        if (layout.columns().isEmpty()) {
            return rows;
        }
        List<String> names = rows.columns().stream().map(Column::name).toList();
        for (String name : layout.columns()) {
            if (!names.contains(name)) {
                throw new UnknownColumnException("--columns: the result has no column '" + name + "'; its columns: "
                        + String.join(",", names));
            }
        }
        int[] all = new int[rows.size()];
        for (int r = 0; r < all.length; r++) {
            all[r] = r;
        }
        return rows.select(all, layout.columns());
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
    public static void write(OutputFormat format, Definitions definitions, ResultRows result, PrintWriter out,
            PrintWriter err) throws IOException {
        ResultRows rows = chosen(result, LAYOUT.get());
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
            case XLSX -> {
                OutputStream bytes = BINARY.get();
                if (bytes == null) {
                    throw new XlsxException("--format xlsx writes a binary workbook to stdout, which is a terminal"
                            + " here (or not a byte stream): redirect it to a file, e.g. > result.xlsx");
                }
                out.flush();
                Xlsx.write(definitions, rows, bytes);
            }
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
        int limit = LAYOUT.get().width();
        int from = 0;
        while (from < k) {
            // a block: the first column, then as many of the next ones as fit in the width (at least one)
            int to = from + 1;
            int used = indent.length() + (from == 0 ? width[0] : width[0] + 2 + width[from]);
            while (to < k && (limit == 0 || used + 2 + width[to] <= limit)) {
                used += 2 + width[to];
                to++;
            }
            int[] shown = new int[to - from + (from == 0 ? 0 : 1)];
            int n = 0;
            if (from > 0) {
                shown[n++] = 0;
            }
            for (int c = from; c < to; c++) {
                shown[n++] = c;
            }
            if (from > 0) {
                out.println();
            }
            block(rows, out, indent, width, shown);
            from = to;
        }
    }

    /** Prints the rows' columns at the given indexes, aligned to the given widths. */
    private static void block(ResultRows rows, PrintWriter out, String indent, int[] width, int[] shown) {
        List<Column> columns = rows.columns();
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < shown.length; j++) {
            Column c = columns.get(shown[j]);
            cell(line, c.name(), width[shown[j]], c.numeric(), j == shown.length - 1);
        }
        out.println(indent + line);
        for (int r = 0; r < rows.size(); r++) {
            line.setLength(0);
            for (int j = 0; j < shown.length; j++) {
                Column c = columns.get(shown[j]);
                cell(line, Cells.table(rows.value(r, shown[j]), c), width[shown[j]], c.numeric(),
                        j == shown.length - 1);
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

    private static void csv(ResultRows rows, PrintWriter out) throws IOException {
        List<Column> columns = rows.columns();
        // the lines as UTF-8 bytes, straight to stdout's bytes when there are some (text written
        // before them flushed first), else decoded into the writer
        OutputStream bytes = BINARY.get();
        if (bytes != null) {
            out.flush();
        }
        emit(new CsvBytes(256).header(columns), out, bytes);
        boolean full = PRECISION.get() == Precision.FULL;
        int n = rows.size();
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), MAX_FORMAT_THREADS);
        if (n < PARALLEL_MIN_ROWS || threads < 2 || !rows.concurrentReads()) {
            CsvBytes text = new CsvBytes(1 << 16);
            for (int from = 0; from < n; from += CHUNK_ROWS) {
                text.clear();
                emit(text.rows(rows, columns, full, from, Math.min(n, from + CHUNK_ROWS)), out, bytes);
            }
            finish(bytes);
            return;
        }
        // a large result read from immutable columns: chunks of rows formatted on other threads, printed
        // here in order as they complete (a bounded number of chunks ahead, their buffers reused)
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "crmkit-csv-format");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<CompletableFuture<CsvBytes>> pending = new ArrayDeque<>();
            ConcurrentLinkedQueue<CsvBytes> free = new ConcurrentLinkedQueue<>();
            int next = 0;
            while (next < n || !pending.isEmpty()) {
                while (next < n && pending.size() < 2 * threads) {
                    int from = next;
                    int to = Math.min(n, from + CHUNK_ROWS);
                    pending.add(CompletableFuture.supplyAsync(() -> {
                        CsvBytes text = free.poll();
                        if (text == null) {
                            text = new CsvBytes(CHUNK_ROWS * 48);
                        }
                        text.clear();
                        return text.rows(rows, columns, full, from, to);
                    }, pool));
                    next = to;
                }
                CsvBytes done = Tasks.join(pending.poll());
                emit(done, out, bytes);
                free.add(done);
            }
            finish(bytes);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Prints a chunk of CSV to stdout's bytes, or to the writer when there are none. */
    private static void emit(CsvBytes text, PrintWriter out, OutputStream bytes) throws IOException {
        if (bytes != null) {
            bytes.write(text.array(), 0, text.length());
        } else {
            out.write(text.text());
        }
    }

    /** Flushes stdout's bytes, so that text written later to the writer follows them. */
    private static void finish(OutputStream bytes) throws IOException {
        if (bytes != null) {
            bytes.flush();
        }
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
