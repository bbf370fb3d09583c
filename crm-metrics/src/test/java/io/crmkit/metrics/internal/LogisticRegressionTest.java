package io.crmkit.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    private static final double[][] SEPARATED = {{0, 1, 2, 3}};
    private static final boolean[] SPLIT = {false, false, true, true};

    @Test
    void ridgeMustBePositiveBecauseSeparatedDataHaveNoFiniteMaximumWithout() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> LogisticRegression.fit(SEPARATED, SPLIT, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ridge");
        }
    }

    @Test
    void separatedDataWithARidgeConvergeToTheUniqueMaximum() {
        LogisticRegression.Fit fit = LogisticRegression.fit(SEPARATED, SPLIT, 1e-3);
        assertThat(fit.converged()).isTrue();
        double[] b = fit.beta();
        // stationary: the penalised score is zero at the maximum
        double g0 = 0;
        double g1 = -1e-3 * b[1];
        for (int i = 0; i < 4; i++) {
            double e = (SPLIT[i] ? 1 : 0) - LogisticRegression.sigmoid(b[0] + b[1] * SEPARATED[0][i]);
            g0 += e;
            g1 += e * SEPARATED[0][i];
        }
        assertThat(g0).isCloseTo(0, within(1e-8));
        assertThat(g1).isCloseTo(0, within(1e-8));
        // symmetric data: the boundary is at 1.5
        assertThat(-b[0] / b[1]).isCloseTo(1.5, within(1e-6));
    }

    @Test
    void aNearlyUnpenalisedSeparationIsReportedAsNotConverged() {
        // ridge 1e-300: the maximum is practically at infinity; 100 Newton steps walk towards it and stop unconverged
        LogisticRegression.Fit fit = LogisticRegression.fit(SEPARATED, SPLIT, 1e-300);
        assertThat(fit.converged()).as(Arrays.toString(fit.beta())).isFalse();
        assertThat(fit.iterations()).isEqualTo(LogisticRegression.MAX_ITERATIONS);
        assertThat(Arrays.stream(fit.beta()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void plainNewtonThatDivergesIsNotConvergedAndKeepsFiniteCoefficients() {
        double[][] x = {{4, 3, -11, 5, -18}, {12, -9, 21, -11, 16}};
        boolean[] y = {true, false, false, true, false};
        LogisticRegression.Fit plain = LogisticRegression.fit(x, y, 1e-3, false);
        assertThat(plain.converged()).isFalse();
        assertThat(Arrays.stream(plain.beta()).allMatch(Double::isFinite)).isTrue();
        LogisticRegression.Fit damped = LogisticRegression.fit(x, y, 1e-3);
        assertThat(damped.converged()).isTrue();
        assertThat(damped.objective()).isGreaterThan(plain.objective());
    }

    @Test
    void rankingAucCountsTiesHalfAndIsNaNWithOneOutcome() {
        assertThat(Ranking.auc(new double[] {0.3, 0.1, 0.6, 0.6, 0.2}, new boolean[] {true, false, true, false, false}))
                .isCloseTo(4.5 / 6, within(1e-12));
        assertThat(Ranking.auc(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
        assertThat(Ranking.ascending(new double[] {2, 1, 2, 0})).containsExactly(3, 1, 0, 2);
    }
}
