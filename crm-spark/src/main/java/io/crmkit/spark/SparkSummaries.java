package io.crmkit.spark;

import io.crmkit.core.history.PurchaseHistoryOptions;
import java.util.Currency;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-customer purchase summaries computed by {@link SparkPurchaseHistory}: a distributed
 * {@code Dataset<Row>}, one row per customer with a counted purchase, and the definitions it was
 * computed with.
 *
 * <p>Columns, with the meaning of the single-machine
 * {@link io.crmkit.core.history.PurchaseSummaries}: {@code customer_id} (string),
 * {@code first_purchase} and {@code last_purchase} (timestamps; the start of the day on the day
 * clock), {@code purchases}, {@code orders} (int), {@code revenue_minor} (long, minor units of
 * {@link #currency()}), {@code revenue} (decimal, major units), {@code days_since_last},
 * {@code age_days} (double, days), and the BTYD columns {@code x} (int, repeat purchases),
 * {@code t_x}, {@code T} (double, in the options' time unit) and {@code mean_repeat_value}
 * (double, major units; 0 without repeat purchases). Rows are in no particular order.
 *
 * <p>Immutable; the data set is lazy (each action recomputes it unless the caller caches it).
 */
public final class SparkSummaries {

    /** The column of the customer identifier. */
    public static final String CUSTOMER_ID = "customer_id";

    private final Dataset<Row> rows;
    private final PurchaseHistoryOptions options;

    SparkSummaries(Dataset<Row> rows, PurchaseHistoryOptions options) {
        this.rows = rows;
        this.options = options;
    }

    /**
     * Returns the summaries, one row per customer.
     *
     * @return the data set, never null
     */
    public Dataset<Row> rows() {
        return rows;
    }

    /**
     * Returns the definitions the summaries were computed with.
     *
     * @return the options, never null
     */
    public PurchaseHistoryOptions options() {
        return options;
    }

    /**
     * Returns the currency of every amount.
     *
     * @return the currency, never null
     */
    public Currency currency() {
        return options.currency().orElseThrow();
    }

    /**
     * Returns these summaries with their rows cached (Spark's default storage level), for several
     * actions on them (RFM scores and a BTYD fit, say).
     *
     * @return summaries over the cached rows, never null
     */
    public SparkSummaries cache() {
        return new SparkSummaries(rows.cache(), options);
    }

    @Override
    public String toString() {
        return "SparkSummaries[" + options.describe() + "]";
    }
}
