package io.crmkit.segmentation.segment;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.CustomerColumns;
import io.crmkit.segmentation.rfm.RfmResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Every scored customer's segment under a {@link SegmentMap}: exactly one per customer, rows as in
 * the {@link RfmResult}. Prospects (customers without purchases) have none and are counted apart.
 *
 * <p>Immutable and thread-safe.
 */
public final class Segmentation {

    private final RfmResult result;
    private final SegmentMap map;
    private final short[] segment;

    Segmentation(RfmResult result, SegmentMap map, short[] segment) {
        this.result = result;
        this.map = map;
        this.segment = segment;
    }

    /**
     * Returns the scores segmented.
     *
     * @return the result, never null
     */
    public RfmResult result() {
        return result;
    }

    /**
     * Returns the map used.
     *
     * @return the map, never null
     */
    public SegmentMap map() {
        return map;
    }

    /**
     * Returns the number of customers segmented.
     *
     * @return the count
     */
    public int size() {
        return segment.length;
    }

    /**
     * Returns a customer's identifier.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the identifier, never null
     */
    public CustomerId customerId(int i) {
        return result.customerId(i);
    }

    /**
     * Returns a customer's segment.
     *
     * @param i the row
     * @return the segment name, never null
     */
    public String segment(int i) {
        return map.segments().get(segment[i]);
    }

    /**
     * Returns the index of a customer's segment in {@link SegmentMap#segments()}.
     *
     * @param i the row
     * @return the index
     */
    public int segmentIndex(int i) {
        Objects.checkIndex(i, segment.length);
        return segment[i];
    }

    /**
     * Returns how many customers are in a segment.
     *
     * @param name the segment name, not null
     * @return the count, 0 for a name the map does not have
     */
    public long customers(String name) {
        Checks.notNull(name, "name");
        int s = map.segments().indexOf(name);
        long count = 0;
        for (short v : segment) {
            count += v == s ? 1 : 0;
        }
        return count;
    }

    /**
     * Returns the segment table: one row per segment of the map, in the map's order (empty
     * segments included), with customers, orders, revenue, average order value and revenue share.
     *
     * @return the table, never null
     */
    public SegmentTable summary() {
        int segments = map.segments().size();
        long[] customers = new long[segments];
        long[] orders = new long[segments];
        long[] revenue = new long[segments];
        CustomerColumns columns = result.customers();
        for (int i = 0; i < segment.length; i++) {
            int s = segment[i];
            customers[s]++;
            orders[s] += columns.orders(i);
            revenue[s] = Math.addExact(revenue[s], columns.revenueMinor(i));
        }
        long total = 0;
        for (long v : revenue) {
            total = Math.addExact(total, v);
        }
        double scale = columns.minorPerMajor();
        List<SegmentSummary> rows = new ArrayList<>(segments);
        for (int s = 0; s < segments; s++) {
            rows.add(new SegmentSummary(map.segments().get(s), customers[s], orders[s], revenue[s] / scale,
                    orders[s] == 0 ? OptionalDouble.empty() : OptionalDouble.of(revenue[s] / (scale * orders[s])),
                    total == 0 ? OptionalDouble.empty() : OptionalDouble.of(revenue[s] / (double) total)));
        }
        return new SegmentTable(rows, result.prospects().size(), total / scale);
    }

    /**
     * Returns a one-line summary: customers and the map.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "Segmentation[customers=" + segment.length + ", " + map + "]";
    }
}
