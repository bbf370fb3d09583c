package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's root cause: where {@code c - a} or {@code c - b} is near a non-positive integer, the
 * transformation to {@code 1 - z} divides by a Gamma function near its pole and its two terms
 * cancel; {@link Hypergeometric} now takes the series there. Checked against 40-digit mpmath
 * values ({@code hyp2f1-poles-mpmath.csv}, made by {@code hyp2f1_poles_mpmath.py}) and against
 * closed forms.
 */
class HypergeometricPoleTest {

    private record Case(double a, double b, double c, double z, double value) {
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                HypergeometricPoleTest.class.getResourceAsStream("hyp2f1-poles-mpmath.csv")), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                cases.add(new Case(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
        }
        return cases;
    }

    @Test
    void matchesMpmathNearThePolesOfTheGammaFactors() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSize(615);
        for (Case c : cases) {
            // c - a - b within 1e-5 of 0 and 1 - z below 1e-5: the series sums millions of terms
            // (no transformation applies there); the rounding of its term recurrence reaches 1e-11
            boolean longSeries = Math.abs(c.c() - c.a() - c.b()) < 1e-5 && 1 - c.z() < 1e-5;
            double tolerance = longSeries ? 2e-11 : 1e-12;
            assertThat(Hypergeometric.hyp2f1(c.a(), c.b(), c.c(), c.z())).as("%s", c)
                    .isCloseTo(c.value(), within(tolerance * Math.abs(c.value())));
        }
    }

    @Test
    void cMinusBAtAndNearZeroGivesThePowerOfOneMinusZ() {
        // 2F1(a, b; b; z) = (1 - z)^-a; at c = b + eps the value moves by O(eps) only
        for (double b : new double[] {1.5, 3.7, 20.2}) {
            for (double z : new double[] {0.6, 0.9, 0.99}) {
                double exact = Math.pow(1 - z, -2.3);
                assertThat(Hypergeometric.hyp2f1(2.3, b, b, z)).isCloseTo(exact, within(1e-13 * exact));
                for (double eps : new double[] {1e-12, -1e-12}) {
                    double v = Hypergeometric.hyp2f1(2.3, b, b + eps, z);
                    // |d/dc 2F1| <= (a / c) z (1 - z)^(-a - 1) here: the value moves by at most eps times that
                    assertThat(v).as("b %s z %s eps %s", b, z, eps).isCloseTo(exact,
                            within(1e-13 * exact + Math.abs(eps) * 2.3 / b * exact / (1 - z)));
                }
            }
        }
    }

    @Test
    void logarithmicCaseStaysOnItsClosedForm() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z: c - a - b = 0, and c - a = c - b = 1
        for (double z : new double[] {0.55, 0.6, 0.9, 0.99, 0.999, 0.9999}) {
            double exact = -Math.log1p(-z) / z;
            assertThat(Hypergeometric.hyp2f1(1, 1, 2, z)).as("z %s", z).isCloseTo(exact, within(1e-13 * exact));
        }
    }
}
