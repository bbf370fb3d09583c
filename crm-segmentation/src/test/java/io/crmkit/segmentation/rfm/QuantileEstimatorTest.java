package io.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The nine estimators against R's documented outputs. */
class QuantileEstimatorTest {

    @Test
    void quartileOfOneToTenAsR() {
        // R: sapply(1:9, function(t) quantile(1:10, 0.25, type = t))
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] expected = {3, 3, 2, 2.5, 3, 2.75, 3.25, 2.916666666666667, 2.9375};
        for (int t = 1; t <= 9; t++) {
            assertThat(QuantileEstimator.ofType(t).quantile(x, 0.25)).as("type " + t)
                    .isCloseTo(expected[t - 1], within(1e-12));
        }
    }

    @Test
    void medianOfAnEvenSample() {
        double[] x = {4, 1, 3, 2};
        // type 4 interpolates the empirical cdf, whose 0.5 point is the second value itself
        assertThat(QuantileEstimator.TYPE_4.quantile(x, 0.5)).isEqualTo(2);
        for (int t = 5; t <= 9; t++) {
            // types 8 and 9 land one ulp off 2.5 with R's arithmetic (nppm is not exactly 2.5)
            assertThat(QuantileEstimator.ofType(t).quantile(x, 0.5)).as("type " + t).isCloseTo(2.5, within(1e-15));
        }
        assertThat(QuantileEstimator.TYPE_1.quantile(x, 0.5)).isEqualTo(2);
        assertThat(QuantileEstimator.TYPE_2.quantile(x, 0.5)).isEqualTo(2.5);
    }

    @Test
    void typeSevenUsesRsArithmeticAtThePackagesProbabilities() {
        // seq(0, 1, length.out = 6)[4] is 3 * 0.2 = 0.6000000000000001 in R, and the index
        // 1 + 994 * p is then interpolated as (1 - h) * lo + h * hi
        double[] x = new double[995];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 597 ? 296 : 297;
        }
        double q = QuantileEstimator.TYPE_7.ofSorted(x, 3 * (1.0 / 5));
        double h = (1 + 994 * (3 * (1.0 / 5))) - 597;
        assertThat(q).isEqualTo((1 - h) * 296 + h * 297).isNotEqualTo(296.4);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> QuantileEstimator.TYPE_7.quantile(new double[0], 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> QuantileEstimator.TYPE_7.quantile(new double[] {1}, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> QuantileEstimator.TYPE_7.quantile(new double[] {1, Double.NaN}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values[1]");
        assertThatThrownBy(() -> QuantileEstimator.ofType(10)).hasMessageContaining("10");
    }
}
