package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The conditional expectation's removable singularity at a = 1 (a factor c / (a - 1) times a
 * difference that vanishes with a - 1): near it the values are finite, not negative, and continuous
 * in a. Found by {@code ClvProperties} with a random seed: MBG/NBD at a = 1 averaged the values at
 * a = 1 +- 2e-6, and at 1 - 2e-6 the difference had lost its digits ("negative expected transactions").
 */
class BgNbdNearAEqualsOneTest {

    private static final double[] OFFSETS = {0, 1e-9, 1e-7, 1e-6, 1.5e-6, 2e-6, 3e-6, 1e-5, 5e-5, 1e-4, 2e-4,
        3e-4, 5e-4, 9.99e-4, 1e-3, 2e-3, 3e-3};

    @Test
    void theFoundCaseAndItsNeighboursAreFiniteNonNegativeAndContinuous() {
        for (boolean modified : new boolean[] {true, false}) {
            for (int x : new int[] {0, 3, 40}) {
                double far = BgNbdMath.conditionalExpectation(modified, 0.05, 0.42, 1.01, 18.19, x, 0, 0, 0.43);
                double farBelow = BgNbdMath.conditionalExpectation(modified, 0.05, 0.42, 0.99, 18.19, x, 0, 0, 0.43);
                for (double d : OFFSETS) {
                    for (double a : new double[] {1 + d, 1 - d}) {
                        double v = BgNbdMath.conditionalExpectation(modified, 0.05, 0.42, a, 18.19, x, 0, 0, 0.43);
                        assertThat(v).as("modified %s, x %d, a %s", modified, x, a).isFinite().isNotNegative();
                        // between the values at a = 0.99 and 1.01, within what the slope allows
                        double lo = Math.min(far, farBelow);
                        double hi = Math.max(far, farBelow);
                        double slack = 1e-6 * Math.max(1e-300, hi) + (hi - lo);
                        assertThat(v).as("modified %s, x %d, a %s", modified, x, a).isBetween(lo - slack, hi + slack);
                    }
                }
            }
        }
        for (double d : OFFSETS) {
            for (double a : new double[] {1 + d, 1 - d}) {
                double v = BgNbdMath.expectedTransactions(true, 0.05, 0.42, a, 18.19, 0.43);
                assertThat(v).as("MBG/NBD E[X(t)] at a %s", a).isFinite().isNotNegative();
            }
        }
    }
}
