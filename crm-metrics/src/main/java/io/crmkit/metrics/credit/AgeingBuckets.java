package io.crmkit.metrics.credit;

import java.util.ArrayList;
import java.util.List;

/**
 * The ageing buckets: days past due (as-of date minus due date) cut at ascending upper edges. With
 * the default edges {@code 0, 30, 60, 90} the buckets are current (0 or less: not yet due or due
 * today), 1-30, 31-60, 61-90 and 91+.
 *
 * <p>Bucket {@code b} holds the days past due {@code d} with {@code edges[b-1] < d <= edges[b]}; the
 * first bucket everything up to {@code edges[0]}, the last everything above the last edge. The first
 * edge is always 0, so the first bucket is exactly the invoices not yet past due ("current"), in
 * agreement with {@link CustomerAgeing#overdue()} and {@link Allocation#overdueShare()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param edges the upper edges, strictly ascending, the first 0, at least one, not null
 */
public record AgeingBuckets(List<Integer> edges) {

    /** The default buckets: current, 1-30, 31-60, 61-90, 91+. */
    public static final AgeingBuckets DEFAULT = new AgeingBuckets(List.of(0, 30, 60, 90));

    /**
     * Validates the edges.
     *
     * @throws NullPointerException if {@code edges} is null or holds null
     * @throws IllegalArgumentException if there are none, the first is not 0 or they do not rise
     */
    public AgeingBuckets {
        edges = List.copyOf(edges);
        if (edges.isEmpty()) {
            throw new IllegalArgumentException("edges must hold at least one day count");
        }
        if (edges.get(0) != 0) {
            throw new IllegalArgumentException("the first edge must be 0 (the current bucket: not yet due or due"
                    + " today; overdue amounts start at 1 day past due): " + edges);
        }
        for (int i = 1; i < edges.size(); i++) {
            if (edges.get(i) <= edges.get(i - 1)) {
                throw new IllegalArgumentException("edges must be strictly ascending: " + edges);
            }
        }
    }

    /**
     * Parses edges written as in {@code "0,30,60,90"}.
     *
     * @param text comma-separated day counts, not null
     * @return the buckets, never null
     * @throws IllegalArgumentException if the text is not such a list
     */
    public static AgeingBuckets parse(String text) {
        List<Integer> edges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                edges.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bucket edges must be whole day counts such as 0,30,60,90: '"
                        + text + "'", e);
            }
        }
        return new AgeingBuckets(edges);
    }

    /**
     * Returns the number of buckets (one more than the edges).
     *
     * @return the count
     */
    public int count() {
        return edges.size() + 1;
    }

    /**
     * Returns the bucket of a number of days past due.
     *
     * @param daysPastDue as-of date minus due date, negative when not yet due
     * @return the bucket index, 0 to {@link #count()} - 1
     */
    public int bucketOf(long daysPastDue) {
        for (int b = 0; b < edges.size(); b++) {
            if (daysPastDue <= edges.get(b)) {
                return b;
            }
        }
        return edges.size();
    }

    /**
     * Returns the column names: {@code current} (not past due), then {@code dA_B} per bounded bucket and
     * {@code dA_plus} for the last, such as {@code d1_30} and {@code d91_plus}.
     *
     * @return the names, never null
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add("current");
        for (int b = 1; b < edges.size(); b++) {
            names.add("d" + (edges.get(b - 1) + 1) + "_" + edges.get(b));
        }
        names.add("d" + (edges.get(edges.size() - 1) + 1) + "_plus");
        return names;
    }

    int[] toArray() {
        return edges.stream().mapToInt(Integer::intValue).toArray();
    }
}
