package io.crmkit.metrics.clv;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryAccumulator;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A calibration/holdout split of an order stream, on the day clock with completed orders, and by
 * default in the BTYD convention (same-day orders are one transaction; {@link PurchaseUnit#ORDER}
 * makes every order one): the calibration summaries up to the end of
 * {@code calibrationEnd}, each calibration customer's number of transactions in the holdout
 * ({@code calibrationEnd}, {@code holdoutEnd}], and the repeat transactions of the calibration
 * cohort per day, for tracking.
 *
 * <p>Input: each customer's orders in time order (as every {@code OrderRepository} stream
 * provides); an order earlier than that customer's last one raises {@link IllegalArgumentException}.
 * Memory: proportional to customers plus days, not orders. Customers whose first purchase falls in
 * the holdout are not part of the cohort.
 *
 * <p>Immutable and thread-safe.
 */
public final class CalibrationHoldout {

    private final PurchaseSummaries calibration;
    private final BtydData data;
    private final int[] holdoutTransactions;
    private final double holdoutLength;
    private final PeriodUnit unit;
    private final long originDay;
    private final long endDay;
    private final TreeMap<Long, Long> repeatsByDay;
    private final LocalDate calibrationEnd;
    private final LocalDate holdoutEnd;
    private final PurchaseUnit purchaseUnit;

    private CalibrationHoldout(PurchaseSummaries calibration, int[] holdout, PeriodUnit unit, long originDay,
            TreeMap<Long, Long> repeatsByDay, LocalDate calibrationEnd, LocalDate holdoutEnd, PurchaseUnit purchaseUnit) {
        this.purchaseUnit = purchaseUnit;
        this.calibration = calibration;
        this.data = BtydData.of(calibration.btyd());
        this.holdoutTransactions = holdout;
        this.unit = unit;
        this.holdoutLength = unit.fromDays(holdoutEnd.toEpochDay() - calibrationEnd.toEpochDay());
        this.originDay = originDay;
        this.endDay = holdoutEnd.toEpochDay();
        this.repeatsByDay = repeatsByDay;
        this.calibrationEnd = calibrationEnd;
        this.holdoutEnd = holdoutEnd;
    }

    /**
     * Splits orders at the end of {@code calibrationEnd}.
     *
     * @param orders the orders, each customer's in time order, not null
     * @param calibrationEnd the last calibration day, not null
     * @param holdoutEnd the last holdout day, after {@code calibrationEnd}, not null
     * @param zone the zone of calendar days, not null
     * @param unit the model time unit, not null
     * @return the split, never null
     * @throws IllegalArgumentException if the days are not in order, a customer's orders are out
     *     of time order, or no customer purchased in the calibration period
     */
    public static CalibrationHoldout split(Iterable<? extends Order> orders, LocalDate calibrationEnd,
            LocalDate holdoutEnd, ZoneId zone, PeriodUnit unit) {
        return split(orders, calibrationEnd, holdoutEnd, zone, unit, PurchaseUnit.DAY);
    }

    /**
     * Splits orders at the end of {@code calibrationEnd}, with a stated purchase unit: with
     * {@link PurchaseUnit#DAY} (the BTYD convention) a customer's orders on one day are one
     * transaction, with {@link PurchaseUnit#ORDER} every order is one.
     *
     * @param orders the orders, each customer's in time order, not null
     * @param calibrationEnd the last calibration day, not null
     * @param holdoutEnd the last holdout day, after {@code calibrationEnd}, not null
     * @param zone the zone of calendar days, not null
     * @param unit the model time unit, not null
     * @param purchaseUnit what one transaction is, not null
     * @return the split, never null
     * @throws IllegalArgumentException if the days are not in order, a customer's orders are out
     *     of time order, or no customer purchased in the calibration period
     */
    public static CalibrationHoldout split(Iterable<? extends Order> orders, LocalDate calibrationEnd,
            LocalDate holdoutEnd, ZoneId zone, PeriodUnit unit, PurchaseUnit purchaseUnit) {
        Objects.requireNonNull(orders, "orders");
        checkArguments(calibrationEnd, holdoutEnd, zone, unit, purchaseUnit);
        PurchaseHistoryOptions options = options(calibrationEnd, zone, unit, purchaseUnit);
        boolean everyOrder = purchaseUnit == PurchaseUnit.ORDER;
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(options);
        long calDay = calibrationEnd.toEpochDay();
        long endDay = holdoutEnd.toEpochDay();
        Map<CustomerId, long[]> seen = new HashMap<>(); // first day, last day, holdout days
        DayCounts repeats = new DayCounts();
        for (Order o : orders) {
            acc.accept(o);
            if (!options.countedCategories().contains(o.status().category())) {
                continue;
            }
            long day = LocalDate.ofInstant(o.placedAt(), zone).toEpochDay();
            if (day > endDay) {
                continue;
            }
            long[] s = seen.get(o.customerId());
            if (s == null) {
                if (day <= calDay) {
                    seen.put(o.customerId(), new long[] {day, day, 0});
                }
                // first purchase in the holdout: not part of the calibration cohort
                continue;
            }
            if (day < s[1]) {
                throw new IllegalArgumentException("order " + o.id() + " of customer " + o.customerId()
                        + " is earlier than that customer's previous order; each customer's orders must be in time order");
            }
            if (day > s[1] || everyOrder) {
                s[1] = day;
                repeats.add(day);
                if (day > calDay) {
                    s[2]++;
                }
            }
        }
        PurchaseSummaries cal = acc.toSummaries();
        if (cal.size() == 0) {
            throw new IllegalArgumentException("no customer purchased on or before the calibration end " + calibrationEnd);
        }
        int[] holdout = new int[cal.size()];
        long origin = Long.MAX_VALUE;
        for (long[] s : seen.values()) {
            origin = Math.min(origin, s[0]);
        }
        for (int i = 0; i < cal.size(); i++) {
            long[] st = seen.get(cal.customerId(i));
            holdout[i] = st == null ? 0 : (int) st[2];
        }
        return new CalibrationHoldout(cal, holdout, unit, origin, repeats.toMap(), calibrationEnd, holdoutEnd,
                purchaseUnit);
    }

