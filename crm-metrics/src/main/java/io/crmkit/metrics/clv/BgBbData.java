package io.crmkit.metrics.clv;

import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistoryOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The BG/BB model's data drawn from orders: transaction opportunities are calendar periods (days,
 * ISO weeks from Monday, months or years, in the options' zone). A customer's first period with a
 * counted purchase is their acquisition; the opportunities are the whole periods after it up to the
 * period holding the calibration end ({@code n}); {@code x} counts those with at least one counted
 * purchase and {@code t_x} is the number of the last one (0 when none). Returns are never
 * purchases; only orders of the options' counted status categories placed before the options'
 * cutoff count. Customers acquired in the last period have no opportunity yet and are left out
 * (counted in {@link #withoutOpportunities()}). Identical {@code (x, t_x, n)} are one weighted
 * pattern.
 *
 * <p>The data of disjoint sets of customers (each customer's orders all in one set, such as the
 * partitions of a cluster partitioned by customer) {@linkplain #combine combine} into the data of all
 * of them, exactly and in the same pattern order.
 *
 * <p>Immutable, thread-safe and serializable.
 */
public final class BgBbData implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final int[] x;
    private final int[] tx;
    private final int[] n;
    private final double[] weights;
    private final int withoutOpportunities;
    private final PeriodUnit period;

    private BgBbData(int[] x, int[] tx, int[] n, double[] weights, int withoutOpportunities, PeriodUnit period) {
        this.x = x;
        this.tx = tx;
        this.n = n;
        this.weights = weights;
        this.withoutOpportunities = withoutOpportunities;
        this.period = period;
    }

    /**
     * Builds the data from a batch of orders.
     *
     * @param batch the orders, not null
     * @param options the calibration end ({@link PurchaseHistoryOptions#cutoff()}), zone and counted
     *     statuses (its purchase unit and time unit do not apply: one opportunity is one period), not null
     * @param period the opportunity period, not null
     * @return the data, never null
     */
    public static BgBbData of(OrderBatch batch, PurchaseHistoryOptions options, PeriodUnit period) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(period, "period");
        ZoneId zone = options.zone();
        Instant cutoff = options.cutoff();
        long cutoffMicros = ChronoUnit.MICROS.between(Instant.EPOCH, cutoff);
        long lastPeriod = index(LocalDate.ofInstant(cutoff.minusNanos(1000), zone), period);
        OrderBatch.CustomerRows rows = batch.byCustomer(options.revenueBasis());
        Map<Long, double[]> patterns = new HashMap<>();
        int without = 0;
        for (int c = 0; c < batch.customerCount(); c++) {
            long first = Long.MIN_VALUE;
            long previous = Long.MIN_VALUE;
            int count = 0;
            long last = 0;
            for (int k = rows.start(c); k < rows.start(c + 1); k++) {
                long t = rows.placedAtMicros(k);
                if (t >= cutoffMicros || rows.isReturn(k) || !options.countedCategories().contains(rows.category(k))) {
                    continue;
                }
                long p = index(LocalDate.ofInstant(Instant.EPOCH.plus(t, ChronoUnit.MICROS), zone), period);
                if (first == Long.MIN_VALUE) {
                    first = p;
                } else if (p != previous && p > first) {
                    count++;
                    last = p - first;
                }
                previous = p;
            }
            if (first == Long.MIN_VALUE) {
                continue; // no counted purchase: not a customer of the model
            }
            long opportunities = lastPeriod - first;
            if (opportunities <= 0) {
                without++;
                continue;
            }
            long key = ((long) count << 42) | (last << 21) | opportunities;
            patterns.computeIfAbsent(key, k -> new double[1])[0]++;
        }
        return ofKeys(patterns, without, period);
    }

    /** The data of patterns keyed by {@code x << 42 | t_x << 21 | n}, in ascending key order. */
    private static BgBbData ofKeys(Map<Long, double[]> patterns, int without, PeriodUnit period) {
        long[] keys = patterns.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int m = keys.length;
        int[] xs = new int[m];
        int[] txs = new int[m];
        int[] ns = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            xs[i] = (int) (keys[i] >>> 42);
            txs[i] = (int) ((keys[i] >>> 21) & 0x1FFFFF);
            ns[i] = (int) (keys[i] & 0x1FFFFF);
            w[i] = patterns.get(keys[i])[0];
        }
        return new BgBbData(xs, txs, ns, w, without, period);
    }

    /**
     * Combines the data of two disjoint sets of customers into the data of both: the weights of
     * equal patterns add up, as do the customers without opportunities.
     *
     * @param other the data of other customers, with the same opportunity period, not null
     * @return the combined data, never null
     * @throws IllegalArgumentException if the periods differ
     */
    public BgBbData combine(BgBbData other) {
        Objects.requireNonNull(other, "other");
        if (other.period != period) {
            throw new IllegalArgumentException("BG/BB data of different periods do not combine: " + period + " and "
                    + other.period);
        }
        Map<Long, double[]> patterns = new HashMap<>();
        for (BgBbData d : new BgBbData[] {this, other}) {
            for (int i = 0; i < d.x.length; i++) {
                long key = ((long) d.x[i] << 42) | ((long) d.tx[i] << 21) | d.n[i];
                patterns.computeIfAbsent(key, k -> new double[1])[0] += d.weights[i];
            }
        }
        return ofKeys(patterns, Math.addExact(withoutOpportunities, other.withoutOpportunities), period);
    }

    /** The period's number: epoch days, ISO weeks from Monday 1970-01-05, months or years since year 0. */
    static long index(LocalDate date, PeriodUnit period) {
        return switch (period) {
            case DAYS -> date.toEpochDay();
            case WEEKS -> Math.floorDiv(date.toEpochDay() - 4, 7);
            case MONTHS -> date.getYear() * 12L + date.getMonthValue() - 1;
            case YEARS -> date.getYear();
        };
    }

    /**
     * Fits the BG/BB model to these data.
     *
     * @param options the fit settings, not null
     * @return the fitted model, never null
     * @throws ModelFitException if the fit fails or the data cannot identify the model
     * @throws IllegalArgumentException if there are no customers with an opportunity
     */
    public BgBbModel fit(FitOptions options) {
        if (x.length == 0) {
            throw new IllegalArgumentException("no customer has a transaction opportunity after the period of their"
                    + " first purchase: " + withoutOpportunities + " customers were acquired in the last "
                    + period.singular());
        }
        return BgBbModel.fit(x.clone(), tx.clone(), n.clone(), weights.clone(), options);
    }

    /**
     * Returns the number of distinct {@code (x, t_x, n)} patterns.
     *
     * @return the count, not negative
     */
    public int patternCount() {
        return x.length;
    }

    /**
     * Returns the number of customers with at least one opportunity (the weights' sum).
     *
     * @return the count, not negative
     */
    public long customers() {
        return (long) Arrays.stream(weights).sum();
    }

    /**
     * Returns how many customers were acquired in the period of the calibration end and so have
     * no opportunity yet.
     *
     * @return the count, not negative
     */
    public int withoutOpportunities() {
        return withoutOpportunities;
    }

    /**
     * Returns pattern {@code k}'s repeat periods.
     *
     * @param k the pattern, from 0
     * @return {@code x}
     */
    public int x(int k) {
        return x[k];
    }

    /**
     * Returns pattern {@code k}'s last repeat period's number (0 when none).
     *
     * @param k the pattern, from 0
     * @return {@code t_x}
     */
    public int tx(int k) {
        return tx[k];
    }

    /**
     * Returns pattern {@code k}'s number of opportunities.
     *
     * @param k the pattern, from 0
     * @return {@code n}, positive
     */
    public int n(int k) {
        return n[k];
    }

    /**
     * Returns how many customers have pattern {@code k}.
     *
     * @param k the pattern, from 0
     * @return the weight, positive
     */
    public double weight(int k) {
        return weights[k];
    }

    /**
     * Returns the opportunity period.
     *
     * @return the period, never null
     */
    public PeriodUnit period() {
        return period;
    }
}
