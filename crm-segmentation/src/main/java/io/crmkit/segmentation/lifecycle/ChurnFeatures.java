package io.crmkit.segmentation.lifecycle;

import io.crmkit.metrics.clv.TransactionModel;

/**
 * Every feature of {@link ChurnFeature} for the customers who bought on or before one day, with
 * the raw numbers the reasons quote. Rows are the assessed customers in timeline order.
 * Internal; not thread-safe while being built, immutable after.
 */
final class ChurnFeatures {

    static final int F = ChurnFeature.values().length;

    final int day;
    /** Timeline row of each assessed customer. */
    final int[] rows;
    /** Assessed index of each timeline row, -1 for prospects. */
    final int[] indexOfRow;
    /** {@code value[f][k]}: feature f of assessed customer k. */
    final double[][] value;
    final int[] since;
    final double[] rhythm;
    final byte[] rhythmSource;
    final int[] recent;
    final int[] previous;
    final int[] repeat;
    final int[] age;
    final long[] revenue;
    final int[] complaints;
    final double[] score;
    final double[] modelProbability;

    private ChurnFeatures(int day, int[] rows, int[] indexOfRow, int m) {
        this.day = day;
        this.rows = rows;
        this.indexOfRow = indexOfRow;
        this.value = new double[F][m];
        this.since = new int[m];
        this.rhythm = new double[m];
        this.rhythmSource = new byte[m];
        this.recent = new int[m];
        this.previous = new int[m];
        this.repeat = new int[m];
        this.age = new int[m];
        this.revenue = new long[m];
        this.complaints = new int[m];
        this.score = new double[m];
        this.modelProbability = new double[m];
    }

    int size() {
        return rows.length;
    }

