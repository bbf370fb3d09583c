package io.crmkit.segmentation.segment;

import io.crmkit.core.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The segment summary of a {@link Segmentation}: one {@link SegmentSummary} per segment of the
 * map, in the map's order, with the number of prospects (customers without purchases, in no
 * segment) beside it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rows one row per segment, not null
 * @param prospects customers without purchases, not in any row, not negative
 * @param totalRevenue the revenue of all rows in major currency units, finite
 */
public record SegmentTable(List<SegmentSummary> rows, long prospects, double totalRevenue) {

    /**
     * Validates and copies the table.
     *
     * @throws NullPointerException if {@code rows} is null
     * @throws IllegalArgumentException if {@code prospects} is negative or the total not finite
     */
    public SegmentTable {
        rows = List.copyOf(Checks.notNull(rows, "rows"));
        if (prospects < 0 || !Double.isFinite(totalRevenue)) {
            throw new IllegalArgumentException("prospects must not be negative and the total finite: " + prospects
                    + ", " + totalRevenue);
        }
    }

    /**
     * Returns the row of a segment.
     *
     * @param segment the segment name, not null
     * @return the row, or empty if the map has no such segment, never null
     */
    public Optional<SegmentSummary> row(String segment) {
        Checks.notNull(segment, "segment");
        return rows.stream().filter(r -> r.segment().equals(segment)).findFirst();
    }

    /**
     * Returns the rows of the segments with at least one customer.
     *
     * @return the rows, immutable, never null
     */
    public List<SegmentSummary> nonEmpty() {
        return rows.stream().filter(r -> r.customers() > 0).toList();
    }

    /**
     * Returns the number of customers in all rows.
     *
     * @return the count
     */
    public long customers() {
        return rows.stream().mapToLong(SegmentSummary::customers).sum();
    }

    /**
     * Returns the table as aligned text: segment, customers, orders, revenue, aov, revenue share.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        int width = Math.max(7, rows.stream().mapToInt(r -> r.segment().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %10s %10s %14s %10s %8s%n",
                "segment", "customers", "orders", "revenue", "aov", "share"));
        for (SegmentSummary r : rows) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s %10d %10d %14.2f %10s %8s%n", r.segment(),
                    r.customers(), r.orders(), r.revenue(),
                    r.averageOrderValue().isPresent() ? String.format(Locale.ROOT, "%.2f",
                            r.averageOrderValue().getAsDouble()) : "-",
                    r.revenueShare().isPresent() ? String.format(Locale.ROOT, "%.2f%%",
                            100 * r.revenueShare().getAsDouble()) : "-"));
        }
        if (prospects > 0) {
            sb.append(prospects).append(" prospects without purchases are in no segment\n");
        }
        return sb.toString();
    }
}
