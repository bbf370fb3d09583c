package io.crmkit.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A small result held as a list of rows, for results of tens to thousands of rows (KPI periods,
 * cohorts, roots) and lists built row by row (up to a row per customer); results held in columns
 * implement {@link ResultRows} over them instead. Filled from one thread; once filled (nothing added
 * while it is written), read from any: {@link #concurrentReads()}.
 */
public final class ListRows implements ResultRows {

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    /**
     * Creates an empty result with the given columns.
     *
     * @param columns the columns, not null
     */
    public ListRows(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * Adds a row.
     *
     * @param values one value per column (see {@link ResultRows#value} for the types), not null
     * @return this result
     * @throws IllegalArgumentException if the number of values differs from the number of columns
     */
    public ListRows add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row needs " + columns.size() + " values, got " + values.length);
        }
        rows.add(values.clone());
        return this;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public Object value(int row, int column) {
        return rows.get(row)[column];
    }

    /** True: reading a filled list changes nothing, so a large one is formatted on several threads. */
    @Override
    public boolean concurrentReads() {
        return true;
    }
}
