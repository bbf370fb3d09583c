package io.crmkit.segmentation.rfm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;

/** Cuts one column of values into bins; the engine behind {@link Binning}. Stateless. */
final class Binner {

    private Binner() {
    }

    static DimensionScores apply(Dimension dimension, double[] values, Binning binning, Direction direction) {
        int n = values.length;
        int k = binning.bins();
        byte[] scoreOf = new byte[k + 1];
        for (int b = 1; b <= k; b++) {
            scoreOf[b] = (byte) direction.score(b, k);
        }
        byte[] scores = new byte[n];
        BinTally tally = new BinTally(k);
        double[] cuts = null;
        long[] tied = null;
        Side side = Side.LOWER;
        boolean[] split = new boolean[Math.max(0, k - 1)];
        List<String> warnings = new ArrayList<>();
        if (binning.rankBased()) {
            if (n > 0) {
                byte[] bin = new byte[n];
                rankBins(values, binning, bin);
                for (int i = 0; i < n; i++) {
                    int b = bin[i];
                    scores[i] = scoreOf[b];
                    tally.add(b, values[i], 1);
                }
                cuts = new double[k - 1];
                double runningMax = Double.NEGATIVE_INFINITY;
                for (int j = 1; j < k; j++) {
                    runningMax = Math.max(runningMax, tally.hi[j]);
                    cuts[j - 1] = runningMax;
                    double minAbove = Double.POSITIVE_INFINITY;
                    for (int b = j + 1; b <= k; b++) {
                        minAbove = Math.min(minAbove, tally.lo[b]);
                    }
                    split[j - 1] = minAbove == runningMax;
                }
                tied = tiedCounts(values, cuts);
            }
        } else {
            OrderStatistics.Profile profile = n > 0 ? OrderStatistics.Profile.of(values) : null;
            int[] histogram = profile != null && profile.countable(n)
                    ? OrderStatistics.histogram(values, profile.min(), profile.max()) : null;
            if (binning instanceof Binning.Thresholds t) {
                cuts = t.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
                side = t.side();
            } else if (n > 0) {
                boolean r = binning instanceof Binning.RRfm;
                QuantileEstimator estimator = r ? QuantileEstimator.TYPE_7 : ((Binning.Quantiles) binning).estimator();
                cuts = quantileCuts(values, k, estimator, profile, histogram);
                if (r) {
                    for (int j = 0; j < cuts.length; j++) {
                        cuts[j] = cuts[j] + 1;
                    }
                    side = Side.UPPER;
                }
            }
            if (cuts != null) {
                long[] equalAt = new long[cuts.length];
                if (histogram != null) {
                    tallyCounted(histogram, profile.min(), values, cuts, side, scoreOf, scores, tally, equalAt);
                } else {
                    tallyByCuts(values, cuts, side, scoreOf, scores, tally, equalAt);
                }
                tied = tiedCounts(cuts, equalAt);
            }
        }
        List<Cut> cutList = new ArrayList<>();
        if (cuts != null) {
            for (int j = 0; j < cuts.length; j++) {
                cutList.add(new Cut(cuts[j], side, tied[j], split[j]));
            }
        }
        List<ScoreBin> scoreBins = new ArrayList<>(k);
        for (int s = 1; s <= k; s++) {
            int b = direction.score(s, k); // the mapping is its own inverse
            scoreBins.add(tally.count[b] == 0 ? new ScoreBin(s, 0, OptionalDouble.empty(), OptionalDouble.empty())
                    : new ScoreBin(s, tally.count[b], OptionalDouble.of(tally.lo[b]), OptionalDouble.of(tally.hi[b])));
        }
        diagnose(dimension, n, binning, cutList, scoreBins, direction, warnings);
        return new DimensionScores(dimension, binning, direction, values, scores, cutList, scoreBins, warnings);
    }

    /** The customers and value range of each bin (bins ascending by value, 1-based). */
    private static final class BinTally {

        final long[] count;
        final double[] lo;
        final double[] hi;

        BinTally(int bins) {
            count = new long[bins + 1];
            lo = new double[bins + 1];
            hi = new double[bins + 1];
            Arrays.fill(lo, Double.POSITIVE_INFINITY);
            Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        }

        /** Adds {@code customers} customers with value {@code v} to bin {@code b}. */
        void add(int b, double v, long customers) {
            count[b] += customers;
            if (v < lo[b]) {
                lo[b] = v;
            }
            if (v > hi[b]) {
                hi[b] = v;
            }
        }
    }

