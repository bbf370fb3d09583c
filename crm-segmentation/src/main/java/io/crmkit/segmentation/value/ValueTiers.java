package io.crmkit.segmentation.value;

import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.CustomerColumns;
import java.util.Arrays;
import java.util.Locale;

/**
 * Value tiers: ABC analysis by cumulative revenue or margin share or by share of customers, and
 * heavy/medium/light buyers.
 *
 * <p>Customers are ranked from the most valuable down; equal values are ordered by ascending
 * customer identifier (ABC) or kept together (heavy/medium/light). A customer belongs to a class
 * when the share accumulated <em>before</em> it is below the class's bound, so the customer that
 * crosses a bound is still in the upper class (one customer with all the revenue is an A).
 * Customers whose revenue is zero or negative (refunds) bring no share and are always C.
 *
 * <p>Time O(n log n). Stateless and thread-safe.
 */
public final class ValueTiers {

    private ValueTiers() {
    }

    /**
     * ABC by cumulative revenue share with the usual bounds 80% and 95%.
     *
     * @param customers the customers, not null
     * @return the classes, never null
     */
    public static TierAssignment<AbcClass> abcByRevenue(CustomerColumns customers) {
        return abcByRevenue(customers, 0.80, 0.95);
    }

    /**
     * ABC by cumulative revenue share: ranked by revenue, the customers reached before
     * {@code aBound} of the positive revenue is accumulated are A, before {@code bBound} B, the
     * rest C.
     *
     * @param customers the customers, not null
     * @param aBound the cumulative share that ends class A, in (0, 1]
     * @param bBound the cumulative share that ends class B, in [aBound, 1]
     * @return the classes, never null
     * @throws IllegalArgumentException if the bounds are out of range
     */
    public static TierAssignment<AbcClass> abcByRevenue(CustomerColumns customers, double aBound, double bBound) {
        Checks.notNull(customers, "customers");
        return abc(customers, customers.revenueMinorColumn(), "revenue", aBound, bBound);
    }

    /**
     * ABC by cumulative margin share with the usual bounds 80% and 95%.
     *
     * @param customers the customers, with their margin ({@link CustomerColumns#hasMargin()}), not null
     * @return the classes, never null
     * @throws IllegalStateException if the customers carry no margin
     */
    public static TierAssignment<AbcClass> abcByMargin(CustomerColumns customers) {
        return abcByMargin(customers, 0.80, 0.95);
    }

    /**
     * ABC by cumulative margin share (revenue less the cost of the goods), as
     * {@link #abcByRevenue(CustomerColumns, double, double)} ranks by revenue: a customer whose
     * margin is zero or negative (sold at or below cost, or refunded) is C.
     *
     * @param customers the customers, with their margin ({@link CustomerColumns#hasMargin()}), not null
     * @param aBound the cumulative share that ends class A, in (0, 1]
     * @param bBound the cumulative share that ends class B, in [aBound, 1]
     * @return the classes, never null
     * @throws IllegalArgumentException if the bounds are out of range
     * @throws IllegalStateException if the customers carry no margin
     */
    public static TierAssignment<AbcClass> abcByMargin(CustomerColumns customers, double aBound, double bBound) {
        Checks.notNull(customers, "customers");
        return abc(customers, customers.marginMinorColumn(), "margin", aBound, bBound);
    }

