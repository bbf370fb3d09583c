package io.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A large CSV result whose rows may be read from several threads is formatted on several threads:
 * the text must be the one-thread text to the byte, in row order, with the same precision rules,
 * and a cell's failure must reach the caller as it was thrown.
 */
class ParallelCsvTest {

    private static final List<Column> COLUMNS = List.of(Column.text("id"), Column.text("day"), Column.number("n", 0),
            Column.number("value", 2), Column.number("amount", 2), Column.text("label"));

    /** Rows computed from the row number alone, read from any thread; the threads that read them are kept. */
    private static final class Rows implements ResultRows {
        final int size;
        final boolean concurrent;
        final int failAt;
        final Set<String> readers = ConcurrentHashMap.newKeySet();

        Rows(int size, boolean concurrent, int failAt) {
            this.size = size;
            this.concurrent = concurrent;
            this.failAt = failAt;
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Object value(int row, int column) {
            readers.add(Thread.currentThread().getName());
            if (row == failAt) {
                throw new IllegalStateException("cell of row " + row);
            }
            return switch (column) {
                case 0 -> "c" + row;
                case 1 -> row % 7 == 0 ? null : LocalDate.ofEpochDay(19_000 + row % 900);
                case 2 -> row % 3 == 0 ? (Object) row : (Object) (row * 3L);
                case 3 -> row / 7.0;
                case 4 -> BigDecimal.valueOf(row, 2);
                case 5 -> row % 13 == 0 ? "grüße €" : row % 11 == 0 ? "a, \"quoted\" one" : "plain";
                default -> throw new IndexOutOfBoundsException(column);
            };
        }

        @Override
        public boolean concurrentReads() {
            return concurrent;
        }
    }

    private static String csv(ResultRows rows) throws IOException {
        StringWriter out = new StringWriter();
        ResultWriter.write(OutputFormat.CSV, new Definitions(), rows, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        return out.toString();
    }

    @Test
    void severalThreadsPrintTheOneThreadTextInRowOrder() throws IOException {
        int n = ResultWriter.PARALLEL_MIN_ROWS * 3 + 12_345;
        Rows sequential = new Rows(n, false, -1);
        Rows parallel = new Rows(n, true, -1);
        String expected = csv(sequential);
        String actual = csv(parallel);
        assertThat(actual).isEqualTo(expected);
        assertThat(expected.lines()).hasSize(n + 1);
        assertThat(expected.lines().skip(1 + 77).findFirst().orElseThrow()).isEqualTo("c77,,231,11,0.77,\"a, \"\"quoted\"\" one\"");
        assertThat(sequential.readers).containsExactly(Thread.currentThread().getName());
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            assertThat(parallel.readers).allMatch(t -> t.equals("crmkit-csv-format"));
        }
    }

    @Test
    void fullPrecisionHoldsOnEveryThread() throws IOException {
        int n = ResultWriter.PARALLEL_MIN_ROWS + 1;
        ResultWriter.precision(ResultWriter.Precision.FULL);
        try {
            String parallel = csv(new Rows(n, true, -1));
            assertThat(parallel).isEqualTo(csv(new Rows(n, false, -1)));
            assertThat(parallel.lines().skip(1 + 1).findFirst().orElseThrow())
                    .isEqualTo("c1,2022-01-09,3,0.14285714285714285,0.01,plain");
        } finally {
            ResultWriter.resetPrecision();
        }
    }

    @Test
    void stdoutsBytesGetTheWritersTextAfterWhatTheWriterHeld() throws IOException {
        for (boolean concurrent : new boolean[] {true, false}) {
            int n = ResultWriter.PARALLEL_MIN_ROWS + 7;
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);
            out.print("before\n");
            ResultWriter.binaryOutput(bytes);
            try {
                ResultWriter.write(OutputFormat.CSV, new Definitions(), new Rows(n, concurrent, -1), out,
                        new PrintWriter(new StringWriter()));
            } finally {
                ResultWriter.resetBinaryOutput();
            }
            assertThat(text.toString()).isEqualTo("before\n");
            String printed = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(printed).isEqualTo(csv(new Rows(n, concurrent, -1)));
            assertThat(printed.lines().skip(1 + 13).findFirst().orElseThrow()).endsWith(",\"grüße €\"");
        }
    }

    @Test
    void aCellsFailureReachesTheCaller() {
        int n = ResultWriter.PARALLEL_MIN_ROWS * 2;
        assertThatThrownBy(() -> csv(new Rows(n, true, n - 5))).isInstanceOf(IllegalStateException.class)
                .hasMessage("cell of row " + (n - 5));
    }

    @Test
    void aSmallResultIsReadOnTheCallingThread() throws IOException {
        Rows rows = new Rows(ResultWriter.PARALLEL_MIN_ROWS - 1, true, -1);
        csv(rows);
        assertThat(rows.readers).containsExactly(Thread.currentThread().getName());
    }
}
