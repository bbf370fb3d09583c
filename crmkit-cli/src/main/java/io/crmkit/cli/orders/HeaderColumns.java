package io.crmkit.cli.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds named columns in a CSV header line: case-insensitive, surrounding blanks ignored, in any
 * order; a known column named twice is an error (which of the two holds the data cannot be told),
 * other columns are listed for one warning. Shared by the order reader ({@link OrderColumns}) and
 * the ledger reader ({@link LedgerCsvReader}). Stateless and thread-safe.
 */
public final class HeaderColumns {

    private HeaderColumns() {
    }

    /**
     * The columns found.
     *
     * @param at the position of each column found, by its crmkit name
     * @param ignored the headers of the other columns, quoted (an empty one as its position), in order
     */
    public record Found(Map<String, Integer> at, List<String> ignored) {

        /** Copies the collections. */
        public Found {
            at = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(at));
            ignored = List.copyOf(ignored);
        }
    }

    /**
     * Finds the columns.
     *
     * @param header the header's fields, not null
     * @param nameOfHeader the crmkit column name of each header text (stripped, lower case), not null
     * @param where what to put before {@code line 1: } in an error, such as the file name and
     *     {@code ": "}, or empty, not null
     * @return the columns found, never null
     * @throws InvalidInputException naming line 1 and the header, if a known column is named twice
     */
    public static Found find(List<String> header, Map<String, String> nameOfHeader, String where) {
        Map<String, Integer> at = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().toLowerCase(Locale.ROOT);
            String name = nameOfHeader.get(h);
            if (name == null) {
                ignored.add(h.isEmpty() ? "(unnamed column " + (i + 1) + ")" : Texts.quote(h));
            } else if (at.putIfAbsent(name, i) != null) {
                throw new InvalidInputException(where + "line 1: the header names column " + Texts.quote(h) + " twice");
            }
        }
        return new Found(at, ignored);
    }
}
