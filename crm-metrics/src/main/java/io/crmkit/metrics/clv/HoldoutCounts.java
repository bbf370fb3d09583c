package io.crmkit.metrics.clv;

import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.internal.RadixSort;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@link HoldoutScorecard} needs of a {@link CalibrationHoldout}, in a form that merges: the
 * number of calibration customers with each (x, t_x, T, holdout transactions), the calibration
 * cohort's repeat transactions per day through the holdout end, and the cohort's first purchase
 * day, with the split's definitions (calibration and holdout end, time unit, purchase unit).
 *
 * <p>The counts of splits of disjoint sets of customers (each customer's orders all in one set,
 * such as the partitions of a cluster partitioned by customer) {@linkplain #combine combine} into
 * the counts of the split of all of them, exactly: every count is an integer and the order of the
 * entries is sorted, not the order of arrival. A scorecard computed from counts is therefore the same
 * to the bit however the customers were partitioned, and {@link HoldoutScorecard#evaluate(TransactionModel,
 * CalibrationHoldout)} goes through these counts too. Size: one entry per distinct (x, t_x, T, holdout
 * transactions) and per day with repeats, not per customer.
 *
 * <p>Immutable, thread-safe and serializable (to ship between the machines of a cluster).
 */
public final class HoldoutCounts implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The split's definitions: calibration and holdout end, time unit, purchase unit. */
    private final Definitions definitions;
    /** The cohort's first purchase day (epoch day), {@code Long.MAX_VALUE} without customers. */
    private final long originDay;
    // entries sorted by (x, t_x, T, holdout transactions)
    private final int[] x;
    private final double[] tx;
    private final double[] bigT;
    private final int[] actual;
    private final long[] customers;
    // days with repeat transactions, ascending, and their counts
    private final long[] repeatDays;
    private final long[] repeatCounts;

    private HoldoutCounts(Definitions d, long originDay, TreeMap<Entry, Long> entries, TreeMap<Long, Long> repeats) {
        this(d, originDay, entries.size(), repeats);
        int k = 0;
        for (Map.Entry<Entry, Long> e : entries.entrySet()) {
            x[k] = e.getKey().x;
            tx[k] = e.getKey().tx;
            bigT[k] = e.getKey().bigT;
            actual[k] = e.getKey().actual;
            customers[k] = e.getValue();
            k++;
        }
    }

    /** Counts with room for {@code entries} entries, filled by the caller in sorted order. */
    private HoldoutCounts(Definitions d, long originDay, int entries, TreeMap<Long, Long> repeats) {
        this.definitions = d;
        this.originDay = originDay;
        x = new int[entries];
        tx = new double[entries];
        bigT = new double[entries];
        actual = new int[entries];
        customers = new long[entries];
        repeatDays = new long[repeats.size()];
        repeatCounts = new long[repeats.size()];
        int k = 0;
        for (Map.Entry<Long, Long> e : repeats.entrySet()) {
            repeatDays[k] = e.getKey();
            repeatCounts[k] = e.getValue();
            k++;
        }
    }

    /** The definitions two counts must share to combine. */
    private record Definitions(LocalDate calibrationEnd, LocalDate holdoutEnd, PeriodUnit unit,
            PurchaseUnit purchaseUnit) implements Serializable {
    }

    /** One (x, t_x, T, holdout transactions) entry, ordered by its fields in that order. */
    private record Entry(int x, double tx, double bigT, int actual) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Integer.compare(x, o.x);
            if (c == 0) {
                c = Double.compare(tx, o.tx);
            }
            if (c == 0) {
                c = Double.compare(bigT, o.bigT);
            }
            return c != 0 ? c : Integer.compare(actual, o.actual);
        }
    }

    /**
     * The counts of a split.
     *
     * @param split the split, not null
     * @return the counts, never null
     */
    public static HoldoutCounts of(CalibrationHoldout split) {
        Objects.requireNonNull(split, "split");
        BtydData data = split.data();
        int[] holdout = split.holdoutTransactions();
        // (pattern, holdout transactions) of every customer as one sortable long, counted in runs:
        // the split's patterns are in (x, t_x, T) order, so the runs come in entry order
        long[] keys = new long[holdout.length];
        for (int i = 0; i < holdout.length; i++) {
            keys[i] = ((long) data.patternOf(i) << 32) | holdout[i];
        }
        RadixSort.sort(keys, null, keys.length);
        int distinct = 0;
        for (int i = 0; i < keys.length; i++) {
            distinct += i == 0 || keys[i] != keys[i - 1] ? 1 : 0;
        }
        Definitions d = new Definitions(split.calibrationEnd(), split.holdoutEnd(), split.unit(), split.purchaseUnit());
        HoldoutCounts counts = new HoldoutCounts(d, split.originDay(), distinct, split.repeatsByDay());
        int e = -1;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                int k = (int) (keys[i] >>> 32);
                e++;
                counts.x[e] = data.x(k);
                counts.tx[e] = data.tx(k);
                counts.bigT[e] = data.bigT(k);
                counts.actual[e] = (int) keys[i];
                if (e > 0 && counts.entry(e - 1).compareTo(counts.entry(e)) >= 0) {
                    throw new IllegalStateException("the split's patterns are not in (x, t_x, T) order at " + k);
                }
            }
            counts.customers[e]++;
        }
        return counts;
    }

    private Entry entry(int k) {
        return new Entry(x[k], tx[k], bigT[k], actual[k]);
    }

    /**
     * The counts of the split of a batch of orders, as {@link CalibrationHoldout#split(OrderBatch,
     * LocalDate, LocalDate, ZoneId, PeriodUnit, PurchaseUnit)} splits it, with no customer (rather than
     * an exception) when nobody in the batch purchased in the calibration period: the batch may be one
     * part of the customers, every customer's orders in one part.
     *
     * @param batch the orders, not null
     * @param calibrationEnd the last calibration day, not null
     * @param holdoutEnd the last holdout day, after {@code calibrationEnd}, not null
     * @param zone the zone of calendar days, not null
     * @param unit the model time unit, not null
     * @param purchaseUnit what one transaction is, not null
     * @return the counts, never null
     * @throws IllegalArgumentException if the days are not in order
     */
    public static HoldoutCounts of(OrderBatch batch, LocalDate calibrationEnd, LocalDate holdoutEnd, ZoneId zone,
            PeriodUnit unit, PurchaseUnit purchaseUnit) {
        CalibrationHoldout split = CalibrationHoldout.splitOrNull(batch, calibrationEnd, holdoutEnd, zone, unit,
                purchaseUnit);
        if (split == null) {
            return new HoldoutCounts(new Definitions(calibrationEnd, holdoutEnd, unit, purchaseUnit), Long.MAX_VALUE,
                    new TreeMap<>(), new TreeMap<>());
        }
        return of(split);
    }

    /**
     * Combines the counts of two disjoint sets of customers into the counts of both.
     *
     * @param other counts of other customers with the same definitions, not null
     * @return the combined counts, never null
     * @throws IllegalArgumentException if the calibration end, holdout end, time unit or purchase
     *     unit differ
     */
    public HoldoutCounts combine(HoldoutCounts other) {
        Objects.requireNonNull(other, "other");
        Definitions d = definitions;
        if (!d.equals(other.definitions)) {
            throw new IllegalArgumentException("holdout counts of different splits do not combine: " + d + " and "
                    + other.definitions);
        }
        TreeMap<Entry, Long> entries = entries();
        other.entries().forEach((e, c) -> entries.merge(e, c, Long::sum));
        TreeMap<Long, Long> repeats = repeatsByDay();
        other.repeatsByDay().forEach((day, c) -> repeats.merge(day, c, Long::sum));
        return new HoldoutCounts(d, Math.min(originDay, other.originDay), entries, repeats);
    }

    private TreeMap<Entry, Long> entries() {
        TreeMap<Entry, Long> entries = new TreeMap<>();
        for (int k = 0; k < x.length; k++) {
            entries.put(new Entry(x[k], tx[k], bigT[k], actual[k]), customers[k]);
        }
        return entries;
    }

    private TreeMap<Long, Long> repeatsByDay() {
        TreeMap<Long, Long> repeats = new TreeMap<>();
        for (int k = 0; k < repeatDays.length; k++) {
            repeats.put(repeatDays[k], repeatCounts[k]);
        }
        return repeats;
    }

    /**
     * Returns the number of calibration customers.
     *
     * @return the customers, not negative
     */
    public long customers() {
        return Arrays.stream(customers).sum();
    }

    /**
     * Returns the calibration data for fitting: the single-machine {@link CalibrationHoldout#data()}'s
     * patterns and weights.
     *
     * @return the data, never null
     * @throws IllegalArgumentException if there is no customer
     */
    public BtydData data() {
        if (x.length == 0) {
            throw new IllegalArgumentException("no customer purchased on or before the calibration end "
                    + definitions.calibrationEnd());
        }
        double[] weights = new double[customers.length];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = customers[k];
        }
        return BtydData.ofPatterns(x, tx, bigT, weights, definitions.unit());
    }

    /**
     * Returns the number of entries: distinct (x, t_x, T, holdout transactions).
     *
     * @return the entries, not negative
     */
    int entryCount() {
        return x.length;
    }

    int x(int k) {
        return x[k];
    }

    double tx(int k) {
        return tx[k];
    }

    double bigT(int k) {
        return bigT[k];
    }

    int actual(int k) {
        return actual[k];
    }

    long customers(int k) {
        return customers[k];
    }

    /**
     * Returns the length of the holdout in the unit.
     *
     * @return the length, positive
     */
    public double holdoutLength() {
        return definitions.unit().fromDays(definitions.holdoutEnd().toEpochDay()
                - definitions.calibrationEnd().toEpochDay());
    }

    /**
     * Returns the model time unit.
     *
     * @return the unit, never null
     */
    public PeriodUnit unit() {
        return definitions.unit();
    }

    /**
     * Returns the number of tracking periods, as {@link CalibrationHoldout#trackingPeriods()}.
     *
     * @return the number of periods, at least 1; 0 without customers
     */
    public int trackingPeriods() {
        return x.length == 0 ? 0 : trackingPeriods(unit(), originDay, definitions.holdoutEnd().toEpochDay());
    }

    /**
     * Returns the cohort's cumulative repeat transactions per tracking period, as
     * {@link CalibrationHoldout#cumulativeRepeatTransactions()}.
     *
     * @return the cumulative counts, one per tracking period, never null
     */
    public double[] cumulativeRepeatTransactions() {
        return cumulative(unit(), originDay, trackingPeriods(), repeatDays, repeatCounts);
    }

    /**
     * Returns the customers per birth (the time from the cohort's first purchase day to the
     * customer's first, in the unit, {@code max(T) - T}, as {@link CalibrationHoldout#births()}).
     */
    TreeMap<Double, Long> customersByBirth() {
        TreeMap<Double, Long> births = new TreeMap<>();
        double max = unit().fromDays(definitions.calibrationEnd().toEpochDay() - originDay);
        for (int k = 0; k < x.length; k++) {
            births.merge(Math.max(0, max - bigT[k]), customers[k], Long::sum);
        }
        return births;
    }

    /** The number of whole or partial periods from the origin day to the end day, inclusive. */
    static int trackingPeriods(PeriodUnit unit, long originDay, long endDay) {
        return (int) Math.ceil(unit.fromDays(endDay + 1 - originDay) - 1e-9);
    }

    /**
     * Cumulative repeat transactions per period: element {@code k - 1} counts those before day
     * {@code origin + k * unit}.
     */
    static double[] cumulative(PeriodUnit unit, long originDay, int periods, long[] days, long[] counts) {
        double[] r = new double[periods];
        double len = unit.days();
        for (int i = 0; i < days.length; i++) {
            int k = (int) Math.floor((days[i] - originDay) / len);
            if (k < periods) {
                r[k] += counts[i];
            }
        }
        for (int k = 1; k < periods; k++) {
            r[k] += r[k - 1];
        }
        return r;
    }

    /**
     * Describes the counts.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "HoldoutCounts[calibration through " + definitions.calibrationEnd() + ", holdout through "
                + definitions.holdoutEnd() + ", " + unit() + ", " + definitions.purchaseUnit() + ", " + customers()
                + " customers, " + x.length + " entries]";
    }
}
