package io.crmkit.cli.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where crmkit's columns are in an order file: found from the header line by name
 * (case-insensitive, in any order), with the user's mapping of crmkit names to other headers
 * ({@code --column timestamp=date}). Immutable and thread-safe.
 *
 * @param width the number of columns in the header
 * @param customer the {@code customer_id} column
 * @param order the {@code order_id} column, or -1
 * @param timestamp the {@code timestamp} column
 * @param amount the {@code amount} column
 * @param currency the {@code currency} column, or -1
 * @param status the {@code status} column, or -1
 * @param cost the {@code cost} column (of the goods sold, for margin), or -1
 * @param ignored the headers of the columns not read, quoted, for one warning
 */
public record OrderColumns(int width, int customer, int order, int timestamp, int amount, int currency, int status,
        int cost, List<String> ignored) {

    /** crmkit's column names, in the conventional order. */
    public static final List<String> NAMES = List.of("customer_id", "order_id", "timestamp", "amount", "currency",
            "status", "cost");

    private static final List<String> REQUIRED = List.of("customer_id", "timestamp", "amount");

    /** Copies the list. */
    public OrderColumns {
        ignored = List.copyOf(ignored);
    }

    /**
     * Checks a mapping of crmkit column names to headers.
     *
     * @param mapping crmkit names to the file's headers, not null
     * @throws IllegalArgumentException naming the entry, if a name is not one of {@link #NAMES},
     *     a header is blank, or two names map to one header
     */
    public static void checkMapping(Map<String, String> mapping) {
        Map<String, String> byHeader = new LinkedHashMap<>();
        mapping.forEach((name, header) -> {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("--column " + name + "=" + header + ": " + name + " is not one of"
                        + " crmkit's columns (" + String.join(", ", NAMES) + ")");
            }
            if (header.isBlank()) {
                throw new IllegalArgumentException("--column " + name + "=: the header must not be blank");
            }
            String previous = byHeader.putIfAbsent(header.strip().toLowerCase(Locale.ROOT), name);
            if (previous != null) {
                throw new IllegalArgumentException("--column " + name + "=" + header + ": the header is mapped to "
                        + previous + " too");
            }
        });
    }

    /**
     * Finds the columns in a header.
     *
     * @param header the header's values, not null
     * @param mapping crmkit names to the file's headers (checked by {@link #checkMapping}), not null
     * @return the columns, never null
     * @throws InvalidInputException naming line 1, if a required column is missing, a mapped header
     *     is absent, or a column is named twice
     */
    public static OrderColumns find(List<String> header, Map<String, String> mapping) {
        Map<String, String> nameOfHeader = new LinkedHashMap<>();
        for (String name : NAMES) {
            nameOfHeader.put(mapping.getOrDefault(name, name).strip().toLowerCase(Locale.ROOT), name);
        }
        HeaderColumns.Found found = HeaderColumns.find(header, nameOfHeader, "");
        Map<String, Integer> at = found.at();
        List<String> ignored = found.ignored();
        List<String> missing = new ArrayList<>();
        mapping.forEach((name, h) -> {
            if (!at.containsKey(name)) {
                missing.add("--column " + name + "=" + h + ": the header has no column " + Texts.quote(h));
            }
        });
        if (!missing.isEmpty()) {
            throw new InvalidInputException("line 1: " + String.join("; ", missing));
        }
        for (String required : REQUIRED) {
            if (!at.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            // the names found are not repeated: without a header they would be data
            throw new InvalidInputException("line 1: the header lacks the required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (a header line is required: " + String.join(",", NAMES.subList(0, 4))
                    + "[,currency][,status][,cost]; map other headers with --column NAME=HEADER)");
        }
        return new OrderColumns(header.size(), at.get("customer_id"), at.getOrDefault("order_id", -1),
                at.get("timestamp"), at.get("amount"), at.getOrDefault("currency", -1), at.getOrDefault("status", -1),
                at.getOrDefault("cost", -1), ignored);
    }

    /**
     * Returns the one warning about ignored columns.
     *
     * @return the warning, or empty when every column is read, never null
     */
    public String ignoredWarning() {
        if (ignored.isEmpty()) {
            return "";
        }
        return "ignoring column" + (ignored.size() > 1 ? "s " : " ") + String.join(", ", ignored)
                + " (crmkit reads " + String.join(", ", NAMES) + "; map other headers with --column NAME=HEADER)";
    }
}