    /**
     * The order unit's split in one pass over the rows in any order, without putting them in
     * customer and time order: every counted order of a calibration customer through the holdout
     * end is a repeat but the customer's first purchase, and a holdout transaction after the
     * calibration end. Null when the summaries' customers are not the batch's in its order (then
     * the general path runs).
     */
    private static CalibrationHoldout splitByOrder(OrderBatch batch, PurchaseSummaries cal,
            PurchaseHistoryOptions options, LocalDays days, long calDay, long endDay, PeriodUnit unit,
            LocalDate calibrationEnd, LocalDate holdoutEnd) {
        int[] calOf = new int[batch.customerCount()];
        int i = 0;
        for (int c = 0; c < calOf.length; c++) {
            CustomerId id = batch.customerId(c);
            if (i < cal.size() && (cal.customerId(i) == id || cal.customerId(i).equals(id))) {
                calOf[c] = i++;
            } else {
                calOf[c] = -1;
            }
        }
        if (i != cal.size()) {
            return null;
        }
        boolean[] counted = new boolean[OrderStatusCategory.values().length];
        options.countedCategories().forEach(category -> counted[category.ordinal()] = true);
        int[] holdout = new int[cal.size()];
        DayCounts repeats = new DayCounts();
        for (int r = 0, n = batch.rowCount(); r < n; r++) {
            int k = calOf[batch.customerIndex(r)];
            if (k < 0 || batch.isReturn(r) || !counted[batch.category(r).ordinal()]) {
                continue;
            }
            long day = days.epochDayOfMicros(batch.placedAtMicros(r));
            if (day > endDay) {
                continue;
            }
            repeats.add(day);
            if (day > calDay) {
                holdout[k]++;
            }
        }
        long origin = Long.MAX_VALUE;
        for (int k = 0; k < cal.size(); k++) {
            Instant first = cal.firstPurchaseAt(k);
            long day = days.epochDay(first.getEpochSecond());
            repeats.remove(day); // a customer's first purchase is not a repeat
            origin = Math.min(origin, day);
        }
        return new CalibrationHoldout(cal, holdout, unit, origin, repeats.toMap(), calibrationEnd, holdoutEnd,
                PurchaseUnit.ORDER);
    }

    /** Counts per epoch day in an array over the days seen (a map entry per repeat was a third of a split). */
    private static final class DayCounts {
        private long first;
        private long[] counts = new long[0];

        void add(long day) {
            if (counts.length == 0) {
                first = day;
                counts = new long[64];
            } else if (day < first) {
                long shift = first - day;
                long[] grown = new long[(int) Math.max(counts.length + shift, counts.length * 2L)];
                System.arraycopy(counts, 0, grown, (int) shift, counts.length);
                counts = grown;
                first = day;
            } else if (day - first >= counts.length) {
                counts = java.util.Arrays.copyOf(counts, (int) Math.max(day - first + 1, counts.length * 2L));
            }
            counts[(int) (day - first)]++;
        }

        /** Takes one count of a day counted before. */
        void remove(long day) {
            counts[(int) (day - first)]--;
        }

