package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adaptive Gauss-Legendre quadrature the Pareto/NBD and the intervals integrate with, against
 * integrals known in closed form: the rules' nodes and weights (a rule of n nodes integrates every
 * polynomial of degree below 2n exactly), smooth and peaked integrands, the half-line, and the
 * failures it must report rather than return.
 */
class QuadratureTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 10, 20})
    void theRulesAreGaussLegendres(int n) {
        double[][] g = Quadrature.gaussLegendre(n);
        double[] x = g[0];
        double[] w = g[1];
        assertThat(x).hasSize(n);
        double weights = 0;
        for (int i = 0; i < n; i++) {
            weights += w[i];
            assertThat(w[i]).isPositive();
            assertThat(x[i]).isBetween(-1.0, 1.0);
            if (i > 0) {
                assertThat(x[i]).isGreaterThan(x[i - 1]);
            }
            // symmetric about 0
            assertThat(x[i]).isCloseTo(-x[n - 1 - i], within(1e-15));
            assertThat(w[i]).isCloseTo(w[n - 1 - i], within(1e-15));
        }
        assertThat(weights).isCloseTo(2, within(1e-13));
        // exact for every monomial of degree below 2n: the integral of t^k over [-1, 1]
        for (int k = 0; k < 2 * n; k++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += w[i] * Math.pow(x[i], k);
            }
            double exact = k % 2 == 1 ? 0 : 2.0 / (k + 1);
            assertThat(sum).as("t^%d with %d nodes", k, n).isCloseTo(exact, within(1e-13));
        }
        if (n == 2) {
            assertThat(x[1]).isCloseTo(1 / Math.sqrt(3), within(1e-15));
            assertThat(w[0]).isCloseTo(1, within(1e-15));
        }
    }

    @Test
    void smoothAndPeakedIntegrands() {
        assertThat(Quadrature.integrate(Math::exp, 0, 1, 1e-13)).isCloseTo(Math.E - 1, within(1e-13));
        assertThat(Quadrature.integrate(Math::sin, 0, Math.PI, 1e-13)).isCloseTo(2, within(1e-13));
        assertThat(Quadrature.integrate(t -> 1 / t, 1, 1000, 1e-12)).isCloseTo(Math.log(1000), within(1e-10));
        // a narrow peak: 1 / (1 + (1000 (t - 0.3))^2) over [0, 1] = (atan(700) + atan(300)) / 1000
        double peak = Quadrature.integrate(t -> 1 / (1 + 1e6 * (t - 0.3) * (t - 0.3)), 0, 1, 1e-12);
        assertThat(peak).isCloseTo((Math.atan(700) + Math.atan(300)) / 1000, within(1e-14));
        // a reversed interval changes the sign; an empty one is 0
        assertThat(Quadrature.integrate(Math::exp, 1, 0, 1e-13)).isCloseTo(1 - Math.E, within(1e-13));
        assertThat(Quadrature.integrate(Math::exp, 2, 2, 1e-13)).isZero();
        // a function that is 0 everywhere needs no subdivision and is exactly 0
        assertThat(Quadrature.integrate(t -> 0, -5, 5, 1e-12)).isZero();
        // sqrt has an infinite slope at 0: still 2/3 to the tolerance asked
        assertThat(Quadrature.integrate(Math::sqrt, 0, 1, 1e-10)).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void theHalfLine() {
        assertThat(Quadrature.integrateToInfinity(t -> Math.exp(-t), 1e-12)).isCloseTo(1, within(1e-11));
        assertThat(Quadrature.integrateToInfinity(t -> 1 / (1 + t * t), 1e-11)).isCloseTo(Math.PI / 2,
                within(1e-9));
        assertThat(Quadrature.integrateToInfinity(t -> t * Math.exp(-2 * t), 1e-12)).isCloseTo(0.25,
                within(1e-11));
        // an integrand that underflows to 0 far out is taken as 0 there, not as 0 / 0
        assertThat(Quadrature.integrateToInfinity(t -> Math.exp(-t * t), 1e-12)).isCloseTo(Math.sqrt(Math.PI) / 2,
                within(1e-11));
    }

    @Test
    void whatItCannotIntegrateIsReportedNotReturned() {
        assertThatThrownBy(() -> Quadrature.integrate(t -> t > 0.7 ? Double.POSITIVE_INFINITY : 1, 0, 1, 1e-12))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> Quadrature.integrate(t -> Double.NaN, 0, 1, 1e-12))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("not finite");
        // 1 / |t - 0.5| is not integrable (though finite at every node): the halving never settles
        assertThatThrownBy(() -> Quadrature.integrate(t -> 1 / Math.abs(t - 0.5), 0, 1, 1e-12))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("did not reach the tolerance");
    }
}
