package io.crmkit.cli.output;

import java.util.Objects;

/**
 * A column of a {@link ResultRows} result: its name, whether it is numeric (right-aligned in tables,
 * a number in JSON, unquoted in CSV) and how many decimals a table shows for its floating-point
 * values (CSV and JSON always carry the full value).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the column name, a short snake_case word, not null
 * @param numeric whether the values are numbers
 * @param tableDecimals the decimals shown in tables for {@code double} values, not negative
 */
public record Column(String name, boolean numeric, int tableDecimals) {

    /**
     * Validates the column.
     *
     * @throws NullPointerException if the name is null
     * @throws IllegalArgumentException if the decimals are negative
     */
    public Column {
        Objects.requireNonNull(name, "name");
        if (tableDecimals < 0) {
            throw new IllegalArgumentException("tableDecimals must not be negative: " + tableDecimals);
        }
    }

    /**
     * Returns a text column.
     *
     * @param name the name, not null
     * @return the column, never null
     */
    public static Column text(String name) {
        return new Column(name, false, 0);
    }

    /**
     * Returns a numeric column; its {@code double} values show in tables with the given decimals.
     *
     * @param name the name, not null
     * @param tableDecimals the decimals shown in tables, not negative
     * @return the column, never null
     */
    public static Column number(String name, int tableDecimals) {
        return new Column(name, true, tableDecimals);
    }
}
