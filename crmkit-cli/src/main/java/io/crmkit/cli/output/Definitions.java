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
     * {@code key: value} line per entry.
     *
     * @param err where to print, not null
     */
    public void printTo(PrintWriter err) {
        err.println("definitions:");
        entries.forEach((k, v) -> err.println("  " + k + ": " + text(v)));
        err.flush();
    }

    private static String text(Object v) {
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
