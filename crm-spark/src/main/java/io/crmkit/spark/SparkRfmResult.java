package io.crmkit.spark;

import io.crmkit.segmentation.rfm.Binning;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.RfmOptions;
import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * RFM scores of {@link SparkRfm}: one row per customer and the thresholds each dimension was cut
 * at.
 *
 * <p>Columns: {@code customer_id} (string), {@code recency} (days), {@code frequency} (purchases),
 * {@code monetary} (major units, sum or mean per the options), {@code orders}, {@code revenue_minor},
 * the scores {@code r}, {@code f}, {@code m} (1 to the bins) and {@code segment}. Rows are in no
 * particular order.
 *
 * <p>The rows are computed from per-customer values that scoring cached (the cuts needed them
 * twice); {@link #close()} releases that cache, after which the rows, when used, are computed
 * again from the summaries. Use the result in a try-with-resources block, or close it when done:
 * an application scoring snapshot after snapshot otherwise keeps every snapshot's values in its
 * executors' memory.
 *
 * <p>Immutable but for that cache; the data set is lazy. Thread-safe.
 */
public final class SparkRfmResult implements AutoCloseable {

    private final Dataset<Row> rows;
    private final Dataset<Row> cached;
    private final RfmOptions options;
    private final Map<Dimension, Binning.Thresholds> thresholds;
    private final int customers;

    SparkRfmResult(Dataset<Row> rows, Dataset<Row> cached, RfmOptions options,
            Map<Dimension, Binning.Thresholds> thresholds, int customers) {
        this.rows = rows;
        this.cached = cached;
        this.options = options;
        this.thresholds = new EnumMap<>(thresholds);
        this.customers = customers;
    }

    /**
     * Returns the scored customers.
     *
     * @return the data set, never null
     */
    public Dataset<Row> rows() {
        return rows;
    }

    /**
     * Returns the scoring definitions.
     *
     * @return the options, never null
     */
    public RfmOptions options() {
        return options;
    }

    /**
     * Returns the thresholds a dimension was cut at: the binning's cuts, which score the customers
     * exactly as the single-machine scorer does (also usable as frozen thresholds for a later
     * snapshot).
     *
     * @param dimension the dimension, not null
     * @return the thresholds, never null
     */
    public Binning.Thresholds thresholds(Dimension dimension) {
        return thresholds.get(Args.notNull(dimension, "dimension"));
    }

    /**
     * Returns the number of customers scored.
     *
     * @return the count, at least 1
     */
    public int customers() {
        return customers;
    }

    /**
     * Releases the per-customer values cached while scoring (without waiting for the executors to
     * drop them). The rows stay usable: computed again from the summaries when used. Closing twice
     * does nothing more.
     */
    @Override
    public void close() {
        cached.unpersist(false);
    }

    @Override
    public String toString() {
        return "SparkRfmResult[" + customers + " customers, " + options.describe() + "]";
    }
}
