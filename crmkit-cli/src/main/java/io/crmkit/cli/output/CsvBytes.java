package io.crmkit.cli.output;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A growing buffer of CSV text in UTF-8, with the cell rules of {@link ResultWriter}'s CSV: whole
 * numbers in digits, other doubles at their {@linkplain Cells#natural natural} (or full) precision,
 * texts quoted as Jackson's CSV generator quotes them. Money-like doubles (a whole number of
 * hundredths) and whole numbers are written digit by digit, without a {@code String}; the others go
 * through {@link Cells}, so the text is the same either way ({@code CsvBytesProperties}).
 *
 * <p>Not thread-safe: one buffer per formatting thread.
 */
final class CsvBytes {

    /** 10^i for i in [0, 18]. */
    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /**
     * How many distinct texts a column may have for its cells to be kept encoded (by identity: a result
     * repeats a few instances, such as segment names); a column with more is encoded cell by cell.
     */
    private static final int FEW_TEXTS = 16;

    private byte[] bytes;
    private int length;
    /** Per column: the texts seen (up to {@link #FEW_TEXTS}), null when too many; their CSV bytes. */
    private String[][] seen;
    private byte[][][] encoded;
    private int[] distinct;

    CsvBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** The bytes written so far: {@code array()[0, length())}. */
    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Forgets the bytes written, keeping the capacity. */
    void clear() {
        length = 0;
    }

    /** The text written so far. */
    String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** Appends the header line: the columns' names as text cells. */
    CsvBytes header(List<Column> columns) {
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                raw(',');
            }
            text(columns.get(c).name());
        }
        raw('\n');
        return this;
    }

    /** Appends rows {@code [from, to)} as CSV lines and returns this buffer (always of the same result). */
    CsvBytes rows(ResultRows rows, List<Column> columns, boolean full, int from, int to) {
        int k = columns.size();
        if (seen == null) {
            seen = new String[k][FEW_TEXTS];
            encoded = new byte[k][FEW_TEXTS][];
            distinct = new int[k];
        }
        for (int r = from; r < to; r++) {
            for (int c = 0; c < k; c++) {
                if (c > 0) {
                    raw(',');
                }
                Object v = rows.value(r, c);
                if (v instanceof String t) {
                    text(t, c);
                } else {
                    cell(v, columns.get(c), full);
                }
            }
            raw('\n');
        }
        return this;
    }

    /** Appends one cell's CSV text (nothing for null). */
    void cell(Object v, Column column, boolean full) {
        if (v instanceof Integer || v instanceof Long) {
            number(((Number) v).longValue());
        } else if (v instanceof Double d) {
            if (full) {
                raw(Cells.plain(d));
            } else {
                natural(d, column.tableDecimals());
            }
        } else if (v instanceof Number) {
            raw(full ? Cells.plain(v) : Cells.natural(v, column));
        } else if (v != null) {
            text(Cells.plain(v));
        }
    }

    /**
     * Appends a double at its natural precision: {@link Cells#natural}'s text. A whole double below
     * 1e15 is its digits; a double that is the nearest one to a number of hundredths (money), in a
     * column of 2 to 8 table decimals, is those hundredths with trailing zeros dropped (the shortest
     * text keeps no more decimals than the column shows, and a text within a hundredth's rounding of
     * the value rounds to it, whichever digits the JDK prints); anything else goes through Cells.
     */
    void natural(double d, int tableDecimals) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            number((long) d);
            return;
        }
        if (tableDecimals >= 2 && tableDecimals <= 8 && Math.abs(d) < 1e13) {
            long hundredths = Math.round(d * 100);
            if (hundredths / 100.0 == d) {
                hundredths(hundredths);
                return;
            }
        }
        raw(Cells.natural(d, tableDecimals));
    }

    /** Appends {@code n / 100} in plain decimals, trailing zeros (and a bare point) dropped; n not a multiple of 100. */
    private void hundredths(long n) {
        if (n < 0) {
            raw('-');
            n = -n;
        }
        number(n / 100);
        int cents = (int) (n % 100);
        ensure(3);
        bytes[length++] = '.';
        bytes[length++] = (byte) ('0' + cents / 10);
        if (cents % 10 != 0) {
            bytes[length++] = (byte) ('0' + cents % 10);
        }
    }

    /** Appends a long's decimal digits. */
    void number(long v) {
        if (v == Long.MIN_VALUE) {
            raw(Long.toString(v));
            return;
        }
        ensure(20);
        if (v < 0) {
            bytes[length++] = '-';
            v = -v;
        }
        int digits = 1;
        while (digits < POWERS.length && v >= POWERS[digits]) {
            digits++;
        }
        int at = length + digits;
        length = at;
        do {
            bytes[--at] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
    }

    /**
     * Appends a text cell as Jackson's CSV generator writes it: in double quotes, with quotes
     * doubled, when it holds a character up to {@code ','} (control characters, space, quote, '#'...)
     * or a backslash; UTF-8 encoded.
     */
    void text(String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char ch = text.charAt(i);
            quote = ch <= ',' || ch == '\\';
        }
        if (!quote) {
            raw(text);
            return;
        }
        raw('"');
        raw(text.indexOf('"') < 0 ? text : text.replace("\"", "\"\""));
        raw('"');
    }

    /** Appends a text cell of column c, from the column's encoded texts when it has few. */
    private void text(String text, int c) {
        String[] known = seen[c];
        if (known == null) {
            text(text);
            return;
        }
        int n = distinct[c];
        for (int i = 0; i < n; i++) {
            if (known[i] == text) {
                byte[] b = encoded[c][i];
                ensure(b.length);
                System.arraycopy(b, 0, bytes, length, b.length);
                length += b.length;
                return;
            }
        }
        int before = length;
        text(text);
        if (n == FEW_TEXTS) {
            seen[c] = null;
        } else {
            known[n] = text;
            encoded[c][n] = Arrays.copyOfRange(bytes, before, length);
            distinct[c] = n + 1;
        }
    }

    /** Appends a text as it is (UTF-8 encoded), in the fast way when it is ASCII. */
    private void raw(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) {
                utf8(s.substring(i));
                return;
            }
            bytes[length++] = (byte) ch;
        }
    }

    private void utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    private void raw(char ch) {
        ensure(1);
        bytes[length++] = (byte) ch;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