    /**
     * The model's P(no purchase in the horizon) for every customer: {@code 1 - P(alive) + P(alive)
     * P(none | alive)}, P(alive) computed once per distinct {@code (x, t_x, T)} in days and
     * P(none | alive) once per distinct {@code (x, T)}; from {@value #PARALLEL_FROM} distinct values
     * on (P(none | alive): {@value #PARALLEL_FROM_QUADRATURE}, as it can take a quadrature each), they
     * are evaluated on the common fork-join pool (the models are immutable, so the values do not
     * depend on it).
     */
    static double[] modelProbabilities(PurchaseTimelines t, int day, int[] rows, int[] count, TransactionModel model,
            int horizonDays) {
        int m = rows.length;
        // 1. each customer's (x, T) and (x, t_x, T) in days, packed (ranges of customers in parallel),
        // then the distinct ones of each kind and each customer's index into them (the two kinds at once)
        long[] noneKey = new long[m];
        long[] aliveKey = new long[m];
        forEachRange(m, (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                int i = rows[k];
                int c = count[i];
                int first = t.days[t.offsets[i]];
                long txDays = t.days[t.offsets[i] + c - 1] - first;
                long bigTDays = day - first;
                long x = t.purchases(t.offsets[i], t.offsets[i] + c) - 1;
                noneKey[k] = (x << 32) | bigTDays;
                aliveKey[k] = (x << 42) | (txDays << 21) | bigTDays;
            }
        });
        DistinctKeys noneKeys = new DistinctKeys();
        DistinctKeys aliveKeys = new DistinctKeys();
        int[] noneOf = new int[m];
        int[] aliveOf = new int[m];
        both(m >= PARALLEL_FROM, () -> noneKeys.slots(noneKey, noneOf), () -> aliveKeys.slots(aliveKey, aliveOf));
        // 2. the closed forms once per distinct value, on the common fork-join pool when there are many
        double h = model.unit().fromDays(horizonDays);
        double[] none = new double[noneKeys.size];
        long[] nk = noneKeys.keys;
        forEach(none.length, PARALLEL_FROM_QUADRATURE, j -> none[j] = model.probabilityNoTransactionsIfAlive((int) (nk[j] >>> 32),
                model.unit().fromDays((int) nk[j]), h));
        double[] alive = new double[aliveKeys.size];
        long[] ak = aliveKeys.keys;
        forEach(alive.length, j -> alive[j] = model.probabilityAlive((int) (ak[j] >>> 42),
                model.unit().fromDays((int) ((ak[j] >>> 21) & 0x1FFFFF)), model.unit().fromDays((int) (ak[j] & 0x1FFFFF))));
        // 3. each customer's probability from its two values
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            double a = alive[aliveOf[k]];
            out[k] = Math.min(1, Math.max(0, 1 - a + a * none[noneOf[k]]));
        }
        return out;
    }

    /** From this many distinct values on, the closed forms are evaluated on the common fork-join pool. */
    static final int PARALLEL_FROM = 50_000;

    /**
     * From this many distinct values on, P(none | alive) is evaluated on the common fork-join pool:
     * under Pareto/NBD each value is a quadrature of about 100 integrand evaluations (about 5
     * microseconds), so a few thousand of them are worth sharing out.
     */
    static final int PARALLEL_FROM_QUADRATURE = 1_000;

    static void forEach(int n, java.util.function.IntConsumer body) {
        forEach(n, PARALLEL_FROM, body);
    }

    static void forEach(int n, int parallelFrom, java.util.function.IntConsumer body) {
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, n);
        (n >= parallelFrom ? range.parallel() : range).forEach(body);
    }

    /** Customers per task of {@link #forEachRange}. */
    static final int RANGE = 16_384;

    /** A body that handles indexes {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs a body over {@code [0, n)} in ranges of {@value #RANGE} indexes, on the common fork-join
     * pool from {@value #PARALLEL_FROM} indexes on. The body must write only its own indexes.
     */
    static void forEachRange(int n, RangeBody body) {
        if (n < PARALLEL_FROM) {
            body.run(0, n);
            return;
        }
        java.util.stream.IntStream.range(0, (n + RANGE - 1) / RANGE).parallel()
                .forEach(r -> body.run(r * RANGE, Math.min(n, r * RANGE + RANGE)));
    }

    /** A body over the customers {@code from} (inclusive) to {@code to} (exclusive) of slice {@code chunk}. */
    @FunctionalInterface
    interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    /** Runs the body over {@code chunks} equal slices of {@code [0, n)}, in parallel when more than one. */
    static void inChunks(int n, int chunks, ChunkBody body) {
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> body.run(c, (int) ((long) n * c / chunks),
                (int) ((long) n * (c + 1) / chunks)));
    }

    /** Runs {@code a} and {@code b}, at the same time on the common fork-join pool when {@code parallel}. */
    static void both(boolean parallel, Runnable a, Runnable b) {
        if (!parallel) {
            a.run();
            b.run();
            return;
        }
        java.util.concurrent.ForkJoinTask<?> task = java.util.concurrent.ForkJoinPool.commonPool().submit(a);
        b.run();
        task.join();
    }

    /** Distinct non-negative long keys in order of first appearance, each with its slot (0, 1, ...). */
    private static final class DistinctKeys {
        private final LongDoubleMap slots = new LongDoubleMap(1024);
        private long[] keys = new long[1024];
        private int size;

        /** Puts each key's slot in {@code out}, giving a new key the next slot. */
        void slots(long[] in, int[] out) {
            for (int k = 0; k < in.length; k++) {
                out[k] = slot(in[k]);
            }
        }

        /** Returns the key's slot, giving it the next one when it is new. */
        int slot(long key) {
            double slot = slots.putIfAbsent(key, size);
            if (!Double.isNaN(slot)) {
                return (int) slot;
            }
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, 2 * size);
            }
            keys[size] = key;
            return size++;
        }
    }

    /**
     * An open-addressing map from non-negative long keys to doubles; NaN for a missing key. Each
     * entry's key and value bits lie side by side (one cache line per probe); the table doubles
     * when half full, so a few distinct keys among many stay in a small, cached table.
     */
    static final class LongDoubleMap {
        /** Entry e holds its key at 2e and its value's bits at 2e + 1; an empty entry's key is -1. */
        private long[] table;
        private int mask;
        private int size;

        LongDoubleMap(int capacity) {
            int entries = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
            table = emptyTable(entries);
            mask = entries - 1;
        }

        private static long[] emptyTable(int entries) {
            long[] t = new long[2 * entries];
            for (int e = 0; e < entries; e++) {
                t[2 * e] = -1;
            }
            return t;
        }

        private static int home(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        /** The entry holding the key, or the empty entry where it would go. */
        private int entry(long key) {
            int e = home(key, mask);
            while (table[2 * e] != key && table[2 * e] != -1) {
                e = (e + 1) & mask;
            }
            return e;
        }

        double get(long key) {
            int e = entry(key);
            return table[2 * e] == -1 ? Double.NaN : Double.longBitsToDouble(table[2 * e + 1]);
        }

        void put(long key, double value) {
            int e = entry(key);
            table[2 * e + 1] = Double.doubleToRawLongBits(value);
            if (table[2 * e] == -1) {
                table[2 * e] = key;
                added();
            }
        }

        /** Returns the key's value; when it is missing, stores {@code value} and returns NaN. */
        double putIfAbsent(long key, double value) {
            int e = entry(key);
            if (table[2 * e] == key) {
                return Double.longBitsToDouble(table[2 * e + 1]);
            }
            table[2 * e] = key;
            table[2 * e + 1] = Double.doubleToRawLongBits(value);
            added();
            return Double.NaN;
        }

        private void added() {
            if (2 * ++size <= mask + 1) {
                return;
            }
            long[] old = table;
            mask = 2 * (mask + 1) - 1;
            table = emptyTable(mask + 1);
            for (int e = 0; e < old.length / 2; e++) {
                if (old[2 * e] != -1) {
                    int f = entry(old[2 * e]);
                    table[2 * f] = old[2 * e];
                    table[2 * f + 1] = old[2 * e + 1];
                }
            }
        }
    }

    static ChurnFeatures of(PurchaseTimelines t, EngagementHistory engagement, int day, ChurnModelOptions o,
            TransactionModel model) {
        return of(t, engagement, day, o, model, Integer.MAX_VALUE);
    }

    /** The features of every {@code ceil(n / limit)}-th customer who bought by the day. */
    static ChurnFeatures of(PurchaseTimelines t, EngagementHistory engagement, int day, ChurnModelOptions o,
            TransactionModel model, int limit) {
        Rhythms rhythms = Rhythms.of(t, day, o.rhythm());
        int[] count = rhythms.count;
        int n = t.size();
        int[] indexOfRow = new int[n];
        int bought = 0;
        for (int i = 0; i < n; i++) {
            if (count[i] > 0) {
                bought++;
            }
        }
        int step = (int) ((bought + (long) limit - 1) / limit);
        int m = 0;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            indexOfRow[i] = count[i] > 0 && seen++ % step == 0 ? m++ : -1;
        }
        if (m == 0) {
            throw new IllegalArgumentException("nobody bought on or before " + java.time.LocalDate.ofEpochDay(day));
        }
        int[] rows = new int[m];
        for (int i = 0; i < n; i++) {
            if (indexOfRow[i] >= 0) {
                rows[indexOfRow[i]] = i;
            }
        }
        ChurnFeatures f = new ChurnFeatures(day, rows, indexOfRow, m);
        double[] p0 = modelProbabilities(t, day, rows, count, model, o.horizonDays());
        // each customer's features depend on its own days only: ranges of customers in parallel
        forEachRange(m, (lo, hi) -> features(f, t, engagement, day, o, rhythms, p0, lo, hi));
        return f;
    }

    /** Fills the features of customers {@code lo} (inclusive) to {@code hi} (exclusive). */
    private static void features(ChurnFeatures f, PurchaseTimelines t, EngagementHistory engagement, int day,
            ChurnModelOptions o, Rhythms rhythms, double[] p0, int lo, int hi) {
        int[] rows = f.rows;
        int[] count = rhythms.count;
        int w = o.declineWindowDays();
        boolean events = !engagement.isEmpty();
        for (int k = lo; k < hi; k++) {
            int i = rows[k];
            int c = count[i];
            int from = t.offsets[i];
            int last = t.days[from + c - 1];
            int since = day - last;
            f.since[k] = since;
            f.rhythm[k] = rhythms.rhythm[i];
            f.rhythmSource[k] = rhythms.source[i];
            int repeat = t.purchases(from, from + c) - 1;
            f.repeat[k] = repeat;
            f.modelProbability[k] = p0[k];
            int recent = 0;
            int previous = 0;
            long recentValue = 0;
            long previousValue = 0;
            long revenue = 0;
            for (int j = from + c - 1; j >= from; j--) {
                int age = day - t.days[j];
                long v = t.values[j];
                revenue += v;
                if (age < w) {
                    recent += t.purchases(j, j + 1);
                    recentValue += v;
                } else if (age < 2 * w) {
                    previous += t.purchases(j, j + 1);
                    previousValue += v;
                }
            }
            f.recent[k] = recent;
            f.previous[k] = previous;
            f.revenue[k] = revenue;
            double frequencyDrop = 0;
            double monetaryDrop = 0;
            if (previous >= o.minimumPrevious()) {
                frequencyDrop = clamp(1 - recent / (double) previous);
                if (previousValue > 0) {
                    monetaryDrop = clamp(1 - recentValue / (double) previousValue);
                }
            }
            double q = Math.min(1 - 1e-6, Math.max(1e-6, p0[k]));
            double[][] v = f.value;
            v[ChurnFeature.MODEL.ordinal()][k] = Math.log(q / (1 - q));
            v[ChurnFeature.RECENCY.ordinal()][k] = log1p(since);
            v[ChurnFeature.OVERDUE.ordinal()][k] = Math.log1p(since / rhythms.rhythm[i]);
            v[ChurnFeature.FREQUENCY_DECLINE.ordinal()][k] = frequencyDrop;
            v[ChurnFeature.MONETARY_DECLINE.ordinal()][k] = monetaryDrop;
            v[ChurnFeature.FREQUENCY.ordinal()][k] = log1p(repeat);
            v[ChurnFeature.VALUE.ordinal()][k] = Math.log1p(Math.max(0, revenue));
            f.age[k] = day - t.days[from];
            v[ChurnFeature.AGE.ordinal()][k] = log1p(day - t.days[from]);
            f.score[k] = -1;
            if (events) {
                EngagementHistory.Events e = engagement.of(t.customerId(i));
                if (e != null) {
                    int cc = e.complaintsIn(day - o.complaintWindowDays(), day);
                    f.complaints[k] = cc;
                    v[ChurnFeature.COMPLAINTS.ordinal()][k] = cc;
                    for (int j = e.surveys - 1; j >= 0; j--) {
                        if (e.surveyDays[j] <= day) {
                            if (day - e.surveyDays[j] < o.surveyLookbackDays()) {
                                f.score[k] = e.surveyScores[j];
                                v[ChurnFeature.DISSATISFACTION.ordinal()][k] = 1 - e.surveyScores[j];
                            }
                            break;
                        }
                    }
                }
            }
        }
    }

    /** {@code Math.log1p(i)} for the counts and day spans below 2^15 (most of them), computed once. */
    private static final double[] LOG1P = new double[1 << 15];

    static {
        for (int i = 0; i < LOG1P.length; i++) {
            LOG1P[i] = Math.log1p(i);
        }
    }

    /**
     * Returns {@code Math.log1p(i)} for a count or a number of days, exactly that value, from a table
     * when it is small ({@code Math.log1p} is not an intrinsic: five of them per customer were the
     * largest single cost of scoring).
     */
    static double log1p(int i) {
        return i >= 0 && i < LOG1P.length ? LOG1P[i] : Math.log1p(i);
    }

    private static double clamp(double share) {
        return Math.max(-1, Math.min(1, share));
    }
}
