package io.crmkit.segmentation.rfm;

import io.crmkit.core.internal.Checks;
import java.util.Arrays;

/**
 * The nine sample-quantile estimators of Hyndman and Fan (1996), computed with exactly the
 * floating-point arithmetic of R's {@code quantile(x, probs, type = t)} (R 4.x
 * {@code quantile.default}), so that cut points match R's bit for bit, which matters whenever a
 * value lies on a cut.
 *
 * <p>Types 1 to 3 are discontinuous (a sample value is returned), 4 to 9 interpolate between two
 * adjacent order statistics. Type 7 ({@code (1 - h) x[lo] + h x[hi]} at index
 * {@code 1 + (n - 1) p}) is R's and numpy's default and {@link com.google.common.math.Quantiles}'s
 * only estimator; pandas' {@code qcut} uses it too.
 *
 * <p>Immutable and thread-safe.
 */
public enum QuantileEstimator {
    /** Inverse of the empirical distribution function. */
    TYPE_1(0, 0),
    /** Type 1 with averaging at discontinuities. */
    TYPE_2(0, 0),
    /** SAS definition: nearest even order statistic. */
    TYPE_3(0, 0),
    /** Linear interpolation of the empirical distribution function ({@code a = 0, b = 1}). */
    TYPE_4(0, 1),
    /** Piecewise linear, knots at the midpoints ({@code a = b = 1/2}). */
    TYPE_5(0.5, 0.5),
    /** Minitab and SPSS ({@code a = b = 0}). */
    TYPE_6(0, 0),
    /** R, S, numpy and pandas default ({@code a = b = 1}); the default of crmkit. */
    TYPE_7(1, 1),
    /** Median-unbiased, approximately ({@code a = b = 1/3}); Hyndman and Fan's recommendation. */
    TYPE_8(1.0 / 3, 1.0 / 3),
    /** Approximately unbiased for normal data ({@code a = b = 3/8}). */
    TYPE_9(3.0 / 8, 3.0 / 8);

    private static final double FUZZ = 4 * Math.ulp(1.0);

    private final double a;
    private final double b;

    QuantileEstimator(double a, double b) {
        this.a = a;
        this.b = b;
    }

    /**
     * Returns R's {@code type} number of this estimator.
     *
     * @return 1 to 9
     */
    public int type() {
        return ordinal() + 1;
    }

    /**
     * Returns the estimator of R's {@code type} number.
     *
     * @param type 1 to 9
     * @return the estimator, never null
     * @throws IllegalArgumentException if {@code type} is not 1 to 9
     */
    public static QuantileEstimator ofType(int type) {
        if (type < 1 || type > 9) {
            throw new IllegalArgumentException("quantile type must be 1 to 9: " + type);
        }
        return values()[type - 1];
    }

    /**
     * Returns the sample quantile of a set of values, as R's {@code quantile(values, p, type)}.
     * The values are copied and sorted; for many quantiles of one large sample prefer sorting once
     * and calling {@link #ofSorted}.
     *
     * @param values the sample, finite, not empty, not null
     * @param p the probability, in [0, 1]
     * @return the quantile
     * @throws IllegalArgumentException if the sample is empty or holds a non-finite value, or
     *     {@code p} is outside [0, 1]
     */
    public double quantile(double[] values, double p) {
        Checks.notNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] must be finite: " + values[i]);
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }

    /**
     * Returns the sample quantile of values already sorted in ascending order.
     *
     * @param sorted the sample in ascending order, finite, not empty, not null (not checked to be
     *     sorted)
     * @param p the probability, in [0, 1]
     * @return the quantile
     * @throws IllegalArgumentException if the sample is empty or {@code p} is outside [0, 1]
     */
    public double ofSorted(double[] sorted, double p) {
        Checks.notNull(sorted, "sorted");
        int[] positions = positions(sorted.length, p);
        return combine(sorted.length, p, sorted[positions[0]], sorted[positions[1]]);
    }

    /**
     * Returns the two 0-based order statistics that the quantile at {@code p} of {@code n} values
     * reads: the estimate is a function of them only ({@link #combine}).
     */
    int[] positions(int n, double p) {
        checkArguments(n, p);
        double q = clamp(p);
        long j;
        if (this == TYPE_7) {
            double index = 1 + (n - 1) * q;
            return new int[] {(int) Math.floor(index) - 1, (int) Math.ceil(index) - 1};
        } else if (this == TYPE_1 || this == TYPE_2 || this == TYPE_3) {
            double nppm = this == TYPE_3 ? n * q - 0.5 : n * q;
            j = (long) Math.floor(nppm + FUZZ);
        } else {
            double nppm = a + q * (n + 1 - a - b);
            j = (long) Math.floor(nppm + FUZZ);
        }
        return new int[] {clampIndex(j, n), clampIndex(j + 1, n)};
    }

    /**
     * Combines the two order statistics of {@link #positions} into the estimate, with R's
     * arithmetic.
     */
    double combine(int n, double p, double low, double high) {
        double q = clamp(p);
        if (this == TYPE_7) {
            double index = 1 + (n - 1) * q;
            double lo = Math.floor(index);
            if (index > lo && high != low) {
                double h = index - lo;
                return (1 - h) * low + h * high;
            }
            return low;
        }
        double h;
        if (this == TYPE_1 || this == TYPE_2 || this == TYPE_3) {
            double nppm = this == TYPE_3 ? n * q - 0.5 : n * q;
            double j = Math.floor(nppm + FUZZ);
            if (this == TYPE_1) {
                h = nppm > j ? 1 : 0;
            } else if (this == TYPE_2) {
                h = ((nppm > j ? 1 : 0) + 1) / 2.0;
            } else {
                h = nppm != j || Math.floorMod((long) j, 2L) == 1 ? 1 : 0;
            }
        } else {
            double nppm = a + q * (n + 1 - a - b);
            double j = Math.floor(nppm + FUZZ);
            h = nppm - j;
            if (Math.abs(h) < FUZZ) {
                h = 0;
            }
        }
        if (h == 1) {
            return high;
        }
        if (h > 0 && h < 1 && low != high) {
            return (1 - h) * low + h * high;
        }
        return low;
    }

    private static void checkArguments(int n, double p) {
        if (n < 1) {
            throw new IllegalArgumentException("the sample must not be empty");
        }
        // R accepts an overshoot of 100 ulps and clamps it
        double eps = 100 * Math.ulp(1.0);
        if (!(p >= -eps && p <= 1 + eps)) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        }
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }

    /** The 0-based index of R's padded 1-based order statistic {@code j} (clamped to 1..n). */
    private static int clampIndex(long j, int n) {
        return (int) (Math.max(1, Math.min(n, j)) - 1);
    }
}
