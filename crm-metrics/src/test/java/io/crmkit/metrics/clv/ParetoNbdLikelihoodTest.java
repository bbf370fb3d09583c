package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.testkit.simulation.BgNbdProcess;
import org.junit.jupiter.api.Test;

/**
 * The shared-work likelihood used for fitting agrees with the per-pattern formulas of
 * {@link ParetoNbdMath}, value and gradient, on both sides of {@code alpha = beta}, at it, with
 * {@code t_x = T}, and where the series falls back to the rescaling sum (heavy buyers, {@code z}
 * near 1).
 */
class ParetoNbdLikelihoodTest {

    private static final double[][] THETAS = {
        {0.5533, 10.58, 0.6061, 11.66}, // CDNOW estimate, beta > alpha
        {0.5533, 11.66, 0.6061, 10.58}, // alpha > beta
        {1.2, 7.0, 0.8, 7.0}, // alpha = beta: z = 0
        {0.3, 0.5, 2.0, 60.0}, // z near 1, b = r + x
        {4.0, 80.0, 0.2, 0.3}, // z near 1, b = s + 1
        {0.05, 2.0, 15.0, 3.0},
    };

    private static void assertAgrees(BtydData data) {
        ParetoNbdLikelihood shared = new ParetoNbdLikelihood(data.xs(), data.txIn(data.unit()),
                data.bigTIn(data.unit()), data.weights());
        for (double[] theta : THETAS) {
            double expected = 0;
            double[] expectedGrad = new double[4];
            double[] scratch = new double[3];
            for (int k = 0; k < data.patternCount(); k++) {
                expected += data.weight(k) * ParetoNbdMath.logLikelihood(theta[0], theta[1], theta[2], theta[3],
                        data.x(k), data.tx(k), data.bigT(k), data.weight(k), expectedGrad, scratch);
            }
            double[] grad = new double[4];
            double value = shared.value(theta, grad);
            assertThat(value).as("value at %s", java.util.Arrays.toString(theta))
                    .isCloseTo(expected, within(1e-11 * Math.abs(expected)));
            assertThat(shared.value(theta, null)).isEqualTo(value);
            for (int i = 0; i < 4; i++) {
                double tolerance = 1e-9 * (data.customerCount() + Math.abs(expectedGrad[i]));
                assertThat(grad[i]).as("gradient %d at %s", i, java.util.Arrays.toString(theta))
                        .isCloseTo(expectedGrad[i], within(tolerance));
            }
        }
    }

    @Test
    void agreesWithThePerPatternFormulasOnSimulatedCustomers() {
        BtydData data = BtydData.of(ClvProperties.simulate(3000, 11L, BgNbdProcess.CDNOW));
        ParetoNbdLikelihood shared = new ParetoNbdLikelihood(data.xs(), data.txIn(data.unit()),
                data.bigTIn(data.unit()), data.weights());
        assertThat(shared.pointCount()).isLessThanOrEqualTo(2 * data.patternCount());
        assertAgrees(data);
    }

    @Test
    void agreesForHeavyBuyersAndEdgeCases() {
        int[] x = {0, 0, 1, 1, 2, 3, 40, 40, 400, 5000, 5000, 9000, 9000};
        double[] tx = {0, 0, 5, 30, 30, 12.5, 39, 20, 38.9, 38.99, 30, 52, 20};
        double[] bigT = {30, 39, 39, 30, 39, 39, 39, 39, 39, 39, 39, 52, 52};
        BtydData data = BtydData.ofCustomers(x, tx, bigT, PeriodUnit.WEEKS);
        assertAgrees(data);
    }
}
