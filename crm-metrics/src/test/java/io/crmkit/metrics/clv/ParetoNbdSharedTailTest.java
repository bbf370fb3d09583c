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
import org.junit.jupiter.api.Test;

/**
 * The work the fitting likelihood shares across patterns (issue 14's speed item): the drop-out
 * terms of one {@code t_x} and many ends from one quadrature pass
 * ({@link ParetoNbdMath#lnTailQuadratureRun}) against one quadrature per end, the closed-form peak
 * of the quadrature's integrand, the expansion shifted by {@code s ln(beta)}, and a likelihood that
 * stays smooth along the ridge where s and beta run away together.
 */
class ParetoNbdSharedTailTest {

    @Property(tries = 300)
    void onePassGivesEachEndsQuadrature(@ForAll @DoubleRange(min = -3, max = 3) double lnR,
            @ForAll @DoubleRange(min = -4, max = 12) double lnAlpha, @ForAll @DoubleRange(min = -15, max = 8) double lnS,
            @ForAll @DoubleRange(min = -4, max = 12) double lnBeta, @ForAll @IntRange(max = 600) int x,
            @ForAll @DoubleRange(min = 0, max = 50) double tx, @ForAll long seed) {
        double r = Math.exp(lnR);
        double alpha = Math.exp(lnAlpha);
        double s = Math.exp(lnS);
        double beta = Math.exp(lnBeta);
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(40);
        double[] ends = new double[n];
        for (int i = 0; i < n; i++) {
            // whole days after t_x, some equal to it, some repeated, up to two years
            ends[i] = tx + Math.round(random.nextDouble() * (random.nextInt(4) == 0 ? 7 : 730)) / 7.0;
        }
        Arrays.sort(ends);
        double[] out = new double[n];
        double[][] grad = new double[4][n];
        ParetoNbdMath.lnTailQuadratureRun(r, alpha, s, beta, x, tx, ends, 0, n, out, grad, new double[5]);
        double[] g = new double[4];
        for (int i = 0; i < n; i++) {
            double single = ParetoNbdMath.lnTailQuadrature(r, alpha, s, beta, x, tx, ends[i], g);
            if (Double.isNaN(single)) {
                assertThat(out[i]).as("t_x = T").isNaN();
                continue;
            }
            // the same integral over differently split panels (the run splits at every end): equal up
            // to rounding, which reached 1.03e-12 relative in one CI run (r = alpha = s = 1, beta = e^-1.6,
            // x = 9, t_x = 0); 20,000 tries pass at 1e-11
            assertThat(out[i]).as("end %s", ends[i]).isCloseTo(single, within(1e-11 * Math.max(1, Math.abs(single))));
            for (int j = 0; j < 4; j++) {
                assertThat(grad[j][i]).as("gradient %d at end %s", j, ends[i])
                        .isCloseTo(g[j], within(1e-9 * Math.max(1, Math.abs(g[j]))));
            }
        }
    }

    /** ln of the quadrature's integrand in w (Jacobian included, less ln x0), as in ParetoNbdMath. */
    private static double phi(double w, double x0, double p, double q, double da, double db) {
        double ev = x0 * Math.exp(w);
        return -p * Math.log(da + ev) - q * Math.log(db + ev) + w;
    }

    @Property(tries = 300)
    void thePeakIsTheIntegrandsMaximum(@ForAll @DoubleRange(min = -3, max = 3) double lnR,
            @ForAll @DoubleRange(min = -4, max = 12) double lnAlpha, @ForAll @DoubleRange(min = -15, max = 8) double lnS,
            @ForAll @DoubleRange(min = -4, max = 12) double lnBeta, @ForAll @IntRange(max = 3) int x,
            @ForAll @DoubleRange(min = 0, max = 50) double tx, @ForAll @DoubleRange(min = 0.01, max = 40) double width) {
        double alpha = Math.exp(lnAlpha);
        double beta = Math.exp(lnBeta);
        double p = Math.exp(lnR) + x;
        double s = Math.exp(lnS);
        double m0 = Math.min(alpha, beta);
        double x0 = m0 + tx;
        double da = alpha - m0;
        double db = beta - m0;
        double w = ParetoNbdMath.tailPeak(x0, p, s, da, db, width);
        assertThat(w).isBetween(0.0, width);
        double top = phi(w, x0, p, s + 1, da, db);
        double slack = 1e-12 * Math.max(1, Math.abs(top));
        for (double v : new double[] {0, width, w - 1e-4, w + 1e-4, w - 0.1, w + 0.1, 0.5 * width}) {
            if (v >= 0 && v <= width) {
                assertThat(phi(v, x0, p, s + 1, da, db)).as("phi(%s) against the peak %s", v, w)
                        .isLessThanOrEqualTo(top + slack);
            }
        }
    }

    @Test
    void theShiftedExpansionAddsSLnBeta() {
        double[][] cases = {{0.5, 0.4, 0.6, 60}, {0.5, 80, 0.2, 0.3}, {2, 0.3, 1e3, 4e6}};
        int[] xs = {0, 3, 40};
        for (double[] c : cases) {
            for (int x : xs) {
                double plain = ParetoNbdMath.lnTail(c[0], c[1], c[2], c[3], x, x == 0 ? 0 : 2, 30, null);
                if (Double.isNaN(plain)) {
                    continue;
                }
                double shifted = ParetoNbdMath.lnTail(c[0], c[1], c[2], c[3], x, x == 0 ? 0 : 2, 30, null, true);
                double sLnBeta = c[2] * Math.log(c[3]);
                assertThat(shifted).as("%s x=%d", Arrays.toString(c), x)
                        .isCloseTo(plain + sLnBeta, within(1e-12 * (1 + Math.abs(plain) + Math.abs(sLnBeta))));
            }
        }
    }

    /**
     * Along the ridge s, beta -> infinity with s / beta fixed the likelihood levels off; s ln(beta)
     * and s ln(beta + T) are then 1e9 and more, and used to carry rounding of 1e-7 each per
     * customer, so the total jumped by 1e-4 between neighbouring points and the optimiser could
     * not settle. Kept as one s log1p(T / beta), the total is smooth there.
     */
    @Test
    void theLikelihoodIsSmoothAlongTheRidge() {
        int n = 2000;
        SplittableRandom random = new SplittableRandom(5);
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        for (int i = 0; i < n; i++) {
            bigT[i] = Math.round((26 + 78 * random.nextDouble()) * 7) / 7.0;
            x[i] = i % 3 == 0 ? 0 : random.nextInt(i % 10 == 1 ? 400 : 6);
            tx[i] = x[i] == 0 ? 0 : Math.round(random.nextDouble() * bigT[i] * 7) / 7.0;
        }
        BtydData data = BtydData.ofCustomers(x, tx, bigT, PeriodUnit.WEEKS);
        ParetoNbdLikelihood ll = new ParetoNbdLikelihood(data.xs(), data.txIn(data.unit()), data.bigTIn(data.unit()),
                data.weights());
        double[] values = new double[9];
        for (int k = 0; k < values.length; k++) {
            double scale = Math.exp(1e-7 * k);
            values[k] = ll.value(new double[] {0.25, 0.4, 6e7 * scale, 1e11 * scale}, null);
        }
        for (int k = 1; k + 1 < values.length; k++) {
            double curvature = values[k + 1] - 2 * values[k] + values[k - 1];
            assertThat(Math.abs(curvature)).as("second difference at %d of %s", k, Arrays.toString(values))
                    .isLessThan(1e-7);
        }
    }
}
