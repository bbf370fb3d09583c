package io.crmkit.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The definitions behind a result, printed with every result: on stderr for tables and CSV, inside
 * the document for JSON. An ordered list of snake_case keys with values: text, numbers, booleans,
 * lists and maps of those.
 *
 * <p>Not thread-safe while being filled.
 */
public final class Definitions {

    private final Map<String, Object> entries = new LinkedHashMap<>();

    /**
     * Adds or replaces an entry.
     *
     * @param key the key, snake_case, not null
     * @param value a {@link String}, {@link Number}, {@link Boolean}, {@link List} or {@link Map}
     *     of those, not null
     * @return this
     */
    public Definitions put(String key, Object value) {
        entries.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Returns the entries, in insertion order.
     *
     * @return an unmodifiable view, never null
     */
    public Map<String, Object> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /**
     * Prints the definitions for people: a {@code definitions:} line, then one indented
     * {@code key: value} line per entry; a matrix (rows of numbers with the same column keys, such
     * as the lifecycle transition matrix) as an indented table under its key.
     *
     * @param err where to print, not null
     */
    public void printTo(PrintWriter err) {
        err.println("definitions:");
        entries.forEach((k, v) -> {
            if (isMatrix(v)) {
                err.println("  " + k + " (rows \\ columns):");
                printMatrix(err, (Map<?, ?>) v);
            } else {
                err.println("  " + k + ": " + text(v));
            }
        });
        err.flush();
    }

    /** Whether a value is a matrix: rows (maps) of numbers that all have the first row's keys. */
    static boolean isMatrix(Object v) {
        if (!(v instanceof Map<?, ?> rows) || rows.isEmpty()) {
            return false;
        }
        Object first = rows.values().iterator().next();
        if (!(first instanceof Map<?, ?> firstRow) || firstRow.isEmpty()) {
            return false;
        }
        for (Object row : rows.values()) {
            if (!(row instanceof Map<?, ?> r) || !r.keySet().equals(firstRow.keySet())
                    || !r.values().stream().allMatch(x -> x instanceof Number)) {
                return false;
            }
        }
        return true;
    }

    /** Prints a matrix as an indented table: the row keys on the left, the column keys on top. */
    private static void printMatrix(PrintWriter err, Map<?, ?> rows) {
        List<String> columns = ((Map<?, ?>) rows.values().iterator().next()).keySet().stream().map(String::valueOf)
                .toList();
        int label = rows.keySet().stream().mapToInt(k -> String.valueOf(k).length()).max().orElse(0);
        int width = columns.stream().mapToInt(String::length).max().orElse(1);
        for (Object row : rows.values()) {
            for (Object x : ((Map<?, ?>) row).values()) {
                width = Math.max(width, text(x).length());
            }
        }
        StringBuilder header = new StringBuilder("    ").append(" ".repeat(label));
        for (String c : columns) {
            header.append("  ").append(" ".repeat(width - c.length())).append(c);
        }
        err.println(header);
        for (Map.Entry<?, ?> row : rows.entrySet()) {
            String name = String.valueOf(row.getKey());
            StringBuilder line = new StringBuilder("    ").append(name).append(" ".repeat(label - name.length()));
            for (Object x : ((Map<?, ?>) row.getValue()).values()) {
                String t = text(x);
                line.append("  ").append(" ".repeat(width - t.length())).append(t);
            }
            err.println(line);
        }
    }

    static String text(Object v) {
        if (v instanceof List<?> list) {
            return list.isEmpty() ? "(none)" : list.stream().map(Definitions::text).collect(Collectors.joining(", "));
        }
        if (v instanceof Map<?, ?> map) {
            return map.isEmpty() ? "(none)" : map.entrySet().stream().map(e -> e.getKey() + " = " + text(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        return String.valueOf(v);
    }

    /**
     * Writes the definitions as one JSON object.
     *
     * @param g the generator, positioned where a value may be written, not null
     * @throws IOException if writing fails
     */
    public void writeJson(JsonGenerator g) throws IOException {
        writeValue(g, entries);
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Number) {
            g.writeNumber(Cells.plain(v));
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
