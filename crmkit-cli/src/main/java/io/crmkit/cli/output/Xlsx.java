package io.crmkit.cli.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a result as an Office Open XML workbook ({@code .xlsx}) with two sheets:
 *
 * <ul>
 *   <li>{@value #RESULT}: a bold, frozen header row with an auto-filter, then one row per result row.
 *       Numbers are numeric cells holding the full value (display format: the column's table
 *       decimals; money at its scale), dates are date cells ({@code yyyy-mm-dd}), text is text (never a
 *       formula, whatever it starts with), null is an empty cell. An integer beyond 2^53 or a decimal
 *       that a double cannot hold exactly is written as text, so that no digit is lost silently.</li>
 *   <li>{@value #DEFINITIONS}: the definitions as name/value rows; a matrix (a map of rows of numbers)
 *       as a small table under its name.</li>
 * </ul>
 * Rows are streamed to the output in blocks, so a result of a million rows needs no workbook in
 * memory. A result over the format's limits (1,048,575 data rows, 16,384 columns, 32,767
 * characters in a cell) is refused with a {@link ResultWriter.XlsxException} before anything is
 * written, or, for a long cell, naming the row and the column.
 *
 * <p>Stateless and thread-safe.
 */
final class Xlsx {

    /** The name of the result's sheet. */
    static final String RESULT = "result";
    /** The name of the definitions' sheet. */
    static final String DEFINITIONS = "definitions";

    /** The most characters Excel holds in one cell. */
    static final int MAX_CELL_CHARS = 32_767;

    /** Rows written between two flushes of the sheet to the output. */
    private static final int BLOCK = 8_192;
    /** Rows sampled to size the columns. */
    private static final int SAMPLED = 1_000;
    /** The widest column, in characters. */
    private static final int WIDEST = 60;
    /** The largest magnitude up to which every integer is a double. */
    private static final long EXACT_LONG = 1L << 53;

    private Xlsx() {
    }

    /**
     * Writes the workbook to a stream, which stays open (flushed).
     *
     * @throws ResultWriter.XlsxException if the result is over the format's limits
     * @throws IOException if writing fails
     */
    static void write(Definitions definitions, ResultRows rows, OutputStream out) throws IOException {
        List<Column> columns = rows.columns();
        if (rows.size() > Worksheet.MAX_ROWS - 1) {
            throw new ResultWriter.XlsxException("--format xlsx: the result has " + rows.size()
                    + " rows, more than the " + (Worksheet.MAX_ROWS - 1) + " a sheet holds; use --format csv");
        }
        if (columns.size() > Worksheet.MAX_COLS) {
            throw new ResultWriter.XlsxException("--format xlsx: the result has " + columns.size()
                    + " columns, more than the " + Worksheet.MAX_COLS + " a sheet holds; use --format csv");
        }
        OutputStream kept = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        Workbook wb = new Workbook(kept, "crmkit", null);
        // the fastest deflate level: a third less time than the default, the file about 10 % larger
        wb.setCompressionLevel(1);
        Worksheet sheet = wb.newWorksheet(RESULT);
        result(sheet, rows);
        Worksheet defs = wb.newWorksheet(DEFINITIONS);
        definitions(defs, definitions);
        wb.finish();
        out.flush();
    }

    private static void result(Worksheet sheet, ResultRows rows) throws IOException {
        List<Column> columns = rows.columns();
        int k = columns.size();
        for (int c = 0; c < k; c++) {
            int width = columns.get(c).name().length();
            for (int r = 0; r < Math.min(rows.size(), SAMPLED); r++) {
                width = Math.max(width, Cells.table(rows.value(r, c), columns.get(c)).length());
            }
            sheet.width(c, Math.min(WIDEST, width + 2));
        }
        if (k > 0) {
            sheet.freezePane(0, 1);
        }
        for (int c = 0; c < k; c++) {
            sheet.inlineString(0, c, columns.get(c).name());
            sheet.style(0, c).bold().set();
        }
        String[] formats = new String[k];
        for (int c = 0; c < k; c++) {
            formats[c] = decimals(columns.get(c).tableDecimals());
        }
        // number formats are set per block and column, on runs of equal formats: one style lookup
        // per run instead of one per cell (which cost more than writing the cells)
        String[][] block = new String[k][BLOCK];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < k; c++) {
                block[c][r % BLOCK] = cell(sheet, r + 1, c, rows.value(r, c), formats[c], columns.get(c).name());
            }
            if ((r + 1) % BLOCK == 0 || r == rows.size() - 1) {
                int length = r % BLOCK + 1;
                int firstRow = r + 2 - length;
                for (int c = 0; c < k; c++) {
                    format(sheet, c, firstRow, block[c], length);
                }
                sheet.flush();
            }
        }
        if (k > 0) {
            sheet.setAutoFilter(0, 0, rows.size(), k - 1);
        }
        sheet.finish();
    }

    /**
     * Writes one result cell and returns its display format, or null for none; {@code format} is the
     * display format of the column's doubles.
     */
    private static String cell(Worksheet sheet, int row, int col, Object v, String format, String column) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            double d = exactDouble(n);
            if (Double.isNaN(d)) {
                sheet.inlineString(row, col, Cells.plain(v));
                return null;
            }
            sheet.value(row, col, d);
            return v instanceof Double ? format : v instanceof BigDecimal b ? decimals(Math.max(0, b.scale())) : "0";
        }
        if (v instanceof LocalDate date) {
            sheet.value(row, col, date);
            return "yyyy-mm-dd";
        }
        String text = Cells.plain(v);
        if (text.length() > MAX_CELL_CHARS) {
            throw new ResultWriter.XlsxException("--format xlsx: column " + column + " of row " + row + " has "
                    + text.length() + " characters, more than the " + MAX_CELL_CHARS + " a cell holds;"
                    + " use --format csv");
        }
        sheet.inlineString(row, col, text);
        return null;
    }

    /** Sets the display formats of a block of a column's cells, one range per run of equal formats. */
    private static void format(Worksheet sheet, int col, int firstRow, String[] formats, int length) {
        int start = 0;
        while (start < length) {
            int end = start + 1;
            while (end < length && java.util.Objects.equals(formats[end], formats[start])) {
                end++;
            }
            if (formats[start] != null) {
                sheet.range(firstRow + start, col, firstRow + end - 1, col).style().format(formats[start]).set();
            }
            start = end;
        }
    }

    private static void definitions(Worksheet sheet, Definitions definitions) throws IOException {
        sheet.inlineString(0, 0, "definition");
        sheet.inlineString(0, 1, "value");
        sheet.style(0, 0).bold().set();
        sheet.style(0, 1).bold().set();
        sheet.freezePane(0, 1);
        sheet.width(0, 34);
        sheet.width(1, WIDEST);
        int row = 1;
        for (Map.Entry<String, Object> e : definitions.entries().entrySet()) {
            Object v = e.getValue();
            sheet.inlineString(row, 0, e.getKey());
            if (Definitions.isMatrix(v)) {
                sheet.inlineString(row, 1, "(rows \\ columns)");
                Map<?, ?> matrix = (Map<?, ?>) v;
                row++;
                int c = 2;
                for (Object name : ((Map<?, ?>) matrix.values().iterator().next()).keySet()) {
                    sheet.inlineString(row, c++, String.valueOf(name));
                }
                for (Map.Entry<?, ?> line : matrix.entrySet()) {
                    row++;
                    sheet.inlineString(row, 1, String.valueOf(line.getKey()));
                    c = 2;
                    for (Object x : ((Map<?, ?>) line.getValue()).values()) {
                        sheet.value(row, c++, ((Number) x).doubleValue());
                    }
                }
            } else if (v instanceof Number n && !Double.isNaN(exactDouble(n))) {
                sheet.value(row, 1, n.doubleValue());
            } else if (v instanceof Boolean b) {
                sheet.value(row, 1, b);
            } else {
                String text = Definitions.text(v);
                sheet.inlineString(row, 1, text.length() <= MAX_CELL_CHARS ? text
                        : text.substring(0, MAX_CELL_CHARS - 80) + "\u2026 (cut: " + text.length()
                            + " characters; --format json has them all)");
            }
            row++;
        }
        sheet.finish();
    }

    /**
     * Returns a number as the double that holds it exactly, or NaN when no double does (an integer
     * beyond 2^53, a decimal with more digits than a double keeps, a non-finite double).
     */
    static double exactDouble(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            long x = n.longValue();
            return Math.abs(x) <= EXACT_LONG ? (double) x : Double.NaN;
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : Double.NaN;
        }
        if (n instanceof BigDecimal b) {
            double d = b.doubleValue();
            return Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(b) == 0 ? d : Double.NaN;
        }
        return Double.NaN;
    }

    /** The display format of a number with the given decimals, such as {@code 0.00}. */
    private static String decimals(int decimals) {
        return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
    }
}
