package io.crmkit.core.history;

import io.crmkit.core.CustomerId;

/**
 * The "buy till you die" model view of purchase summaries, in the notation of Fader, Hardie and
 * Lee: per customer {@code x} (the number of repeat purchases, purchases after the first),
 * {@code t_x} (the time of the last purchase, measured from the first), {@code T} (the time from
 * the first purchase to the as-of point) and the mean value of the repeat purchases (0 when
 * {@code x = 0}, in major currency units). Durations are in {@link #unit()}.
 *
 * <p>The bulk accessors return fresh copies of the columns.
 *
 * <p>Immutable and thread-safe.
 */
public final class BtydView {

    private final PeriodUnit unit;
    private final CustomerId[] ids;
    private final int[] x;
    private final double[] tx;
    private final double[] bigT;
    private final double[] meanRepeatValue;

    BtydView(PeriodUnit unit, CustomerId[] ids, int[] x, double[] tx, double[] bigT, double[] meanRepeatValue) {
        this.unit = unit;
        this.ids = ids;
        this.x = x;
        this.tx = tx;
        this.bigT = bigT;
        this.meanRepeatValue = meanRepeatValue;
    }

    /**
     * Makes a view of customers' histories given as columns (for an engine that summarised them
     * elsewhere, such as a worker of a distributed job). The columns are copied.
     *
     * @param unit the unit of {@code tx} and {@code bigT}, not null
     * @param ids the customers, not null, no null element
     * @param x each customer's repeat purchases, not negative
     * @param tx each customer's time of the last purchase from the first, from 0 to {@code bigT},
     *     0 when {@code x} is 0
     * @param bigT each customer's time from the first purchase to the as-of point, finite
     * @param meanRepeatValue each customer's mean repeat value, finite, 0 when {@code x} is 0
     * @return the view, never null
     * @throws NullPointerException if an argument or an identifier is null
     * @throws IllegalArgumentException if the columns differ in length or a value breaks its rule,
     *     naming the customer's position and the value
     */
    public static BtydView of(PeriodUnit unit, java.util.List<CustomerId> ids, int[] x, double[] tx, double[] bigT,
            double[] meanRepeatValue) {
        java.util.Objects.requireNonNull(unit, "unit");
        java.util.Objects.requireNonNull(ids, "ids");
        java.util.Objects.requireNonNull(x, "x");
        java.util.Objects.requireNonNull(tx, "tx");
        java.util.Objects.requireNonNull(bigT, "bigT");
        java.util.Objects.requireNonNull(meanRepeatValue, "meanRepeatValue");
        int n = ids.size();
        if (x.length != n || tx.length != n || bigT.length != n || meanRepeatValue.length != n) {
            throw new IllegalArgumentException("the columns must have one value per customer (" + n + "): x has "
                    + x.length + ", tx " + tx.length + ", bigT " + bigT.length + ", meanRepeatValue "
                    + meanRepeatValue.length);
        }
        CustomerId[] copy = new CustomerId[n];
        for (int i = 0; i < n; i++) {
            copy[i] = java.util.Objects.requireNonNull(ids.get(i), "ids[" + i + "]");
            if (x[i] < 0) {
                throw new IllegalArgumentException("customer " + i + ": x must not be negative: " + x[i]);
            }
            if (!(bigT[i] >= 0) || Double.isInfinite(bigT[i])) {
                throw new IllegalArgumentException("customer " + i + ": T must be finite and not negative: " + bigT[i]);
            }
            if (!(tx[i] >= 0 && tx[i] <= bigT[i]) || (x[i] == 0 && tx[i] != 0)) {
                throw new IllegalArgumentException("customer " + i + ": t_x must be from 0 to T (" + bigT[i]
                        + "), and 0 without repeat purchases: " + tx[i]);
            }
            if (!Double.isFinite(meanRepeatValue[i]) || (x[i] == 0 && meanRepeatValue[i] != 0)) {
                throw new IllegalArgumentException("customer " + i + ": the mean repeat value must be finite, and 0"
                        + " without repeat purchases: " + meanRepeatValue[i]);
            }
        }
        return new BtydView(unit, copy, x.clone(), tx.clone(), bigT.clone(), meanRepeatValue.clone());
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
     * Returns the number of customers.
     *
     * @return the count
     */
    public int size() {
        return ids.length;
    }

    /**
     * Returns a customer's identifier.
     *
     * @param i the index, {@code 0 <= i < size()}
     * @return the identifier, never null
     */
    public CustomerId customerId(int i) {
        return ids[i];
    }

    /**
     * Returns a customer's number of repeat purchases.
     *
     * @param i the index
     * @return {@code x}, not negative
     */
    public int x(int i) {
        return x[i];
    }

    /**
     * Returns the time of a customer's last purchase, from the first.
     *
     * @param i the index
     * @return {@code t_x} in {@link #unit()}, between 0 and {@code T}
     */
    public double tx(int i) {
        return tx[i];
    }

    /**
     * Returns the time from a customer's first purchase to the as-of point.
     *
     * @param i the index
     * @return {@code T} in {@link #unit()}, not negative
     */
    public double bigT(int i) {
        return bigT[i];
    }

    /**
     * Returns the mean value of a customer's repeat purchases.
     *
     * @param i the index
     * @return the mean in major currency units, 0 when {@code x = 0}
     */
    public double meanRepeatValue(int i) {
        return meanRepeatValue[i];
    }

    /**
     * Returns a copy of the {@code x} column.
     *
     * @return repeat purchases per customer, never null
     */
    public int[] x() {
        return x.clone();
    }

    /**
     * Returns a copy of the {@code t_x} column.
     *
     * @return last-purchase times per customer, never null
     */
    public double[] tx() {
        return tx.clone();
    }

    /**
     * Returns a copy of the {@code T} column.
     *
     * @return observation lengths per customer, never null
     */
    public double[] bigT() {
        return bigT.clone();
    }

    /**
     * Returns a copy of the mean repeat value column.
     *
     * @return mean repeat-purchase values per customer, never null
     */
    public double[] meanRepeatValue() {
        return meanRepeatValue.clone();
    }

    /**
     * Returns a short description with the unit and the number of customers.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "BtydView[unit=" + unit + ", customers=" + ids.length + "]";
    }
}