        TreeMap<Long, Long> toMap() {
            TreeMap<Long, Long> map = new TreeMap<>();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    map.put(first + k, counts[k]);
                }
            }
            return map;
        }
    }

    private static void checkArguments(LocalDate calibrationEnd, LocalDate holdoutEnd, ZoneId zone, PeriodUnit unit,
            PurchaseUnit purchaseUnit) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(holdoutEnd, "holdoutEnd");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(purchaseUnit, "purchaseUnit");
        if (!holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("holdoutEnd " + holdoutEnd + " must be after calibrationEnd "
                    + calibrationEnd);
        }
    }

    /** The calibration definitions: day clock through the calibration end, completed orders, net. */
    private static PurchaseHistoryOptions options(LocalDate calibrationEnd, ZoneId zone, PeriodUnit unit,
            PurchaseUnit purchaseUnit) {
        return PurchaseHistoryOptions.builder(AsOf.endOfDay(calibrationEnd)).zone(zone).purchaseUnit(purchaseUnit)
                .timeUnit(unit).build();
    }

    /**
     * Splits a columnar batch in the BTYD convention ({@link PurchaseUnit#DAY}), as
     * {@link #split(OrderBatch, LocalDate, LocalDate, ZoneId, PeriodUnit, PurchaseUnit)} does.
     *
     * @param batch the orders, not null
     * @param calibrationEnd the last calibration day, not null
     * @param holdoutEnd the last holdout day, after {@code calibrationEnd}, not null
     * @param zone the zone of calendar days, not null
     * @param unit the model time unit, not null
     * @return the split, never null
     */
    public static CalibrationHoldout split(OrderBatch batch, LocalDate calibrationEnd, LocalDate holdoutEnd,
            ZoneId zone, PeriodUnit unit) {
        return split(batch, calibrationEnd, holdoutEnd, zone, unit, PurchaseUnit.DAY);
    }

    /**
     * Splits a columnar batch at the end of {@code calibrationEnd}, as
     * {@link #split(Iterable, LocalDate, LocalDate, ZoneId, PeriodUnit, PurchaseUnit)} splits the same orders: the
     * calibration summaries come from the batch summariser, the holdout transactions from one walk
     * over each customer's rows in time order ({@link OrderBatch#byCustomer}). Rows may
     * be in any order. Returns lower a customer's calibration revenue (net basis) and are never
     * transactions.
     *
     * @param batch the orders, not null
     * @param calibrationEnd the last calibration day, not null
     * @param holdoutEnd the last holdout day, after {@code calibrationEnd}, not null
     * @param zone the zone of calendar days, not null
     * @param unit the model time unit, not null
     * @param purchaseUnit what one transaction is, not null
     * @return the split, never null
     * @throws IllegalArgumentException if the days are not in order or no customer purchased in
     *     the calibration period
     */
    public static CalibrationHoldout split(OrderBatch batch, LocalDate calibrationEnd, LocalDate holdoutEnd,
            ZoneId zone, PeriodUnit unit, PurchaseUnit purchaseUnit) {
        CalibrationHoldout split = splitOrNull(batch, calibrationEnd, holdoutEnd, zone, unit, purchaseUnit);
        if (split == null) {
            throw new IllegalArgumentException("no customer purchased on or before the calibration end " + calibrationEnd);
        }
        return split;
    }

    /** {@link #split(OrderBatch, LocalDate, LocalDate, ZoneId, PeriodUnit, PurchaseUnit)}, null without customers. */
    static CalibrationHoldout splitOrNull(OrderBatch batch, LocalDate calibrationEnd, LocalDate holdoutEnd,
            ZoneId zone, PeriodUnit unit, PurchaseUnit purchaseUnit) {
        Objects.requireNonNull(batch, "batch");
        checkArguments(calibrationEnd, holdoutEnd, zone, unit, purchaseUnit);
        PurchaseHistoryOptions options = options(calibrationEnd, zone, unit, purchaseUnit);
        boolean everyOrder = purchaseUnit == PurchaseUnit.ORDER;
        PurchaseSummaries cal = PurchaseHistory.summarize(batch, options);
        if (cal.size() == 0) {
            return null;
        }
        long calDay = calibrationEnd.toEpochDay();
        long endDay = holdoutEnd.toEpochDay();
        LocalDays days = new LocalDays(zone);
        if (everyOrder) {
            CalibrationHoldout split = splitByOrder(batch, cal, options, days, calDay, endDay, unit, calibrationEnd,
                    holdoutEnd);
            if (split != null) {
                return split;
            }
        }
        OrderBatch.CustomerRows rows = batch.byCustomer(options.revenueBasis());
        int[] holdout = new int[cal.size()];
        DayCounts repeats = new DayCounts();
        long origin = Long.MAX_VALUE;
        int i = 0;
        for (int c = 0; c < batch.customerCount(); c++) {
            long first = Long.MIN_VALUE;
            long last = Long.MIN_VALUE;
            int inHoldout = 0;
            for (int k = rows.start(c), to = rows.start(c + 1); k < to; k++) {
                if (rows.isReturn(k) || !options.countedCategories().contains(rows.category(k))) {
                    continue;
                }
                long day = days.epochDayOfMicros(rows.placedAtMicros(k));
                if (day > endDay) {
                    break;
                }
                if (first == Long.MIN_VALUE) {
                    if (day > calDay) {
                        break; // first purchase in the holdout: not part of the calibration cohort
                    }
                    first = day;
                    last = day;
                } else if (day > last || everyOrder) {
                    last = day;
                    repeats.add(day);
                    if (day > calDay) {
                        inHoldout++;
                    }
                }
            }
            if (first != Long.MIN_VALUE) {
                origin = Math.min(origin, first);
                CustomerId id = batch.customerId(c);
                while (!cal.customerId(i).equals(id)) {
                    i++;
                }
                holdout[i] = inHoldout;
            }
        }
        return new CalibrationHoldout(cal, holdout, unit, origin, repeats.toMap(), calibrationEnd, holdoutEnd,
                purchaseUnit);
    }

    /**
     * Returns the calibration summaries.
     *
     * @return the summaries, never null
     */
    public PurchaseSummaries calibration() {
        return calibration;
    }

    /**
     * Returns the calibration data for fitting, rows in the order of {@link #calibration()}.
     *
     * @return the data, never null
     */
    public BtydData data() {
        return data;
    }

    /**
     * Returns each calibration customer's number of transactions (distinct purchase days) in the
     * holdout, in the order of {@link #calibration()}.
     *
     * @return a copy of the counts, never null
     */
    public int[] holdoutTransactions() {
        return holdoutTransactions.clone();
    }

    /**
     * Returns a customer's holdout transactions.
     *
     * @param id the customer, not null
     * @return the count, empty if the customer is not in the calibration cohort
     */
    public OptionalInt holdoutTransactions(CustomerId id) {
        OptionalInt i = calibration.indexOf(id);
        return i.isPresent() ? OptionalInt.of(holdoutTransactions[i.getAsInt()]) : OptionalInt.empty();
    }

    /**
     * Returns the length of the holdout in the unit.
     *
     * @return the length, positive
     */
    public double holdoutLength() {
        return holdoutLength;
    }

    /**
     * Returns the model time unit.
     *
     * @return the unit, never null
     */
    public PeriodUnit unit() {
        return unit;
    }

    /**
     * Returns the number of whole or partial periods (of the unit) from the cohort's first purchase
     * day to the holdout end.
     *
     * @return the number of tracking periods, at least 1
     */
    public int trackingPeriods() {
        return HoldoutCounts.trackingPeriods(unit, originDay, endDay);
    }

    /**
     * Returns the cohort's cumulative repeat transactions at the end of each tracking period:
     * element {@code k - 1} counts repeat purchase days before day {@code origin + k * unit}, where
     * the origin is the cohort's first purchase day.
     *
     * @return the cumulative counts, one per tracking period, never null
     */
    public double[] cumulativeRepeatTransactions() {
        long[] days = new long[repeatsByDay.size()];
        long[] counts = new long[days.length];
        int k = 0;
        for (Map.Entry<Long, Long> e : repeatsByDay.entrySet()) {
            days[k] = e.getKey();
            counts[k++] = e.getValue();
        }
        return HoldoutCounts.cumulative(unit, originDay, trackingPeriods(), days, counts);
    }

    /**
     * Returns each calibration customer's birth: the time from the cohort's first purchase day to
     * the customer's first purchase, in the unit ({@code max(T) - T}), in calibration order.
     *
     * @return the offsets, never null
     */
    public double[] births() {
        double[] bigT = calibration.btyd(unit).bigT();
        double max = unit.fromDays(calibrationEnd.toEpochDay() - originDay);
        for (int i = 0; i < bigT.length; i++) {
            bigT[i] = Math.max(0, max - bigT[i]);
        }
        return bigT;
    }

    LocalDate calibrationEnd() {
        return calibrationEnd;
    }

    LocalDate holdoutEnd() {
        return holdoutEnd;
    }

    PurchaseUnit purchaseUnit() {
        return purchaseUnit;
    }

    /** The cohort's first purchase day (epoch day). */
    long originDay() {
        return originDay;
    }

    /** The cohort's repeat transactions per epoch day through the holdout end (a copy). */
    TreeMap<Long, Long> repeatsByDay() {
        return new TreeMap<>(repeatsByDay);
    }

    /**
     * Describes the split, for printing next to results.
     *
     * @return the text, never null
     */
    public String describe() {
        return "calibration through " + calibrationEnd + ", holdout through " + holdoutEnd + " (" + holdoutLength + " "
                + unit + "), " + (purchaseUnit == PurchaseUnit.DAY ? "same-day orders are one transaction"
                        : "every order is a transaction") + ", completed orders, " + calibration.size()
                + " calibration customers";
    }

    /**
     * Returns a short description.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "CalibrationHoldout[" + describe() + "]";
    }
}
