package io.crmkit.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A tabular result, read cell by cell, so that a result held in columns (millions of rows) is
 * printed without building an object per row.
 *
 * <p>Cell values: {@link String}, {@link Integer}, {@link Long}, {@link Double} (finite),
 * {@link java.math.BigDecimal}, any other object (printed with {@code toString()}, such as a
 * {@link java.time.LocalDate}), or null (an empty cell, JSON {@code null}).
 */
public interface ResultRows {

    /**
     * Returns the columns.
     *
     * @return the columns, never null
     */
    List<Column> columns();

    /**
     * Returns the number of rows.
     *
     * @return the count, not negative
     */
    int size();

    /**
     * Returns one cell.
     *
     * @param row the row, {@code 0 <= row < size()}
     * @param column the column index, {@code 0 <= column < columns().size()}
     * @return the value, may be null
     */
    Object value(int row, int column);

    /**
     * Whether {@link #value} may be called from several threads at once: true for a result read from
     * columns that no read changes (no per-row cache, no lazy state). Such a result, when large, is
     * formatted on several threads; others are read from one thread, row by row.
     *
     * @return false unless the result says otherwise
     */
    default boolean concurrentReads() {
        return false;
    }

    /**
     * Returns a view of some rows and columns of this result.
     *
     * @param rows the indexes of the rows to show, in the order to show them, not null
     * @param columnNames the names of the columns to show, in the order to show them, not null
     * @return the view, never null
     * @throws IllegalArgumentException if a column name is unknown
     */
    default ResultRows select(int[] rows, List<String> columnNames) {
        List<Column> all = columns();
        List<Column> chosen = new ArrayList<>();
        int[] at = new int[columnNames.size()];
        for (int k = 0; k < at.length; k++) {
            String name = columnNames.get(k);
            at[k] = -1;
            for (int c = 0; c < all.size() && at[k] < 0; c++) {
                if (all.get(c).name().equals(name)) {
                    at[k] = c;
                    chosen.add(all.get(c));
                }
            }
            if (at[k] < 0) {
                throw new IllegalArgumentException("no column named " + name);
            }
        }
        int[] shown = rows.clone();
        ResultRows source = this;
        List<Column> view = List.copyOf(chosen);
        return new ResultRows() {
            @Override
            public List<Column> columns() {
                return view;
            }

            @Override
            public int size() {
                return shown.length;
            }

            @Override
            public Object value(int row, int column) {
                return source.value(shown[row], at[column]);
            }

            @Override
            public boolean concurrentReads() {
                return source.concurrentReads();
            }
        };
    }
}
