package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.history.PeriodUnit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The Pareto/NBD drop-out term where the hypergeometric series needs {@code 1 / (1 - z)} terms:
 * the binomial expansion ({@link ParetoNbdMath#lnTail}) and the quadrature fallback
 * ({@link ParetoNbdMath#lnTailQuadrature}) against 40-digit values from mpmath
 * ({@code pareto_tail_mpmath.py} beside the CSV in the test resources), against each other and the
 * series where all apply, and their gradients against finite differences.
 */
class ParetoNbdTailTest {

    private record Case(double r, double alpha, double s, double beta, int x, double tx, double bigT, double lnSJ,
            double logLikelihood) {
    }

    private static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ParetoNbdTailTest.class.getResourceAsStream("pareto-tail-mpmath.csv")), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                out.add(new Case(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Integer.parseInt(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8])));
            }
        }
        return out;
    }

    @Test
    void matchesHighPrecisionValues() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(18);
        int expansions = 0;
        for (Case c : cases) {
            String at = c.toString();
            double tolerance = 1e-13 * Math.max(1, Math.abs(c.lnSJ()));
            assertThat(ParetoNbdMath.lnTailQuadrature(c.r(), c.alpha(), c.s(), c.beta(), c.x(), c.tx(), c.bigT(),
                    null)).as("quadrature %s", at).isCloseTo(c.lnSJ(), within(tolerance));
            double expansion = ParetoNbdMath.lnTail(c.r(), c.alpha(), c.s(), c.beta(), c.x(), c.tx(), c.bigT(), null);
            if (!Double.isNaN(expansion)) {
                expansions++;
                assertThat(expansion).as("expansion %s", at).isCloseTo(c.lnSJ(), within(tolerance));
            }
            double ll = ParetoNbdModel.of(c.r(), c.alpha(), c.s(), c.beta(), PeriodUnit.WEEKS)
                    .logLikelihood(c.x(), c.tx(), c.bigT());
            assertThat(ll).as("log-likelihood %s", at)
                    .isCloseTo(c.logLikelihood(), within(1e-10 * Math.max(1, Math.abs(c.logLikelihood()))));
            ParetoNbdLikelihood bulk = new ParetoNbdLikelihood(new int[] {c.x()}, new double[] {c.tx()},
                    new double[] {c.bigT()}, new double[] {1});
            assertThat(bulk.value(new double[] {c.r(), c.alpha(), c.s(), c.beta()}, new double[4]))
                    .as("bulk log-likelihood %s", at)
                    .isCloseTo(c.logLikelihood(), within(1e-10 * Math.max(1, Math.abs(c.logLikelihood()))));
        }
        assertThat(expansions).as("cases where the expansion applies").isGreaterThanOrEqualTo(8);
    }

    /** Found by the property below (seed -5650293384447688273): two ends of the series 1e-6 apart. */
    @Test
    void seriesReferenceNearlyCancellingAtAHeavyBuyer() {
        expansionQuadratureAndSeriesAgree(0.0, -0.06, 0.02, 4.87, 1659, 1.0, 1.43);
        expansionQuadratureAndSeriesAgree(-0.25, -0.1, 0.22, 13.64, 1659, 1.0, 1.43);
    }

    @Property(tries = 400)
    void expansionQuadratureAndSeriesAgree(@ForAll @DoubleRange(min = -3, max = 3) double lnR,
            @ForAll @DoubleRange(min = -4, max = 14) double lnAlpha, @ForAll @DoubleRange(min = -18, max = 9) double lnS,
            @ForAll @DoubleRange(min = -4, max = 14) double lnBeta, @ForAll @IntRange(max = 2000) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double txShare, @ForAll @DoubleRange(min = 0.5, max = 150) double bigT) {
        double r = Math.exp(lnR);
        double alpha = Math.exp(lnAlpha);
        double s = Math.exp(lnS);
        double beta = Math.exp(lnBeta);
        double tx = x == 0 ? 0 : Math.min(txShare * bigT, bigT * (1 - 1e-9));
        double[] gq = new double[4];
        double quad = ParetoNbdMath.lnTailQuadrature(r, alpha, s, beta, x, tx, bigT, gq);
        assertThat(quad).isFinite();
        double[] ge = new double[4];
        double expansion = ParetoNbdMath.lnTail(r, alpha, s, beta, x, tx, bigT, ge);
        double scale = Math.max(1, Math.abs(quad));
        if (!Double.isNaN(expansion)) {
            assertThat(expansion).isCloseTo(quad, within(1e-11 * scale));
            for (int i = 0; i < 4; i++) {
                assertThat(ge[i]).as("gradient %d", i).isCloseTo(gq[i], within(1e-7 * Math.max(1, Math.abs(gq[i]))));
            }
        }
        boolean alphaLarger = alpha >= beta;
        double m = Math.max(alpha, beta);
        double diff = Math.abs(alpha - beta);
        double b2 = alphaLarger ? s + 1 : r + x;
        double a1 = r + s + x;
        double zTx = diff / (m + tx);
        Assume.that(ParetoNbdMath.seriesCost(a1, b2, zTx, (Math.min(alpha, beta) + tx) / (m + tx)) < 5000);
        double near = Math.min(alpha, beta);
        double lnFtx = ParetoNbdMath.lnSeries(a1, b2, zTx, (near + tx) / (m + tx), null) - a1 * Math.log(m + tx);
        double lnFT = ParetoNbdMath.lnSeries(a1, b2, diff / (m + bigT), (near + bigT) / (m + bigT), null)
                - a1 * Math.log(m + bigT);
        Assume.that(lnFT < lnFtx - 1e-6);
        double series = Math.log(s) - Math.log(a1) + Special.logSubExp(lnFtx, lnFT);
        // ln(e^a - e^b) multiplies the rounding errors of a and b (about 1e-14 |a| from the series) by
        // 1 / (1 - e^(b-a)): a million when the two ends are 1e-6 apart (x = 1659 with tx = T)
        double conditioning = 1e-14 * Math.max(1, Math.abs(lnFtx)) / -Math.expm1(lnFT - lnFtx);
        assertThat(quad).as("series").isCloseTo(series, within(1e-9 * scale + conditioning));
    }

    @Property(tries = 200)
    void quadratureGradientMatchesFiniteDifferences(@ForAll @DoubleRange(min = -2, max = 2) double lnR,
            @ForAll @DoubleRange(min = -3, max = 12) double lnAlpha, @ForAll @DoubleRange(min = -15, max = 8) double lnS,
            @ForAll @DoubleRange(min = -3, max = 12) double lnBeta, @ForAll @IntRange(max = 500) int x,
            @ForAll @DoubleRange(min = 0, max = 0.99) double txShare, @ForAll @DoubleRange(min = 1, max = 100) double bigT) {
        double[] theta = {Math.exp(lnR), Math.exp(lnAlpha), Math.exp(lnS), Math.exp(lnBeta)};
        double tx = x == 0 ? 0 : txShare * bigT;
        double[] g = new double[4];
        ParetoNbdMath.lnTailQuadrature(theta[0], theta[1], theta[2], theta[3], x, tx, bigT, g);
        for (int i = 0; i < 4; i++) {
            double h = 1e-5 * theta[i];
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (ParetoNbdMath.lnTailQuadrature(up[0], up[1], up[2], up[3], x, tx, bigT, null)
                    - ParetoNbdMath.lnTailQuadrature(down[0], down[1], down[2], down[3], x, tx, bigT, null)) / (2 * h);
            // compare derivatives with respect to ln theta_i: theta_i * d/dtheta_i
            assertThat(theta[i] * g[i]).as("d/dln theta_%d", i)
                    .isCloseTo(theta[i] * numeric, within(1e-5 * Math.max(1, Math.abs(theta[i] * g[i]))));
        }
    }
}