    /**
     * The bin of a value under ascending cuts: 1 plus the number of cuts below it ({@link Side#LOWER}:
     * a value equal to a cut falls below it) or at or below it ({@link Side#UPPER}).
     */
    private static int binOf(double v, double[] cuts, boolean upper) {
        int b = 1;
        if (upper) {
            for (double c : cuts) {
                b += v >= c ? 1 : 0;
            }
        } else {
            for (double c : cuts) {
                b += v > c ? 1 : 0;
            }
        }
        return b;
    }

    /**
     * The one cut a value in bin {@code b} can equal, for ascending cuts: the first cut at or above
     * it (lower side) or the last at or below it (upper side); -1 if there is none. When cuts coincide, the run of
     * equal cuts is credited to this one index ({@link #tiedCounts(double[], long[])}).
     */
    private static int boundaryOf(int b, int cuts, boolean upper) {
        int j = upper ? b - 2 : b - 1;
        return j >= 0 && j < cuts ? j : -1;
    }

    /** One pass: bins, scores, counts, value ranges and values equal to a cut. */
    private static void tallyByCuts(double[] values, double[] cuts, Side side, byte[] scoreOf, byte[] scores,
            BinTally tally, long[] equalAt) {
        boolean upper = side == Side.UPPER;
        int m = cuts.length;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            int b = binOf(v, cuts, upper);
            scores[i] = scoreOf[b];
            tally.add(b, v, 1);
            int j = boundaryOf(b, m, upper);
            if (j >= 0 && v == cuts[j]) {
                equalAt[j]++;
            }
        }
    }

    /**
     * The same as {@link #tallyByCuts} for a counted column: the bin of every distinct value is
     * worked out once, then the scores are one table lookup per customer.
     */
    private static void tallyCounted(int[] histogram, double min, double[] values, double[] cuts, Side side,
            byte[] scoreOf, byte[] scores, BinTally tally, long[] equalAt) {
        boolean upper = side == Side.UPPER;
        int m = cuts.length;
        byte[] scoreOfSlot = new byte[histogram.length];
        for (int t = 0; t < histogram.length; t++) {
            double v = min + t;
            int b = binOf(v, cuts, upper);
            scoreOfSlot[t] = scoreOf[b];
            int c = histogram[t];
            if (c > 0) {
                tally.add(b, v, c);
                int j = boundaryOf(b, m, upper);
                if (j >= 0 && v == cuts[j]) {
                    equalAt[j] += c;
                }
            }
        }
        for (int i = 0; i < values.length; i++) {
            scores[i] = scoreOfSlot[(int) (values[i] - min)];
        }
    }

    /** Spreads the values equal to a cut over every cut of the same value. */
    private static long[] tiedCounts(double[] cuts, long[] equalAt) {
        int m = cuts.length;
        long[] tied = new long[m];
        for (int j = 0; j < m; j++) {
            long sum = 0;
            for (int i = 0; i < m; i++) {
                sum += cuts[i] == cuts[j] ? equalAt[i] : 0;
            }
            tied[j] = sum;
        }
        return tied;
    }

    /**
     * The 1-based numbers {@code k} of the cuts equal to cut {@code k - 1} with the bin between
     * them, bin {@code k} counted from the lowest values, empty: its bin merged into its
     * neighbours. Under NTILE coinciding cuts split a tie, and the bin between them holds customers.
     */
    static List<Integer> mergedCuts(List<Cut> cuts, List<ScoreBin> bins, Direction direction, int binCount) {
        List<Integer> merged = new ArrayList<>();
        for (int j = 1; j < cuts.size(); j++) {
            if (cuts.get(j).value() == cuts.get(j - 1).value() && emptyScore(bins, direction.score(j + 1, binCount))) {
                merged.add(j + 1);
            }
        }
        return merged;
    }

    private static boolean emptyScore(List<ScoreBin> bins, int score) {
        for (ScoreBin b : bins) {
            if (b.score() == score) {
                return b.empty();
            }
        }
        return false;
    }

    private static void diagnose(Dimension dimension, int n, Binning binning, List<Cut> cuts, List<ScoreBin> bins,
            Direction direction, List<String> warnings) {
        String d = dimension.letter();
        if (n == 0) {
            warnings.add(d + ": no customers to score" + (cuts.isEmpty() ? ", so no cuts" : ""));
            return;
        }
        for (int k : mergedCuts(cuts, bins, direction, binning.bins())) {
            warnings.add(d + ": cuts " + (k - 1) + " and " + k + " coincide at "
                    + RfmFormat.number(cuts.get(k - 1).value()) + ", so the bin between them is empty (merged)");
        }
        List<Integer> empty = new ArrayList<>();
        for (ScoreBin b : bins) {
            if (b.empty()) {
                empty.add(b.score());
            }
        }
        if (!empty.isEmpty()) {
            warnings.add(d + ": no customer has score" + (empty.size() > 1 ? "s " : " ") + join(empty));
        }
        for (int j = 0; j < cuts.size(); j++) {
            Cut c = cuts.get(j);
            if (c.splitsTie()) {
                int lowScore = direction.score(j + 1, binning.bins());
                int highScore = direction.score(j + 2, binning.bins());
                warnings.add(d + ": cut " + (j + 1) + " splits the " + c.tiedCustomers() + " customers with value "
                        + RfmFormat.number(c.value()) + " between scores " + Math.min(lowScore, highScore) + " and "
                        + Math.max(lowScore, highScore) + " (tie broken by customer id)");
            }
        }
    }

    private static String join(List<Integer> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(values.get(i));
        }
        return sb.toString();
    }

    /** The quantiles at {@code j * (1/k)}, {@code j = 1..k-1}, as R's {@code seq(0, 1, length.out = k + 1)}. */
    static double[] quantileCuts(double[] values, int k, QuantileEstimator estimator,
            OrderStatistics.Profile profile, int[] histogram) {
        int[] wanted = cutPositions(values.length, k, estimator);
        double[] stats = OrderStatistics.select(values, profile, histogram, wanted);
        return cutsFrom(values.length, k, estimator, wanted, stats);
    }

    /** The ascending distinct 0-based order statistics that the quantile cuts of {@code n} values read. */
    static int[] cutPositions(int n, int k, QuantileEstimator estimator) {
        double by = 1.0 / k;
        TreeSet<Integer> needed = new TreeSet<>();
        for (int j = 1; j < k; j++) {
            int[] p = estimator.positions(n, j * by);
            needed.add(p[0]);
            needed.add(p[1]);
        }
        return needed.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The quantile cuts of {@code n} values from the order statistics {@code stats} at {@code wanted}. */
    static double[] cutsFrom(int n, int k, QuantileEstimator estimator, int[] wanted, double[] stats) {
        double by = 1.0 / k;
        double[] cuts = new double[k - 1];
        for (int j = 1; j < k; j++) {
            int[] p = estimator.positions(n, j * by);
            cuts[j - 1] = estimator.combine(n, j * by, stats[Arrays.binarySearch(wanted, p[0])],
                    stats[Arrays.binarySearch(wanted, p[1])]);
            // a quantile never decreases in p, but interpolating twice between the same two values
            // can round a later one an ulp below an earlier one: cuts stay ascending (the tally's
            // and the frozen thresholds' rule)
            if (j > 1 && cuts[j - 1] < cuts[j - 2]) {
                cuts[j - 1] = cuts[j - 2];
            }
        }
        return cuts;
    }

    private static long[] tiedCounts(double[] values, double[] cuts) {
        long[] tied = new long[cuts.length];
        int m = cuts.length;
        for (double v : values) {
            for (int j = 0; j < m; j++) {
                if (v == cuts[j]) {
                    tied[j]++;
                }
            }
        }
        return tied;
    }

    private static void rankBins(double[] values, Binning binning, byte[] bin) {
        int n = values.length;
        if (n == 0) {
            return;
        }
        int k = binning.bins();
        if (binning instanceof Binning.Ntile) {
            ntileBins(values, k, bin);
            return;
        }
        int[] minRank = Ranks.minRanks(values);
        if (binning instanceof Binning.TiedRanks) {
            for (int i = 0; i < n; i++) {
                bin[i] = (byte) ntileBin(minRank[i], n, k);
            }
        } else {
            Binning.PercentRanks pr = (Binning.PercentRanks) binning;
            double[] c = pr.cutPoints().stream().mapToDouble(Double::doubleValue).toArray();
            for (int i = 0; i < n; i++) {
                double rank = n == 1 ? 0 : minRank[i] / (double) (n - 1);
                int b = 1;
                for (double cut : c) {
                    b += rank >= cut ? 1 : 0;
                }
                bin[i] = (byte) b;
            }
        }
    }

    /**
     * NTILE by stable rank, without sorting: the customers sharing a value take consecutive
     * positions in row order, and position {@code p} of the sorted column is in bucket
     * {@link #ntileBin}. A value whose positions lie inside one bucket gets that bucket; only the
     * customers of a value whose positions straddle a bucket boundary need their own position,
     * counted in row order.
     *
     * <ul>
     *   <li>Whole numbers in a small range: the positions of every value come from the histogram,
     *       then one pass with a table lookup per row.</li>
     *   <li>Other values: only the last value of every bucket but the last is selected; a value
     *       strictly between two of those lies inside one bucket. A first pass places every row
     *       against the selected values (a code per row), a second turns codes into buckets.</li>
     * </ul>
     */
    static void ntileBins(double[] values, int k, byte[] bin) {
        int n = values.length;
        if (n == 0) {
            return;
        }
        // the last position of every bucket, so that walking a run of ties needs no division
        int[] lastOf = new int[k + 2];
        int cumulative = 0;
        for (int b = 1; b <= k; b++) {
            cumulative += n / k + (b <= n % k ? 1 : 0);
            lastOf[b] = cumulative - 1;
        }
        lastOf[k + 1] = Integer.MAX_VALUE;
        OrderStatistics.Profile profile = OrderStatistics.Profile.of(values);
        int[] count;
        byte[] codeOf = null;
        double min = profile.min();
        if (profile.countable(n)) {
            // one code per distinct value: its slot in the histogram
            count = OrderStatistics.histogram(values, min, profile.max());
        } else {
            double[] selected = OrderStatistics.select(values, profile, null, bucketEnds(lastOf, k, n));
            // the distinct selected values, compared as numbers (-0.0 ties with 0.0, as in NTILE),
            // then a sentinel that no value equals
            double[] w = new double[selected.length + 1];
            int distinct = 0;
            for (double v : selected) {
                if (distinct == 0 || v != w[distinct - 1]) {
                    w[distinct++] = v;
                }
            }
            w[distinct] = Double.NaN;
            // code 2g: strictly between w[g-1] and w[g]; code 2g + 1: equal to w[g]
            count = new int[2 * distinct + 1];
            codeOf = new byte[n];
            for (int i = 0; i < n; i++) {
                double v = values[i];
                int g = 0;
                for (int j = 0; j < distinct; j++) {
                    g += v > w[j] ? 1 : 0;
                }
                int code = 2 * g + (v == w[g] ? 1 : 0);
                codeOf[i] = (byte) code;
                count[code]++;
            }
        }
        int codes = count.length;
        // per code: its first position and bucket; a code straddling a boundary walks its rows
        int[] next = new int[codes];
        int[] bucketOf = new int[codes];
        boolean[] straddles = new boolean[codes];
        int first = 0;
        for (int code = 0; code < codes; code++) {
            next[code] = first;
            if (count[code] > 0) {
                bucketOf[code] = ntileBin(first, n, k);
                straddles[code] = first + count[code] - 1 > lastOf[bucketOf[code]];
            }
            first += count[code];
        }
        for (int i = 0; i < n; i++) {
            int code = codeOf == null ? (int) (values[i] - min) : codeOf[i];
            if (straddles[code]) {
                int p = next[code]++;
                while (p > lastOf[bucketOf[code]]) {
                    bucketOf[code]++;
                }
            }
            bin[i] = (byte) bucketOf[code];
        }
    }

    /** The last position of every non-empty bucket that is not the last position overall, ascending. */
    private static int[] bucketEnds(int[] lastOf, int k, int n) {
        int[] ends = new int[k];
        int m = 0;
        for (int b = 1; b <= k; b++) {
            int end = lastOf[b];
            if (end >= 0 && end < n - 1 && (m == 0 || ends[m - 1] != end)) {
                ends[m++] = end;
            }
        }
        return Arrays.copyOf(ends, m);
    }

    /** The NTILE bucket (1-based) of a 0-based position: the first {@code n mod k} buckets get one more. */
    static int ntileBin(int position, int n, int k) {
        int q = n / k;
        int r = n % k;
        int big = r * (q + 1);
        if (position < big) {
            return position / (q + 1) + 1;
        }
        return r + (position - big) / q + 1;
    }
}
