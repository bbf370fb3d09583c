package io.crmkit.cli.orders;

import io.crmkit.core.order.OrderStatusCategory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the order-status labels found in input files to {@linkplain OrderStatusCategory status
 * categories}: metrics depend on the category, never on the label.
 *
 * <p>Labels are compared after {@linkplain #normalize normalisation} (trimmed, lower case, spaces
 * and hyphens as underscores), so {@code "On Hold"}, {@code "on-hold"} and {@code "ON_HOLD"} are one
 * label. The category names themselves ({@code open}, {@code completed}, {@code void}) are always
 * accepted. The built-in table of common labels, following the meaning documented on
 * {@link OrderStatusCategory}:
 *
 * <table>
 *   <caption>Built-in status labels</caption>
 *   <tr><th>category</th><th>labels</th></tr>
 *   <tr><td>open</td><td>pending, processing, on_hold, awaiting_payment, awaiting_shipment,
 *       unpaid, placed, new, shipped, in_transit, backordered</td></tr>
 *   <tr><td>completed</td><td>complete, paid, delivered, fulfilled, invoiced, closed, done,
 *       partially_refunded, partially_returned</td></tr>
 *   <tr><td>void</td><td>voided, cancelled, canceled, failed, rejected, declined, fraud, test,
 *       expired, abandoned</td></tr>
 * </table>
 *
 * <p>Labels whose meaning differs between shops ({@code refunded}, {@code returned}) are deliberately
 * absent: a file using them is rejected row by row with a hint until the user says what they mean
 * with an override ({@code --status refunded=void}). Overrides replace or extend the table.
 *
 * <p>Immutable and thread-safe.
 */
public final class StatusMapping {

    private static final Map<String, OrderStatusCategory> BUILT_IN = builtInTable();

    private final Map<String, OrderStatusCategory> table;

    private StatusMapping(Map<String, OrderStatusCategory> table) {
        this.table = Collections.unmodifiableMap(table);
    }

    private static Map<String, OrderStatusCategory> builtInTable() {
        Map<String, OrderStatusCategory> t = new LinkedHashMap<>();
        for (OrderStatusCategory c : OrderStatusCategory.values()) {
            t.put(c.name().toLowerCase(Locale.ROOT), c);
        }
        put(t, OrderStatusCategory.OPEN, "pending", "processing", "on_hold", "awaiting_payment",
                "awaiting_shipment", "unpaid", "placed", "new", "shipped", "in_transit", "backordered");
        put(t, OrderStatusCategory.COMPLETED, "complete", "paid", "delivered", "fulfilled", "invoiced", "closed",
                "done", "partially_refunded", "partially_returned");
        put(t, OrderStatusCategory.VOID, "voided", "cancelled", "canceled", "failed", "rejected", "declined",
                "fraud", "test", "expired", "abandoned");
        return Collections.unmodifiableMap(t);
    }

    private static void put(Map<String, OrderStatusCategory> t, OrderStatusCategory c, String... labels) {
        for (String label : labels) {
            t.put(label, c);
        }
    }

    /**
     * Returns the built-in mapping.
     *
     * @return the mapping, never null
     */
    public static StatusMapping defaults() {
        return new StatusMapping(new LinkedHashMap<>(BUILT_IN));
    }

    /**
     * Returns this mapping with labels added or re-mapped.
     *
     * @param overrides labels (normalised here) and their categories, not null
     * @return the extended mapping, never null
     * @throws IllegalArgumentException if a label is blank
     */
    public StatusMapping with(Map<String, OrderStatusCategory> overrides) {
        Map<String, OrderStatusCategory> t = new LinkedHashMap<>(table);
        overrides.forEach((label, category) -> {
            String key = normalize(label);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("status label must not be blank");
            }
            t.put(key, category);
        });
        return new StatusMapping(t);
    }

    /**
     * Returns the category of a label.
     *
     * @param label the label as found in the input, not null
     * @return the category, or empty when the label is unknown, never null
     */
    public Optional<OrderStatusCategory> categoryOf(String label) {
        return Optional.ofNullable(table.get(normalize(label)));
    }

    /**
     * Returns the whole table, normalised labels to categories.
     *
     * @return an unmodifiable view, never null
     */
    public Map<String, OrderStatusCategory> table() {
        return table;
    }

    /**
     * Normalises a label: trimmed, lower case ({@link Locale#ROOT}), runs of spaces and hyphens
     * replaced by one underscore.
     *
     * @param label the label, not null
     * @return the normalised label, never null
     */
    public static String normalize(String label) {
        return label.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
