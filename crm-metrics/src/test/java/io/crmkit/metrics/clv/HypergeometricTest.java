package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 2F1 against reference values computed with mpmath 1.3.0 at 30 digits ({@code hyp2f1}), covering
 * each region (series, Pfaff for z &lt; 0, the 1 - z transformation, z = 1, large parameters,
 * terminating series, negative c) and closed forms.
 */
class HypergeometricTest {

    @ParameterizedTest(name = "2F1({0}, {1}; {2}; {3}) = {4}")
    @CsvSource({
        "0.243, 2.426, 2.219, 0.5, 1.2070970070440423133",
        "0.243, 2.426, 2.219, 0.946, 2.3834119091635900506",
        "0.243, 2.426, 2.219, 0.999, 11.09650428868049392",
        "1.5, 2.5, 3.7, 0.75, 3.5162797210386357676",
        "26.243, 28.426, 28.219, 0.6, 33237064884.615621921",
        "200.25, 202.4, 201.2, 0.3, 1.6005203887608997153e+31",
        "0.5, 0.5, 1.5, -0.7, 0.90961640283507793956",
        "2.3, 1.1, 0.4, -3.5, -0.15803045864970134476",
        "1, 5.8, 6.47, 0.909, 6.7072740836188903962",
        "3, -4, 2.5, 0.8, -0.013582683982683979694",
        "1.2, 0.8, -0.5, 0.3, -1.002027614717581843",
        "10.5, 1.6, 11.5, 0.95, 42.530560040420174576",
        "5, 3, 9, 0.999999, 55.991012852366007671",
        "0.8, 0.6, 2.4, 1.0, 1.4926229792685641936",
        "2, 3, 4, 0.999, 2967.4439006638379494",
        "1.3, 2.7, 4.0, 0.97, 8.7304609739814434847",
    })
    void matchesMpmath(double a, double b, double c, double z, double expected) {
        assertThat(Hypergeometric.hyp2f1(a, b, c, z)).isCloseTo(expected, withinPercentage(1e-8));
    }

    @Test
    void closedForms() {
        for (double z : new double[] {-0.9, -0.3, 0.1, 0.45, 0.7, 0.95, 0.9999}) {
            // 2F1(1, 1; 2; z) = -ln(1 - z) / z
            assertThat(Hypergeometric.hyp2f1(1, 1, 2, z)).isCloseTo(-Math.log1p(-z) / z, withinPercentage(1e-10));
            // 2F1(a, b; b; z) = (1 - z)^-a
            assertThat(Hypergeometric.hyp2f1(0.37, 2.5, 2.5, z)).isCloseTo(Math.pow(1 - z, -0.37),
                    withinPercentage(1e-10));
        }
        for (double x : new double[] {0.1, 0.5, 0.9, 0.99}) {
            // 2F1(1/2, 1/2; 3/2; x^2) = asin(x) / x
            assertThat(Hypergeometric.hyp2f1(0.5, 0.5, 1.5, x * x)).isCloseTo(Math.asin(x) / x, withinPercentage(1e-10));
        }
    }

    @Test
    void bothSidesOfTheRegionBoundaryAgree() {
        double below = Hypergeometric.hyp2f1(0.7, 1.9, 2.3, 0.5);
        double above = Hypergeometric.hyp2f1(0.7, 1.9, 2.3, Math.nextUp(0.5));
        assertThat(above).isCloseTo(below, withinPercentage(1e-10));
    }

    /**
     * A heavy buyer's BG/NBD term far ahead: 2F1(r + x, b + x; a + b + x - 1; z) with x = 1000 and z
     * near 1, where the plain series needs billions of terms (DERT used to throw here); ln values from
     * mpmath at 30 digits.
     */
    @ParameterizedTest(name = "ln 2F1({0}, {1}; {2}; {3}) = {4}")
    @CsvSource({
        "1000.243, 1002.426, 1002.219, 0.999, 6910.863360575887344",
        "1000.243, 1002.426, 1002.219, 0.9999, 9214.4846164935607051",
        "1000.243, 1002.426, 1002.219, 0.999999, 13821.727128995951689",
        "100.243, 102.426, 102.219, 0.99999, 1156.4693064310832956",
    })
    void largeParametersNearOneUseEulersTransformation(double a, double b, double c, double z, double expected) {
        assertThat(Hypergeometric.lnHyp2f1(a, b, c, z)).isCloseTo(expected, withinPercentage(1e-10));
    }

    @Test
    void largeParametersStayFiniteInLogSpace() {
        double ln = Hypergeometric.lnHyp2f1(10_000.25, 10_002.4, 10_001.2, 0.8);
        assertThat(ln).isFinite().isGreaterThan(700);
    }

    @Test
    void rejectsPolesAndDivergence() {
        assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, -2, 0.3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pole");
        assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 1.5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c - a - b");
        assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 1.5, 1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric.hyp2f1(2000.25, 2002.4, 2001.2, 0.9))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("overflow");
    }

    @ParameterizedTest(name = "Gamma({0}, {1}) = {2}")
    @CsvSource({
        "-0.6, 0.13, 3.0571309483151118788",
        "0.4, 0.13, 1.1523121142518057595",
        "-2.5, 3.0, 0.0005294328305010099745",
        "-1.3, 0.01, 296.26599577179038321",
    })
    void upperIncompleteGammaOfAnyOrder(double a, double z, double expected) {
        assertThat(Math.exp(Special.lnUpperIncompleteGamma(a, z))).isCloseTo(expected, withinPercentage(1e-9));
    }
}
