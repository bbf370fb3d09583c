package io.crmkit.segmentation.segment;

import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.CustomerColumns;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How customers moved between segments from one as-of date to a later one. The later snapshot is
 * scored with the earlier one's cuts frozen as fixed thresholds ({@link RfmResult#frozenOptions()}),
 * so that a move means the customer changed, not the quantiles; both are segmented with the same
 * map.
 *
 * <p>Rows are the earlier segments plus {@link #NEW} (customers only in the later snapshot);
 * columns are the later segments plus {@link #GONE} (customers only in the earlier one). Row
 * totals equal the earlier snapshot's segment counts, column totals the later one's.
 *
 * <p>Immutable and thread-safe.
 */
public final class MigrationMatrix {

    /** The row of customers present only in the later snapshot. */
    public static final String NEW = "(new)";
    /** The column of customers present only in the earlier snapshot. */
    public static final String GONE = "(gone)";

    private final Segmentation before;
    private final Segmentation after;
    private final List<String> rowLabels;
    private final List<String> columnLabels;
    private final long[][] counts;

    private MigrationMatrix(Segmentation before, Segmentation after, long[][] counts) {
        this.before = before;
        this.after = after;
        List<String> rows = new ArrayList<>(before.map().segments());
        rows.add(NEW);
        List<String> columns = new ArrayList<>(after.map().segments());
        columns.add(GONE);
        this.rowLabels = List.copyOf(rows);
        this.columnLabels = List.copyOf(columns);
        this.counts = counts;
    }

    /**
     * Builds the matrix: segments {@code before} with {@code map}, scores {@code later} with
     * {@code before}'s frozen cuts and segments it with the same map, and counts the moves.
     *
     * @param before the earlier snapshot's scores, with at least one customer, not null
     * @param later the later snapshot's customers, not null
     * @param map the segment map, for the bins of {@code before}, not null
     * @return the matrix, never null
     * @throws IllegalStateException if {@code before} has no customer (nothing to freeze)
     */
    public static MigrationMatrix between(RfmResult before, CustomerColumns later, SegmentMap map) {
        Checks.notNull(before, "before");
        Checks.notNull(later, "later");
        Checks.notNull(map, "map");
        Segmentation a = map.assign(before);
        Segmentation b = map.assign(RfmScorer.score(later, before.frozenOptions()));
        int segments = map.segments().size();
        long[][] counts = new long[segments + 1][segments + 1];
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int c = i == a.size() ? 1 : j == b.size() ? -1 : a.customerId(i).compareTo(b.customerId(j));
            if (c == 0) {
                counts[a.segmentIndex(i++)][b.segmentIndex(j++)]++;
            } else if (c < 0) {
                counts[a.segmentIndex(i++)][segments]++;
            } else {
                counts[segments][b.segmentIndex(j++)]++;
            }
        }
        return new MigrationMatrix(a, b, counts);
    }

    /**
     * Returns the earlier snapshot's segmentation.
     *
     * @return the segmentation, never null
     */
    public Segmentation before() {
        return before;
    }

    /**
     * Returns the later snapshot's segmentation (scored with the frozen cuts).
     *
     * @return the segmentation, never null
     */
    public Segmentation after() {
        return after;
    }

    /**
     * Returns the row labels: the earlier segments, then {@link #NEW}.
     *
     * @return the labels, immutable, never null
     */
    public List<String> rowLabels() {
        return rowLabels;
    }

    /**
     * Returns the column labels: the later segments, then {@link #GONE}.
     *
     * @return the labels, immutable, never null
     */
    public List<String> columnLabels() {
        return columnLabels;
    }

    /**
     * Returns how many customers went from one row to one column.
     *
     * @param row the row index in {@link #rowLabels()}
     * @param column the column index in {@link #columnLabels()}
     * @return the count
     */
    public long count(int row, int column) {
        Objects.checkIndex(row, counts.length);
        Objects.checkIndex(column, counts.length);
        return counts[row][column];
    }

    /**
     * Returns how many customers went from one segment (or {@link #NEW}) to another (or
     * {@link #GONE}).
     *
     * @param from a row label, not null
     * @param to a column label, not null
     * @return the count
     * @throws IllegalArgumentException if a label is unknown
     */
    public long count(String from, String to) {
        int r = rowLabels.indexOf(Checks.notNull(from, "from"));
        int c = columnLabels.indexOf(Checks.notNull(to, "to"));
        if (r < 0 || c < 0) {
            throw new IllegalArgumentException("unknown label: " + (r < 0 ? from : to));
        }
        return counts[r][c];
    }

    /**
     * Returns a row's total: the earlier snapshot's customers in that segment (or the new ones).
     *
     * @param row the row index
     * @return the total
     */
    public long rowTotal(int row) {
        Objects.checkIndex(row, counts.length);
        long sum = 0;
        for (long v : counts[row]) {
            sum += v;
        }
        return sum;
    }

    /**
     * Returns a column's total: the later snapshot's customers in that segment (or the gone ones).
     *
     * @param column the column index
     * @return the total
     */
    public long columnTotal(int column) {
        Objects.checkIndex(column, counts.length);
        long sum = 0;
        for (long[] row : counts) {
            sum += row[column];
        }
        return sum;
    }

    /**
     * Returns how many customers present in both snapshots stayed in their segment.
     *
     * @return the count
     */
    public long stayed() {
        long sum = 0;
        for (int s = 0; s < counts.length - 1; s++) {
            sum += counts[s][s];
        }
        return sum;
    }

    /**
     * Returns the matrix as aligned text, rows "from", columns "to", with totals.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        int width = Math.max(9, rowLabels.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "from\\to"));
        for (int c = 0; c < columnLabels.size(); c++) {
            sb.append(String.format(Locale.ROOT, " %8.8s", columnLabels.get(c)));
        }
        sb.append(String.format(Locale.ROOT, " %8s%n", "total"));
        for (int r = 0; r < rowLabels.size(); r++) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s", rowLabels.get(r)));
            for (int c = 0; c < columnLabels.size(); c++) {
                sb.append(String.format(Locale.ROOT, " %8d", counts[r][c]));
            }
            sb.append(String.format(Locale.ROOT, " %8d%n", rowTotal(r)));
        }
        sb.append(String.format(Locale.ROOT, "%-" + width + "s", "total"));
        for (int c = 0; c < columnLabels.size(); c++) {
            sb.append(String.format(Locale.ROOT, " %8d", columnTotal(c)));
        }
        return sb.append('\n').toString();
    }
}
