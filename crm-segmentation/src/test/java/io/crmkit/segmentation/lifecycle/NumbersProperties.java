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
