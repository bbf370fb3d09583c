package io.crmkit.metrics.clv;

import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.internal.RadixSort;
import java.util.Arrays;
import java.util.Objects;

/**
 * Customer histories in the "buy till you die" summary form ({@code x} repeat purchases, last
 * purchase at {@code t_x}, observed for {@code T}, in a {@link PeriodUnit}), compressed into the
 * unique {@code (x, t_x, T)} patterns with their counts. Likelihoods and predictions are computed
 * once per pattern and weighted, which is what makes fitting a million customers fast: customers
 * acquired on the same day with the same history share a pattern.
 *
 * <p>Patterns are sorted by {@code x}, then {@code t_x}, then {@code T}. The customer order of the
 * input is kept: {@link #patternOf(int)} maps each customer to its pattern, so predictions can be
 * returned per customer.
 *
 * <p>Immutable and thread-safe.
 */
public final class BtydData {

    private final PeriodUnit unit;
    private final int[] x;
    private final double[] tx;
    private final double[] bigT;
    private final double[] weight;
    private final int[] patternOf;
    private final double customers;

    private BtydData(PeriodUnit unit, int[] x, double[] tx, double[] bigT, double[] weight, int[] patternOf) {
        this.unit = unit;
        this.x = x;
        this.tx = tx;
        this.bigT = bigT;
        this.weight = weight;
        this.patternOf = patternOf;
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        this.customers = sum;
    }

    /**
     * Compresses a BTYD view of purchase summaries, keeping its unit and customer order.
     *
     * @param view the view, not null
     * @return the data, never null
     */
    public static BtydData of(BtydView view) {
        Objects.requireNonNull(view, "view");
        return ofCustomers(view.x(), view.tx(), view.bigT(), view.unit());
    }

