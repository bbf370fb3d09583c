package io.crmkit.metrics.loyalty;

import io.crmkit.core.loyalty.PointsRounding;
import io.crmkit.core.loyalty.TierRules;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Replays one customer's events into points and tiers: the one place the ledger's rules live.
 * Scratch buffers are reused from customer to customer; not thread-safe.
 *
 * <p>Event order: time, then kind ({@link #CREDIT} before {@link #REVERSE} before {@link #REDEEM}),
 * then orders before transactions, transactions by identifier, then points. Before the events of an
 * instant {@code t}, every lot credited at or before {@code t - expiry} expires.
 *
 * <p>A return row (an order event of kind {@link #REVERSE}) carries its rate in {@link #points} and
 * its negative net amount in {@link #spend}; the points it takes back are computed in replay order
 * from the customer's cumulative returned amount: {@code rate x (units(R_k) - units(R_{k-1}))}, so
 * returns split into small rows take back what one return of their total would. Totals are checked
 * for overflow ({@link ArithmeticException}).
 */
final class Replay {

    static final byte CREDIT = 0;
    static final byte REVERSE = 1;
    static final byte REDEEM = 2;

    /** Receives what the replay finds beyond the per-customer totals. */
    interface Sink {
        void shortfall(int source, long at, byte kind, long asked, long applied);

        void tierChange(long at, int level);
    }

    // the customer's events
    int n;
    long[] time = new long[16];
    byte[] kind = new byte[16];
    long[] points = new long[16];
    /** Spend of an order event in minor units (negative for a return); 0 for a transaction. */
    long[] spend = new long[16];
    /** Whether the event is an order (its spend qualifies for tiers). */
    boolean[] order = new boolean[16];
    /** The transaction's identifier, null for an order. */
    String[] tie = new String[16];
    /** The transaction's index in the caller's list, -1 for an order. */
    int[] source = new int[16];
    /** The points an event actually moved in the last run (credited, taken back or redeemed). */
    private long[] applied = new long[16];

    // lots of unspent points, oldest first: [head, tail)
    private long[] lotTime = new long[16];
    private long[] lotLeft = new long[16];
    private int head;
    private int tail;

    // results of the last run
    long earned;
    long redeemed;
    long expired;
    long reversed;
    long redeemShortfall;
    long reverseShortfall;
    long periodEarned;
    long periodRedeemed;
    long periodExpired;
    long qualifying;
    int level;
    long tierSince;
    long eventsAfterAsOf;

    void clear() {
        n = 0;
    }

    void add(long at, byte k, long pts, long spendMinor, boolean isOrder, String id, int src) {
        if (n == time.length) {
            int size = n * 2;
            time = Arrays.copyOf(time, size);
            kind = Arrays.copyOf(kind, size);
            points = Arrays.copyOf(points, size);
            spend = Arrays.copyOf(spend, size);
            order = Arrays.copyOf(order, size);
            tie = Arrays.copyOf(tie, size);
            source = Arrays.copyOf(source, size);
            applied = Arrays.copyOf(applied, size);
        }
        time[n] = at;
        kind[n] = k;
        points[n] = pts;
        spend[n] = spendMinor;
        order[n] = isOrder;
        tie[n] = id;
        source[n] = src;
        n++;
    }

    private int compare(int a, int b) {
        if (time[a] != time[b]) {
            return Long.compare(time[a], time[b]);
        }
        if (kind[a] != kind[b]) {
            return Byte.compare(kind[a], kind[b]);
        }
        if (tie[a] != tie[b]) {
            if (tie[a] == null) {
                return -1;
            }
            if (tie[b] == null) {
                return 1;
            }
            int c = tie[a].compareTo(tie[b]);
            if (c != 0) {
                return c;
            }
        }
        if (points[a] != points[b]) {
            return Long.compare(points[a], points[b]);
        }
        return Long.compare(spend[a], spend[b]);
    }

    /** Puts the events in replay order (most customers already are). */
    private void sort() {
        boolean sorted = true;
        for (int k = 1; k < n && sorted; k++) {
            sorted = compare(k - 1, k) <= 0;
        }
        if (sorted) {
            return;
        }
        if (n <= 64) {
            for (int i = 1; i < n; i++) {
                for (int j = i; j > 0 && compare(j - 1, j) > 0; j--) {
                    swap(j - 1, j);
                }
            }
            return;
        }
        Integer[] index = new Integer[n];
        for (int k = 0; k < n; k++) {
            index[k] = k;
        }
        Arrays.sort(index, (Comparator<Integer>) (a, b) -> compare(a, b));
        long[] t = new long[n];
        byte[] kd = new byte[n];
        long[] p = new long[n];
        long[] s = new long[n];
        boolean[] o = new boolean[n];
        String[] ti = new String[n];
        int[] src = new int[n];
        for (int k = 0; k < n; k++) {
            int i = index[k];
            t[k] = time[i];
            kd[k] = kind[i];
            p[k] = points[i];
            s[k] = spend[i];
            o[k] = order[i];
            ti[k] = tie[i];
            src[k] = source[i];
        }
        System.arraycopy(t, 0, time, 0, n);
        System.arraycopy(kd, 0, kind, 0, n);
        System.arraycopy(p, 0, points, 0, n);
        System.arraycopy(s, 0, spend, 0, n);
        System.arraycopy(o, 0, order, 0, n);
        System.arraycopy(ti, 0, tie, 0, n);
        System.arraycopy(src, 0, source, 0, n);
    }

    private void swap(int a, int b) {
        long t = time[a];
        time[a] = time[b];
        time[b] = t;
        byte k = kind[a];
        kind[a] = kind[b];
        kind[b] = k;
        long p = points[a];
        points[a] = points[b];
        points[b] = p;
        long s = spend[a];
        spend[a] = spend[b];
        spend[b] = s;
        boolean o = order[a];
        order[a] = order[b];
        order[b] = o;
        String ti = tie[a];
        tie[a] = tie[b];
        tie[b] = ti;
        int src = source[a];
        source[a] = source[b];
        source[b] = src;
    }

    /**
     * Replays the events up to {@code asOf} inclusive.
     *
     * @param asOf the as-of instant, epoch microseconds
     * @param expiry the expiry period in microseconds, {@link Long#MAX_VALUE} for none
     * @param periodStart flows are counted in {@code (periodStart, asOf]}
     * @param rules the tier rules
     * @param window the tier window in microseconds
     * @param unitScale minor units per currency unit (spend basis) or 1 (points basis)
     * @param spendBasis whether tiers qualify on spend
     * @param rounding the rounding of a return's cumulative amount to whole units
     * @param minorPerUnit minor units per currency unit of the orders
     * @param sink receives shortfalls and tier changes
     * @throws ArithmeticException if a total exceeds the range of {@code long}
     */
    void run(long asOf, long expiry, long periodStart, TierRules rules, long window, long unitScale,
            boolean spendBasis, PointsRounding rounding, long minorPerUnit, Sink sink) {
        sort();
        long returnedMinor = 0;
        long returnedUnits = 0;
        earned = 0;
        redeemed = 0;
        expired = 0;
        reversed = 0;
        redeemShortfall = 0;
        reverseShortfall = 0;
        periodEarned = 0;
        periodRedeemed = 0;
        periodExpired = 0;
        eventsAfterAsOf = 0;
        head = 0;
        tail = 0;
        int used = 0;
        for (int k = 0; k < n; k++) {
            long t = time[k];
            if (t > asOf) {
                eventsAfterAsOf = n - k;
                break;
            }
            used = k + 1;
            expire(t, expiry, periodStart, asOf);
            long p = points[k];
            boolean inPeriod = t > periodStart;
            switch (kind[k]) {
                case CREDIT -> {
                    applied[k] = p;
                    if (p > 0) {
                        earned = Math.addExact(earned, p);
                        if (inPeriod) {
                            periodEarned = Math.addExact(periodEarned, p);
                        }
                        if (tail > head && lotTime[tail - 1] == t) {
                            lotLeft[tail - 1] = Math.addExact(lotLeft[tail - 1], p);
                        } else {
                            pushLot(t, p);
                        }
                    }
                }
                case REVERSE -> {
                    if (order[k]) {
                        returnedMinor = Math.subtractExact(returnedMinor, spend[k]);
                        long units = rounding.wholeUnits(returnedMinor, minorPerUnit);
                        p = Math.multiplyExact(points[k], units - returnedUnits);
                        returnedUnits = units;
                    }
                    long left = p;
                    while (left > 0 && tail > head) {
                        long take = Math.min(left, lotLeft[tail - 1]);
                        lotLeft[tail - 1] -= take;
                        left -= take;
                        if (lotLeft[tail - 1] == 0) {
                            tail--;
                        }
                    }
                    applied[k] = p - left;
                    reversed = Math.addExact(reversed, p - left);
                    if (left > 0) {
                        reverseShortfall = Math.addExact(reverseShortfall, left);
                        sink.shortfall(source[k], t, REVERSE, p, p - left);
                    }
                }
                default -> {
                    long left = p;
                    while (left > 0 && tail > head) {
                        long take = Math.min(left, lotLeft[head]);
                        lotLeft[head] -= take;
                        left -= take;
                        if (lotLeft[head] == 0) {
                            head++;
                        }
                    }
                    applied[k] = p - left;
                    redeemed = Math.addExact(redeemed, p - left);
                    if (inPeriod) {
                        periodRedeemed = Math.addExact(periodRedeemed, p - left);
                    }
                    if (left > 0) {
                        redeemShortfall = Math.addExact(redeemShortfall, left);
                        sink.shortfall(source[k], t, REDEEM, p, p - left);
                    }
                }
            }
        }
        expire(asOf, expiry, periodStart, asOf);
        tiers(used, asOf, rules, window, unitScale, spendBasis, sink);
    }

    /** The points left: the balance after {@link #run}. */
    long balance() {
        long b = 0;
        for (int i = head; i < tail; i++) {
            b = Math.addExact(b, lotLeft[i]);
        }
        return b;
    }

    private void expire(long t, long expiry, long periodStart, long asOf) {
        if (expiry == Long.MAX_VALUE) {
            return;
        }
        while (tail > head) {
            long expiresAt = saturatedAdd(lotTime[head], expiry);
            if (expiresAt > t) {
                return;
            }
            long p = lotLeft[head];
            expired = Math.addExact(expired, p);
            if (expiresAt > periodStart && expiresAt <= asOf) {
                periodExpired = Math.addExact(periodExpired, p);
            }
            head++;
        }
    }

    private void pushLot(long t, long p) {
        if (tail == lotTime.length) {
            if (head > 0) {
                System.arraycopy(lotTime, head, lotTime, 0, tail - head);
                System.arraycopy(lotLeft, head, lotLeft, 0, tail - head);
                tail -= head;
                head = 0;
            }
            if (tail == lotTime.length) {
                lotTime = Arrays.copyOf(lotTime, tail * 2);
                lotLeft = Arrays.copyOf(lotLeft, tail * 2);
            }
        }
        lotTime[tail] = t;
        lotLeft[tail] = p;
        tail++;
    }

    /**
     * Sweeps the qualifying value over time: an event at {@code s} enters the window at {@code s}
     * and leaves it at {@code s + window}; the level is recomputed at each such instant up to asOf.
     */
    private void tiers(int used, long asOf, TierRules rules, long window, long unitScale, boolean spendBasis,
            Sink sink) {
        long value = 0;
        int current = 0;
        long since = Long.MIN_VALUE;
        int in = 0;
        int out = 0;
        while (true) {
            in = nextContribution(in, used, spendBasis);
            out = nextContribution(out, used, spendBasis);
            long nextIn = in < used ? time[in] : Long.MAX_VALUE;
            long nextOut = out < used ? saturatedAdd(time[out], window) : Long.MAX_VALUE;
            long t = Math.min(nextIn, nextOut);
            if (t > asOf) {
                break;
            }
            while (out < used && saturatedAdd(time[out], window) == t) {
                value = Math.subtractExact(value, contribution(out, spendBasis));
                out = nextContribution(out + 1, used, spendBasis);
            }
            while (in < used && time[in] == t) {
                value = Math.addExact(value, contribution(in, spendBasis));
                in = nextContribution(in + 1, used, spendBasis);
            }
            int lv = rules.level(value, unitScale);
            if (lv != current) {
                current = lv;
                since = t;
                sink.tierChange(t, lv);
            }
        }
        qualifying = value;
        level = current;
        tierSince = since;
    }

    private int nextContribution(int k, int used, boolean spendBasis) {
        while (k < used && contribution(k, spendBasis) == 0) {
            k++;
        }
        return k;
    }

    /**
     * What an event adds to the qualifying value: its net spend (returns negative) under the spend
     * basis; under the points basis the points it credited, minus the points a return, reversal or
     * negative adjustment actually took back.
     */
    private long contribution(int k, boolean spendBasis) {
        if (spendBasis) {
            return order[k] ? spend[k] : 0;
        }
        return switch (kind[k]) {
            case CREDIT -> applied[k];
            case REVERSE -> -applied[k];
            default -> 0;
        };
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }
}
