package io.crmkit.segmentation.rfm;

import io.crmkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one RFM dimension is cut into 2 to 9 bins, each way with its documented behaviour on ties.
 * Bins are always cut on ascending values (bin 1 holds the lowest values); the {@link Direction}
 * then maps bins to scores. Rows are in ascending customer-identifier order, which is the
 * tie-break wherever one is needed.
 *
 * <table>
 *   <caption>Binning methods and their tie behaviour</caption>
 *   <tr><th>method</th><th>cuts</th><th>ties</th></tr>
 *   <tr><td>{@link Quantiles}</td><td>sample quantiles at {@code j/k} (any of the nine estimators)</td>
 *       <td>equal values share a bin; a value equal to a cut stays below it; coinciding cuts leave
 *       bins empty</td></tr>
 *   <tr><td>{@link RRfm}</td><td>R {@code rfm} 0.3.0: type-7 quantiles + 1, {@code lower <= x < upper}</td>
 *       <td>as the R package: equal values share a bin</td></tr>
 *   <tr><td>{@link Ntile}</td><td>equal counts (SQL {@code NTILE})</td>
 *       <td>ties broken by customer identifier: equal values may get different scores; group
 *       sizes differ by at most one</td></tr>
 *   <tr><td>{@link TiedRanks}</td><td>the NTILE bin of each value's first (minimum) rank</td>
 *       <td>equal values share the bin of the first of them (SQL {@code RANK}); bins may be uneven or
 *       empty</td></tr>
 *   <tr><td>{@link PercentRanks}</td><td>percent rank {@code (rank - 1) / (n - 1)} against cut points</td>
 *       <td>equal values share a percent rank, hence a bin; a percent rank equal to a cut point
 *       goes above it</td></tr>
 *   <tr><td>{@link Thresholds}</td><td>fixed business values</td>
 *       <td>a value equal to a threshold goes to the {@link Side} chosen</td></tr>
 * </table>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Binning
        permits Binning.Quantiles, Binning.RRfm, Binning.Ntile, Binning.TiedRanks, Binning.PercentRanks,
        Binning.Thresholds {

    /** The fewest bins allowed. */
    int MIN_BINS = 2;
    /** The most bins allowed (scores stay single digits). */
    int MAX_BINS = 9;

    /**
     * Returns the number of bins, hence the highest score.
     *
     * @return 2 to 9
     */
    int bins();

    /**
     * Returns whether the bins follow the customers' ranks (NTILE, tied ranks, percent ranks)
     * rather than value cuts computed or given up front.
     *
     * @return true for rank-based methods
     */
    boolean rankBased();

    /**
     * Describes the method and its tie rule in a short phrase, for printing with results.
     *
     * @return the text, never null
     */
    String describe();

    /**
     * Returns value quantiles with R's default estimator (type 7).
     *
     * @param bins 2 to 9
     * @return the binning, never null
     */
    static Quantiles quantiles(int bins) {
        return new Quantiles(bins, QuantileEstimator.TYPE_7);
    }

    /**
     * Returns value quantiles with the given estimator.
     *
     * @param bins 2 to 9
     * @param estimator the estimator, not null
     * @return the binning, never null
     */
    static Quantiles quantiles(int bins, QuantileEstimator estimator) {
        return new Quantiles(bins, estimator);
    }

    /**
     * Returns the R {@code rfm} 0.3.0 rule.
     *
     * @param bins 2 to 9
     * @return the binning, never null
     */
    static RRfm rRfm(int bins) {
        return new RRfm(bins);
    }

    /**
     * Returns equal-count ranks with ties broken by customer identifier.
     *
     * @param bins 2 to 9
     * @return the binning, never null
     */
    static Ntile ntile(int bins) {
        return new Ntile(bins);
    }

    /**
     * Returns ranks that keep ties in one bin.
     *
     * @param bins 2 to 9
     * @return the binning, never null
     */
    static TiedRanks tiedRanks(int bins) {
        return new TiedRanks(bins);
    }

    /**
     * Returns percent-rank cut points at {@code 1/bins, 2/bins, ...}.
     *
     * @param bins 2 to 9
     * @return the binning, never null
     */
    static PercentRanks percentRanks(int bins) {
        checkBins(bins);
        List<Double> cuts = new ArrayList<>();
        for (int j = 1; j < bins; j++) {
            cuts.add(j / (double) bins);
        }
        return new PercentRanks(cuts);
    }

    /**
     * Returns percent-rank cut points.
     *
     * @param cutPoints 1 to 8 strictly increasing values in (0, 1]
     * @return the binning, never null
     */
    static PercentRanks percentRanks(double... cutPoints) {
        return new PercentRanks(boxed(Checks.notNull(cutPoints, "cutPoints")));
    }

    /**
     * Returns fixed business thresholds.
     *
     * @param side where a value equal to a threshold goes, not null
     * @param thresholds 1 to 8 non-decreasing finite values
     * @return the binning, never null
     */
    static Thresholds thresholds(Side side, double... thresholds) {
        return new Thresholds(boxed(Checks.notNull(thresholds, "thresholds")), side);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static void checkBins(int bins) {
        if (bins < MIN_BINS || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins must be " + MIN_BINS + " to " + MAX_BINS + ": " + bins);
        }
    }

    /**
     * Value quantiles: the cuts are the sample quantiles at {@code p = j * (1/bins)} (computed as R's
     * {@code seq(0, 1, length.out = bins + 1)}) with the chosen estimator; a value {@code x} falls in
     * bin {@code 1 + #{cuts < x}}, so a value equal to a cut stays below it, the convention of R's
     * {@code cut(x, quantile(x), include.lowest = TRUE)} and pandas' {@code qcut}. Equal values always
     * share a bin. When cuts coincide (a value shared by many customers), the bins between them
     * are empty and reported, where pandas raises "bin edges must be unique". Cuts never decrease:
     * where interpolation rounding puts a later quantile an ulp below an earlier one (values a few
     * ulps apart, fewer customers than bins), the later cut takes the earlier one's value.
     *
     * @param bins 2 to 9
     * @param estimator the quantile estimator, not null
     */
    record Quantiles(int bins, QuantileEstimator estimator) implements Binning {
        /**
         * Validates the binning.
         *
         * @throws IllegalArgumentException if {@code bins} is not 2 to 9
         * @throws NullPointerException if {@code estimator} is null
         */
        public Quantiles {
            checkBins(bins);
            Checks.notNull(estimator, "estimator");
        }

        @Override
        public boolean rankBased() {
            return false;
        }

        @Override
        public String describe() {
            return "quantiles(" + bins + ", R type " + estimator.type() + ", a value on a cut stays below)";
        }
    }

    /**
     * The R {@code rfm} package's rule (version 0.3.0, {@code rfm_table_order}): interior breaks are
     * the type-7 quantiles at {@code j/bins} plus one; bin {@code i} is
     * {@code lower[i] <= x < upper[i]} with {@code lower = (min, breaks)} and
     * {@code upper = (breaks, max + 1)}, so a value {@code x} falls in bin {@code 1 + #{breaks <= x}}.
     * The "+ 1" makes every value up to one unit above a quantile stay below it (exact for whole
     * numbers, a quirk for amounts with cents), reproduced here on purpose.
     *
     * <p>To reproduce the package, use it on summaries with one purchase per order row
     * ({@code PurchaseUnit.ORDER}), monetary as a {@link MonetaryMeasure#SUM} and the day clock at
     * the analysis date ({@code AsOf.endOfDay}): see {@link RfmOptions#rRfm()}.
     *
     * @param bins 2 to 9
     */
    record RRfm(int bins) implements Binning {
        /**
         * Validates the binning.
         *
         * @throws IllegalArgumentException if {@code bins} is not 2 to 9
         */
        public RRfm {
            checkBins(bins);
        }

        @Override
        public boolean rankBased() {
            return false;
        }

        @Override
        public String describe() {
            return "r-rfm(" + bins + ", type-7 quantiles + 1, lower <= x < upper)";
        }
    }

    /**
     * Equal-count ranks, the SQL {@code NTILE(bins)}: customers sorted by value, ties broken by
     * ascending customer identifier, are dealt into bins of sizes differing by at most one (the
     * first {@code n mod bins} bins get one more). Equal values may get different scores: the
     * result reports each split tie.
     *
     * @param bins 2 to 9
     */
    record Ntile(int bins) implements Binning {
        /**
         * Validates the binning.
         *
         * @throws IllegalArgumentException if {@code bins} is not 2 to 9
         */
        public Ntile {
            checkBins(bins);
        }

        @Override
        public boolean rankBased() {
            return true;
        }

        @Override
        public String describe() {
            return "ntile(" + bins + ", ties broken by customer id)";
        }
    }

    /**
     * Ranks that keep ties in one bin: every customer gets the NTILE bin of the first (minimum)
     * rank of its value, as with SQL {@code RANK()}. Equal values share a bin; a large tie group
     * makes its bin bigger and can leave the following bins empty.
     *
     * @param bins 2 to 9
     */
    record TiedRanks(int bins) implements Binning {
        /**
         * Validates the binning.
         *
         * @throws IllegalArgumentException if {@code bins} is not 2 to 9
         */
        public TiedRanks {
            checkBins(bins);
        }

        @Override
        public boolean rankBased() {
            return true;
        }

        @Override
        public String describe() {
            return "tied-ranks(" + bins + ", ties share the bin of their first rank)";
        }
    }

    /**
     * Percent-rank cut points: each customer's percent rank is {@code (rank - 1) / (n - 1)} with
     * the minimum rank of its value (0 when {@code n = 1}), as SQL {@code PERCENT_RANK()} and
     * pandas' {@code rank(method="min", pct=...)} variants; the bin is
     * {@code 1 + #{cut points <= percent rank}}. Equal values share a bin.
     *
     * @param cutPoints 1 to 8 strictly increasing values in (0, 1], not null
     */
    record PercentRanks(List<Double> cutPoints) implements Binning {
        /**
         * Validates and copies the cut points.
         *
         * @throws IllegalArgumentException if there are not 1 to 8 cut points, or one is outside
         *     (0, 1] or not above the previous one
         */
        public PercentRanks {
            cutPoints = List.copyOf(Checks.notNull(cutPoints, "cutPoints"));
            checkBins(cutPoints.size() + 1);
            double previous = 0;
            for (int j = 0; j < cutPoints.size(); j++) {
                double c = cutPoints.get(j);
                if (!(c > previous && c <= 1)) {
                    throw new IllegalArgumentException("cutPoints[" + j + "] must be in (0, 1] and above the"
                            + " previous cut point: " + c);
                }
                previous = c;
            }
        }

        @Override
        public int bins() {
            return cutPoints.size() + 1;
        }

        @Override
        public boolean rankBased() {
            return true;
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("percent-ranks(");
            for (int j = 0; j < cutPoints.size(); j++) {
                sb.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", cutPoints.get(j)));
            }
            return sb.append("; ties share a percent rank)").toString();
        }
    }

    /**
     * Fixed business thresholds: bin {@code 1 + #{thresholds < x}} with {@link Side#LOWER}, or
     * {@code 1 + #{thresholds <= x}} with {@link Side#UPPER}. Equal thresholds are allowed and leave
     * the bin between them empty (as frozen quantile cuts can). The R {@code rfm} package's custom
     * thresholds are {@code Side.UPPER}.
     *
     * @param thresholds 1 to 8 non-decreasing finite values, not null
     * @param side where a value equal to a threshold goes, not null
     */
    record Thresholds(List<Double> thresholds, Side side) implements Binning {
        /**
         * Validates and copies the thresholds.
         *
         * @throws IllegalArgumentException if there are not 1 to 8 thresholds, or one is not
         *     finite or below the previous one
         */
        public Thresholds {
            thresholds = List.copyOf(Checks.notNull(thresholds, "thresholds"));
            Checks.notNull(side, "side");
            checkBins(thresholds.size() + 1);
            for (int j = 0; j < thresholds.size(); j++) {
                double t = thresholds.get(j);
                if (!Double.isFinite(t) || (j > 0 && t < thresholds.get(j - 1))) {
                    throw new IllegalArgumentException("thresholds[" + j + "] must be finite and not below the"
                            + " previous threshold: " + t);
                }
            }
        }

        @Override
        public int bins() {
            return thresholds.size() + 1;
        }

        @Override
        public boolean rankBased() {
            return false;
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("thresholds(");
            for (int j = 0; j < thresholds.size(); j++) {
                sb.append(j == 0 ? "" : ", ").append(RfmFormat.number(thresholds.get(j)));
            }
            return sb.append(side == Side.LOWER ? "; a value on a threshold stays below)"
                    : "; a value on a threshold goes above)").toString();
        }
    }
}
