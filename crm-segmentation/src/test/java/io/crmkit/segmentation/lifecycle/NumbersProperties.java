package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class NumbersProperties {

    @Property(tries = 500)
    void fixedFormatsAsStringFormatDoes(@ForAll @DoubleRange(min = 0, max = 1e9) double value,
            @ForAll @IntRange(min = 0, max = 3) int decimals) {
        assertThat(Numbers.fixed(new StringBuilder(), value, decimals).toString())
                .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    @Property(tries = 5000)
    void fixedReadsTheDoubleAsTheBigDecimalDefinitionDoes(@ForAll double value,
            @ForAll @IntRange(min = 0, max = 3) int decimals) {
        assertThat(Numbers.fixed(new StringBuilder(), value, decimals).toString())
                .isEqualTo(Numbers.exact(new StringBuilder(), value, decimals).toString());
    }

    @Property(tries = 5000)
    void fixedNearHalvesAndWholesAsTheBigDecimalDefinition(@ForAll @IntRange(min = -2_000_000, max = 2_000_000) int k,
            @ForAll @IntRange(min = -3, max = 3) int ulps, @ForAll @IntRange(min = 0, max = 3) int decimals,
            @ForAll boolean half) {
        // values at and a few ulps around k/10^d and (k + 1/2)/10^d: where rounding is decided
        double p = Math.pow(10, decimals);
        double v = (k + (half ? 0.5 : 0)) / p;
        for (int u = 0; u < Math.abs(ulps); u++) {
            v = ulps > 0 ? Math.nextUp(v) : Math.nextDown(v);
        }
        assertThat(Numbers.fixed(new StringBuilder(), v, decimals).toString())
                .isEqualTo(Numbers.exact(new StringBuilder(), v, decimals).toString());
    }

    @Property(tries = 3000)
    void fixedOfSmallMagnitudesAsTheBigDecimalDefinition(@ForAll @DoubleRange(min = -20, max = 20) double value,
            @ForAll @IntRange(min = 0, max = 3) int decimals) {
        assertThat(Numbers.fixed(new StringBuilder(), value, decimals).toString())
                .isEqualTo(Numbers.exact(new StringBuilder(), value, decimals).toString());
    }

    @Property(tries = 2000)
    void featuresLog1pOfACountIsMathLog1pExactly(@ForAll @IntRange(min = -5, max = 100_000) int i) {
        // bit for bit (NaN below -1 included)
        assertThat(Double.doubleToRawLongBits(ChurnFeatures.log1p(i)))
                .isEqualTo(Double.doubleToRawLongBits(Math.log1p(i)));
    }

    @Property(tries = 200)
    void featuresLog1pOfAnyIntIsMathLog1pExactly(@ForAll int i) {
        assertThat(Double.doubleToRawLongBits(ChurnFeatures.log1p(i)))
                .isEqualTo(Double.doubleToRawLongBits(Math.log1p(i)));
    }
}
