package io.crmkit.segmentation.value;

import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.CustomerColumns;
import java.util.Arrays;

/**
 * The Pareto (Lorenz) curve of revenue over customers and its Gini coefficient: customers sorted
 * from the lowest revenue up, point {@code k} is (share of customers {@code k / n}, share of
 * revenue of those {@code k}). The curve is on revenue floored at zero: customers whose refunds
 * exceed their purchases count as zero ({@link #flooredCustomers()} says how many).
 *
 * <p>Gini {@code = 2 sum(i x_(i)) / (n sum x) - (n + 1) / n} with {@code x_(i)} ascending, 0 when
 * everyone spends the same, {@code 1 - 1/n} when one customer brings everything.
 *
 * <p>Immutable and thread-safe.
 */
public final class LorenzCurve {

    private final double[] cumulativeShare;
    private final double gini;
    private final long floored;

    private LorenzCurve(double[] cumulativeShare, double gini, long floored) {
        this.cumulativeShare = cumulativeShare;
        this.gini = gini;
        this.floored = floored;
    }

    /**
     * Builds the curve of the customers' revenue.
     *
     * @param customers the customers, at least one with positive revenue, not null
     * @return the curve, never null
     * @throws IllegalArgumentException if no customer has positive revenue (the shares are undefined)
     */
    public static LorenzCurve of(CustomerColumns customers) {
        Checks.notNull(customers, "customers");
        int n = customers.size();
        long[] x = customers.revenueMinorColumn();
        long floored = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] < 0) {
                x[i] = 0;
                floored++;
            }
        }
        Arrays.sort(x);
        long total = 0;
        for (long v : x) {
            total = Math.addExact(total, v);
        }
        if (total <= 0) {
            throw new IllegalArgumentException("the Lorenz curve needs positive total revenue; the " + n
                    + " customers have none");
        }
        double[] cumulative = new double[n + 1];
        long running = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            running += x[i];
            cumulative[i + 1] = running / (double) total;
            weighted += (i + 1) * (double) x[i];
        }
        cumulative[n] = 1.0;
        double gini = 2 * weighted / (n * (double) total) - (n + 1) / (double) n;
        return new LorenzCurve(cumulative, Math.max(0, gini), floored);
    }

    /**
     * Returns the number of customers on the curve.
     *
     * @return the count, at least 1
     */
    public int customers() {
        return cumulativeShare.length - 1;
    }

    /**
     * Returns the revenue share of the {@code k} lowest-revenue customers: the curve's point
     * {@code k}.
     *
     * @param k 0 to {@link #customers()}
     * @return the share, in [0, 1]
     */
    public double revenueShareOfLowest(int k) {
        java.util.Objects.checkIndex(k, cumulativeShare.length);
        return cumulativeShare[k];
    }

    /**
     * Returns the revenue share of the bottom fraction of customers, interpolating linearly
     * between the curve's points.
     *
     * @param customerShare the fraction of customers, in [0, 1]
     * @return the revenue share, in [0, 1]
     * @throws IllegalArgumentException if {@code customerShare} is outside [0, 1]
     */
    public double revenueShareOfBottom(double customerShare) {
        if (!(customerShare >= 0 && customerShare <= 1)) {
            throw new IllegalArgumentException("customerShare must be in [0, 1]: " + customerShare);
        }
        int n = customers();
        double pos = customerShare * n;
        int k = (int) Math.floor(pos);
        if (k >= n) {
            return 1.0;
        }
        double h = pos - k;
        return cumulativeShare[k] + h * (cumulativeShare[k + 1] - cumulativeShare[k]);
    }

    /**
     * Returns the revenue share of the top fraction of customers: the Pareto check ("the top 20%
     * bring 80%").
     *
     * @param customerShare the fraction of customers, in [0, 1]
     * @return the revenue share, in [0, 1]
     * @throws IllegalArgumentException if {@code customerShare} is outside [0, 1]
     */
    public double revenueShareOfTop(double customerShare) {
        if (!(customerShare >= 0 && customerShare <= 1)) {
            throw new IllegalArgumentException("customerShare must be in [0, 1]: " + customerShare);
        }
        return Math.min(1, Math.max(0, 1 - revenueShareOfBottom(1 - customerShare)));
    }

    /**
     * Returns the Gini coefficient of revenue.
     *
     * @return the coefficient, in [0, 1)
     */
    public double gini() {
        return gini;
    }

    /**
     * Returns how many customers had negative revenue, counted as zero.
     *
     * @return the count
     */
    public long flooredCustomers() {
        return floored;
    }

    /**
     * Returns up to {@code max} evenly spaced points of the curve (always including both ends),
     * as pairs (customer share, revenue share), for plotting.
     *
     * @param max the most points wanted, at least 2
     * @return the points, {@code [k][0]} customer share and {@code [k][1]} revenue share, never null
     * @throws IllegalArgumentException if {@code max < 2}
     */
    public double[][] points(int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2: " + max);
        }
        int n = customers();
        int count = Math.min(max, n + 1);
        double[][] points = new double[count][2];
        for (int p = 0; p < count; p++) {
            int k = (int) Math.round(p * (double) n / (count - 1));
            points[p][0] = k / (double) n;
            points[p][1] = cumulativeShare[k];
        }
        return points;
    }

    /**
     * Returns the Gini coefficient and the top-20% share.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "LorenzCurve[customers=%d, gini=%.4f, top20%%=%.4f]", customers(),
                gini, revenueShareOfTop(0.2));
    }
}