    /**
     * Compresses per-customer columns.
     *
     * @param x repeat purchases per customer, not negative, not null
     * @param tx time of the last purchase from the first, in {@code unit}, {@code 0 <= t_x <= T},
     *     and 0 when {@code x = 0}; not null
     * @param bigT time from the first purchase to the end of observation, in {@code unit}, finite,
     *     not negative; not null
     * @param unit the unit of {@code t_x} and {@code T}, not null
     * @return the data, never null
     * @throws IllegalArgumentException if the columns differ in length or a value is out of range
     *     (the message names the customer index and the value)
     */
    public static BtydData ofCustomers(int[] x, double[] tx, double[] bigT, PeriodUnit unit) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(bigT, "bigT");
        Objects.requireNonNull(unit, "unit");
        int n = x.length;
        if (tx.length != n || bigT.length != n) {
            throw new IllegalArgumentException("x, tx and bigT must have the same length: " + n + ", " + tx.length
                    + ", " + bigT.length);
        }
        for (int i = 0; i < n; i++) {
            validate(i, x[i], tx[i], bigT[i], 1);
        }
        BtydData ranked = ofCustomersByRank(x, tx, bigT, unit);
        return ranked != null ? ranked : ofCustomersByTable(x, tx, bigT, unit);
    }

    /** The patterns of {@link #ofCustomers} through a hash table of distinct patterns (validated input). */
    static BtydData ofCustomersByTable(int[] x, double[] tx, double[] bigT, PeriodUnit unit) {
        int n = x.length;
        PatternTable table = new PatternTable(n);
        int[] rawOf = new int[n];
        for (int i = 0; i < n; i++) {
            rawOf[i] = table.add(x[i], tx[i], bigT[i]);
        }
        int p = table.size;
        Integer[] order = new Integer[p];
        for (int k = 0; k < p; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> compare(table, a, b));
        int[] rank = new int[p];
        int[] px = new int[p];
        double[] ptx = new double[p];
        double[] pT = new double[p];
        double[] pw = new double[p];
        for (int k = 0; k < p; k++) {
            int o = order[k];
            rank[o] = k;
            px[k] = table.x[o];
            ptx[k] = table.tx[o];
            pT[k] = table.bigT[o];
            pw[k] = table.count[o];
        }
        int[] patternOf = new int[n];
        for (int i = 0; i < n; i++) {
            patternOf[i] = rank[rawOf[i]];
        }
        return new BtydData(unit, px, ptx, pT, pw, patternOf);
    }

    /**
     * Builds data from patterns with weights (for example published pattern counts). Equal
     * patterns are merged; {@link #patternOf(int)} then maps each input row (not customer) to its
     * pattern.
     *
     * @param x repeat purchases per pattern, not null
     * @param tx last-purchase times, in {@code unit}, not null
     * @param bigT observation lengths, in {@code unit}, not null
     * @param weights the number of customers with each pattern, positive and finite, not null
     * @param unit the unit of the times, not null
     * @return the data, never null
     * @throws IllegalArgumentException if the columns differ in length or a value is out of range
     */
    public static BtydData ofPatterns(int[] x, double[] tx, double[] bigT, double[] weights, PeriodUnit unit) {
        Objects.requireNonNull(weights, "weights");
        BtydData unweighted = ofCustomers(x, tx, bigT, unit);
        if (weights.length != x.length) {
            throw new IllegalArgumentException("weights must have the length of x: " + weights.length + " vs "
                    + x.length);
        }
        double[] w = new double[unweighted.x.length];
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight of pattern " + i + " must be positive and finite: "
                        + weights[i]);
            }
            w[unweighted.patternOf[i]] += weights[i];
        }
        return new BtydData(unit, unweighted.x, unweighted.tx, unweighted.bigT, w, unweighted.patternOf);
    }

    static void validate(int i, int x, double tx, double bigT, double weight) {
        if (x < 0) {
            throw new IllegalArgumentException("x of customer " + i + " must not be negative: " + x);
        }
        if (!Double.isFinite(bigT) || bigT < 0) {
            throw new IllegalArgumentException("T of customer " + i + " must be finite and not negative: " + bigT);
        }
        if (!Double.isFinite(tx) || tx < 0 || tx > bigT) {
            throw new IllegalArgumentException("t_x of customer " + i + " must be between 0 and T=" + bigT + ": "
                    + tx);
        }
        if (x == 0 && tx != 0) {
            throw new IllegalArgumentException("t_x of customer " + i + " must be 0 when x = 0: " + tx);
        }
    }

    /**
     * The patterns of {@link #ofCustomers} from one radix sort: each customer's {@code x} and the
     * ranks of its {@code t_x} and {@code T} among their distinct values (found through a hash table:
     * a few thousand distinct times over a million customers) packed into one long whose order is
     * the patterns' order, sorted with the customers' indexes; equal keys are one pattern. Null when
     * the three parts do not fit in 63 bits (then the hash table of patterns builds them).
     */
    static BtydData ofCustomersByRank(int[] x, double[] tx, double[] bigT, PeriodUnit unit) {
        int n = x.length;
        Ranks txRanks = Ranks.of(tx);
        Ranks tRanks = Ranks.of(bigT);
        int maxX = 0;
        for (int v : x) {
            maxX = Math.max(maxX, v);
        }
        int tBits = bits(tRanks.values.length - 1);
        int xShift = tBits + bits(txRanks.values.length - 1);
        if (xShift + bits(maxX) > 63) {
            return null;
        }
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) x[i] << xShift) | ((long) txRanks.rank(tx[i]) << tBits) | tRanks.rank(bigT[i]);
            order[i] = i;
        }
        RadixSort.sort(keys, order, n);
        int[] patternOf = new int[n];
        double[] pw = new double[n];
        int p = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || keys[k] != keys[p - 1]) {
                keys[p++] = keys[k];
            }
            pw[p - 1]++;
            patternOf[order[k]] = p - 1;
        }
        long txMask = (1L << (xShift - tBits)) - 1;
        long tMask = (1L << tBits) - 1;
        int[] px = new int[p];
        double[] ptx = new double[p];
        double[] pT = new double[p];
        for (int k = 0; k < p; k++) {
            px[k] = (int) (keys[k] >>> xShift);
            ptx[k] = txRanks.values[(int) ((keys[k] >>> tBits) & txMask)];
            pT[k] = tRanks.values[(int) (keys[k] & tMask)];
        }
        return new BtydData(unit, px, ptx, pT, Arrays.copyOf(pw, p), patternOf);
    }

    /** The bits that hold a value from 0 to max (0 for 0). */
    private static int bits(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    private static int compare(PatternTable t, int a, int b) {
        int c = Integer.compare(t.x[a], t.x[b]);
        if (c == 0) {
            c = Double.compare(t.tx[a], t.tx[b]);
        }
        if (c == 0) {
            c = Double.compare(t.bigT[a], t.bigT[b]);
        }
        return c;
    }

    /**
     * Returns the unit of {@code t_x} and {@code T}.
     *
     * @return the unit, never null
     */
    public PeriodUnit unit() {
        return unit;
    }

    /**
     * Returns the number of distinct patterns.
     *
     * @return the count
     */
    public int patternCount() {
        return x.length;
    }

    /**
     * Returns the number of input rows (customers, or weighted pattern rows).
     *
     * @return the count
     */
    public int rowCount() {
        return patternOf.length;
    }

    /**
     * Returns the total weight: the number of customers.
     *
     * @return the sum of the pattern weights
     */
    public double customerCount() {
        return customers;
    }

    /**
     * Returns a pattern's {@code x}.
     *
     * @param k the pattern index
     * @return repeat purchases
     */
    public int x(int k) {
        return x[k];
    }

    /**
     * Returns a pattern's {@code t_x}.
     *
     * @param k the pattern index
     * @return the last-purchase time in {@link #unit()}
     */
    public double tx(int k) {
        return tx[k];
    }

    /**
     * Returns a pattern's {@code T}.
     *
     * @param k the pattern index
     * @return the observation length in {@link #unit()}
     */
    public double bigT(int k) {
        return bigT[k];
    }

    /**
     * Returns a pattern's weight.
     *
     * @param k the pattern index
     * @return the number of customers with the pattern
     */
    public double weight(int k) {
        return weight[k];
    }

    /**
     * Returns the pattern of an input row.
     *
     * @param row the row (customer) index, {@code 0 <= row < rowCount()}
     * @return the pattern index
     */
    public int patternOf(int row) {
        return patternOf[row];
    }

    /**
     * Returns whether any customer made a repeat purchase.
     *
     * @return true if some {@code x > 0}
     */
    public boolean anyRepeat() {
        return x.length > 0 && x[x.length - 1] > 0;
    }

    /**
     * Spreads per-pattern values to the input rows.
     *
     * @param perPattern one value per pattern, not null
     * @return one value per row, never null
     */
    public double[] toRows(double[] perPattern) {
        Objects.requireNonNull(perPattern, "perPattern");
        if (perPattern.length != x.length) {
            throw new IllegalArgumentException("expected " + x.length + " pattern values, got " + perPattern.length);
        }
        double[] r = new double[patternOf.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = perPattern[patternOf[i]];
        }
        return r;
    }

    /** Returns the times converted to another unit (the same object when the unit matches). */
    double[] txIn(PeriodUnit target) {
        return convert(tx, target);
    }

    double[] bigTIn(PeriodUnit target) {
        return convert(bigT, target);
    }

    int[] xs() {
        return x;
    }

    double[] weights() {
        return weight;
    }

    private double[] convert(double[] values, PeriodUnit target) {
        if (target == unit) {
            return values;
        }
        double f = unit.days() / target.days();
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = values[i] * f;
        }
        return r;
    }

    /**
     * Returns a short description.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "BtydData[unit=" + unit + ", customers=" + customers + ", patterns=" + x.length + "]";
    }

    /** Open addressing over (x, t_x, T) with linear probing. */
    private static final class PatternTable {
        int[] x;
        double[] tx;
        double[] bigT;
        int[] count;
        int[] slots;
        int mask;
        int size;

        PatternTable(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            slots = new int[cap];
            Arrays.fill(slots, -1);
            mask = cap - 1;
            int initial = Math.max(16, Math.min(expected, 1 << 16));
            x = new int[initial];
            tx = new double[initial];
            bigT = new double[initial];
            count = new int[initial];
        }

        int add(int xv, double txv, double tv) {
            long h = xv * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(txv + 0.0) * 0xC2B2AE3D27D4EB4FL
                    ^ Double.doubleToLongBits(tv + 0.0) * 0x165667B19E3779F9L;
            h ^= h >>> 29;
            int s = (int) h & mask;
            while (true) {
                int k = slots[s];
                if (k < 0) {
                    if (size == x.length) {
                        int cap = x.length * 2;
                        x = Arrays.copyOf(x, cap);
                        tx = Arrays.copyOf(tx, cap);
                        bigT = Arrays.copyOf(bigT, cap);
                        count = Arrays.copyOf(count, cap);
                    }
                    x[size] = xv;
                    tx[size] = txv + 0.0; // -0.0 is 0.0, also in the patterns' order
                    bigT[size] = tv + 0.0;
                    count[size] = 1;
                    slots[s] = size;
                    return size++;
                }
                if (x[k] == xv && tx[k] == txv && bigT[k] == tv) {
                    count[k]++;
                    return k;
                }
                s = (s + 1) & mask;
            }
        }
    }
}
