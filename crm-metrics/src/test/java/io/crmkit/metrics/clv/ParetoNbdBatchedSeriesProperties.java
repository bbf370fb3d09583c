package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.history.PeriodUnit;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The fast Pareto/NBD likelihood (series of four points summed in one pass, issue 14) against
 * slow references over random parameters and random customers: the same class summing every
 * point on its own, and the per-pattern formulas of {@link ParetoNbdMath}.
 */
class ParetoNbdBatchedSeriesProperties {

    /** Light and heavy buyers, repeated ends, t_x = T and t_x = 0, on whole days. */
    private static BtydData customers(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        for (int i = 0; i < n; i++) {
            bigT[i] = Math.round((26 + 78 * rnd.nextDouble()) * 7) / 7.0;
            int kind = rnd.nextInt(10);
            x[i] = kind < 3 ? 0 : kind < 8 ? 1 + rnd.nextInt(12) : 20 + rnd.nextInt(600);
            tx[i] = x[i] == 0 ? 0 : kind == 4 ? bigT[i] : Math.round(rnd.nextDouble() * bigT[i] * 7) / 7.0;
        }
        return BtydData.ofCustomers(x, tx, bigT, PeriodUnit.WEEKS);
    }

    @Property(tries = 150)
    void theFourPointPassEqualsThePointByPointSum(@ForAll @DoubleRange(min = -3, max = 3) double lnR,
            @ForAll @DoubleRange(min = -3, max = 8) double lnAlpha, @ForAll @DoubleRange(min = -6, max = 6) double lnS,
            @ForAll @DoubleRange(min = -3, max = 8) double lnBeta, @ForAll @IntRange(min = 1, max = 400) int n,
            @ForAll long seed) {
        BtydData data = customers(seed, n);
        double[] theta = {Math.exp(lnR), Math.exp(lnAlpha), Math.exp(lnS), Math.exp(lnBeta)};
        ParetoNbdLikelihood fast = new ParetoNbdLikelihood(data.xs(), data.txIn(data.unit()),
                data.bigTIn(data.unit()), data.weights());
        ParetoNbdLikelihood slow = new ParetoNbdLikelihood(data.xs(), data.txIn(data.unit()),
                data.bigTIn(data.unit()), data.weights(), false);
        double[] g = new double[4];
        double[] gSlow = new double[4];
        double v = fast.value(theta, g);
        double vSlow = slow.value(theta, gSlow);
        String at = Arrays.toString(theta);
        // relative to the sum of the patterns' magnitudes, each taken as at least 1: a pattern's
        // log-likelihood is a sum of terms of order 1 or more (ln Gamma, r ln alpha, the
        // log-sum-exp) that can cancel to near 0, and the total too
        double expected = 0;
        double magnitude = 0;
        double[] scratch = new double[3];
        double[] ignored = new double[4];
        for (int k = 0; k < data.patternCount(); k++) {
            double ll = data.weight(k) * ParetoNbdMath.logLikelihood(theta[0], theta[1], theta[2], theta[3],
                    data.x(k), data.tx(k), data.bigT(k), data.weight(k), ignored, scratch);
            expected += ll;
            magnitude += Math.max(1, Math.abs(ll));
        }
        assertThat(v).as("value at %s", at).isCloseTo(vSlow, within(1e-12 * magnitude));
        assertThat(fast.value(theta, null)).as("value without gradient").isEqualTo(v);
        // the gradient sums terms that cancel: with s of 30 to 50 and alpha below 0.1 the two summation
        // orders differed by 1.1e-10 to 1.3e-10 of (customers + |gradient|) (jqwik seed
        // -2210494230622130587, a fresh-clone build); a wrong term would be off by far more
        for (int i = 0; i < 4; i++) {
            assertThat(g[i]).as("gradient %d at %s", i, at)
                    .isCloseTo(gSlow[i], within(1e-9 * (data.customerCount() + Math.abs(gSlow[i]))));
        }
        // and the per-pattern formulas, with the tolerance of ParetoNbdLikelihoodTest
        assertThat(v).as("per-pattern value at %s", at).isCloseTo(expected, within(1e-11 * magnitude));
    }

    @Property(tries = 300)
    void theThresholdOnOneMinusZIsSeriesCostsTest(@ForAll @DoubleRange(min = -20, max = -0.7) double lnOneMinusZ,
            @ForAll @DoubleRange(min = -1, max = 1) double offset) {
        // the likelihood tests 1 - z against GEOMETRIC_LIMIT instead of computing geometricCost
        double oneMinusZ = Math.exp(lnOneMinusZ);
        double limit = ParetoNbdMath.GEOMETRIC_LIMIT;
        double near = limit * (1 + offset * 1e-7); // within 1e-7 of the limit
        for (double v : new double[] {oneMinusZ, near}) {
            if (Math.abs(v - limit) > 1e-15) {
                assertThat(ParetoNbdMath.geometricCost(v) > ParetoNbdMath.SERIES_BUDGET).as("1 - z = %s", v)
                        .isEqualTo(v < limit);
            }
        }
    }
}