    private static TierAssignment<AbcClass> abc(CustomerColumns customers, long[] measure, String name,
            double aBound, double bBound) {
        if (!(aBound > 0 && aBound <= 1 && bBound >= aBound && bBound <= 1)) {
            throw new IllegalArgumentException("bounds must satisfy 0 < aBound <= bBound <= 1: " + aBound + ", "
                    + bBound);
        }
        int n = customers.size();
        long[] positive = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            positive[i] = Math.max(0, measure[i]);
            total = Math.addExact(total, positive[i]);
        }
        long[] desc = sortedDescending(positive);
        long[] before = new long[n + 1];
        for (int p = 0; p < n; p++) {
            before[p + 1] = before[p] + desc[p];
        }
        int[] position = stablePositions(positive, desc);
        byte[] tier = new byte[n];
        double a = aBound * total;
        double b = bBound * total;
        for (int i = 0; i < n; i++) {
            long cum = before[position[i]];
            AbcClass c = positive[i] <= 0 ? AbcClass.C : cum < a ? AbcClass.A : cum < b ? AbcClass.B : AbcClass.C;
            tier[i] = (byte) c.ordinal();
        }
        return new TierAssignment<>(customers, AbcClass.values(), tier, String.format(Locale.ROOT,
                "ABC by cumulative %s share: A before %s%%, B before %s%% of the positive %s; ranked by"
                        + " %s, ties by customer id; zero or negative %s is C",
                name, pct(aBound), pct(bBound), name, name, name));
    }

    /**
     * ABC by share of customers with the usual 20/30/50 split: the top 20% of customers by revenue
     * are A, the next 30% B, the remaining 50% C.
     *
     * @param customers the customers, not null
     * @return the classes, never null
     */
    public static TierAssignment<AbcClass> abcByCustomers(CustomerColumns customers) {
        return abcByCustomers(customers, 0.20, 0.30);
    }

    /**
     * ABC by share of customers: ranked by revenue (ties by customer identifier), the customer at
     * 0-based position {@code p} of {@code n} is A when {@code p / n < aShare}, B when
     * {@code p / n < aShare + bShare}, else C; customers without positive revenue are C.
     *
     * @param customers the customers, not null
     * @param aShare the share of customers in A, in (0, 1]
     * @param bShare the share of customers in B, in [0, 1 - aShare]
     * @return the classes, never null
     * @throws IllegalArgumentException if the shares are out of range
     */
    public static TierAssignment<AbcClass> abcByCustomers(CustomerColumns customers, double aShare, double bShare) {
        Checks.notNull(customers, "customers");
        if (!(aShare > 0 && bShare >= 0 && aShare + bShare <= 1)) {
            throw new IllegalArgumentException("shares must satisfy aShare > 0, bShare >= 0, aShare + bShare <= 1: "
                    + aShare + ", " + bShare);
        }
        int n = customers.size();
        long[] revenue = customers.revenueMinorColumn();
        long[] desc = sortedDescending(revenue);
        int[] position = stablePositions(revenue, desc);
        byte[] tier = new byte[n];
        double a = aShare * n;
        double b = (aShare + bShare) * n;
        for (int i = 0; i < n; i++) {
            int p = position[i];
            AbcClass c = revenue[i] <= 0 ? AbcClass.C : p < a ? AbcClass.A : p < b ? AbcClass.B : AbcClass.C;
            tier[i] = (byte) c.ordinal();
        }
        return new TierAssignment<>(customers, AbcClass.values(), tier, String.format(Locale.ROOT,
                "ABC by share of customers: A the top %s%%, B the next %s%%, C the rest; ranked by revenue, ties by"
                        + " customer id; zero or negative revenue is C", pct(aShare), pct(bShare)));
    }

    /**
     * Heavy, medium and light buyers with the usual 20/30/50 split by purchase frequency.
     *
     * @param customers the customers, not null
     * @return the tiers, never null
     */
    public static TierAssignment<UsageTier> usageTiers(CustomerColumns customers) {
        return usageTiers(customers, TierMeasure.FREQUENCY, 0.20, 0.30);
    }

    /**
     * Heavy, medium and light buyers, keeping ties together: a customer's rank is the number of
     * customers with a strictly higher measure ({@code b}); it is heavy when {@code b / n < heavyShare},
     * medium when {@code b / n < heavyShare + mediumShare}, else light. Equal values always share a
     * tier, so the tiers can be larger than their shares (with many one-time buyers, most are light
     * together).
     *
     * @param customers the customers, not null
     * @param measure what customers are ranked by, not null
     * @param heavyShare the share of heavy buyers, in (0, 1]
     * @param mediumShare the share of medium buyers, in [0, 1 - heavyShare]
     * @return the tiers, never null
     * @throws IllegalArgumentException if the shares are out of range
     * @throws IllegalStateException if the measure is the margin and the customers carry none
     */
    public static TierAssignment<UsageTier> usageTiers(CustomerColumns customers, TierMeasure measure,
            double heavyShare, double mediumShare) {
        Checks.notNull(customers, "customers");
        Checks.notNull(measure, "measure");
        if (!(heavyShare > 0 && mediumShare >= 0 && heavyShare + mediumShare <= 1)) {
            throw new IllegalArgumentException("shares must satisfy heavyShare > 0, mediumShare >= 0, sum <= 1: "
                    + heavyShare + ", " + mediumShare);
        }
        if (measure == TierMeasure.MARGIN && !customers.hasMargin()) {
            throw new IllegalStateException("heavy/medium/light by margin needs each customer's margin, and these"
                    + " customer columns carry none: their orders had no cost of goods");
        }
        int n = customers.size();
        long[] value = new long[n];
        for (int i = 0; i < n; i++) {
            value[i] = switch (measure) {
                case FREQUENCY -> customers.frequency(i);
                case REVENUE -> customers.revenueMinor(i);
                case MARGIN -> customers.marginMinor(i);
            };
        }
        long[] asc = value.clone();
        Arrays.sort(asc);
        byte[] tier = new byte[n];
        double h = heavyShare * n;
        double m = (heavyShare + mediumShare) * n;
        for (int i = 0; i < n; i++) {
            int better = n - upperBound(asc, value[i]);
            UsageTier t = better < h ? UsageTier.HEAVY : better < m ? UsageTier.MEDIUM : UsageTier.LIGHT;
            tier[i] = (byte) t.ordinal();
        }
        return new TierAssignment<>(customers, UsageTier.values(), tier, String.format(Locale.ROOT,
                "heavy/medium/light by %s: heavy the top %s%%, medium the next %s%%, light the rest; equal values"
                        + " share a tier", measure.name().toLowerCase(Locale.ROOT), pct(heavyShare),
                pct(mediumShare)));
    }

    private static String pct(double share) {
        return new java.math.BigDecimal(Double.toString(share * 100)).stripTrailingZeros().toPlainString();
    }

    static long[] sortedDescending(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            long t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /**
     * Each row's 0-based position in descending order, equal values ordered by row (customer id).
     */
    static int[] stablePositions(long[] values, long[] desc) {
        int n = values.length;
        int[] seen = new int[n];
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            int greater = countGreater(desc, values[i]);
            position[i] = greater + seen[greater]++;
        }
        return position;
    }

    /** The number of values strictly greater than {@code v} in a descending array. */
    private static int countGreater(long[] desc, long v) {
        int lo = 0;
        int hi = desc.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (desc[mid] > v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(long[] asc, long v) {
        int lo = 0;
        int hi = asc.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (asc[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
