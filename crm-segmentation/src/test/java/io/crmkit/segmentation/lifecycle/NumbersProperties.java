package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class NumbersProperties {

    @Property(tries = 500)
    void fixedFormatsAsStringFormatDoes(@ForAll @DoubleRange(min = 0, max = 1e9) double value,
            @ForAll @IntRange(min = 0, max = 3) int decimals) {
        assertThat(Numbers.fixed(new StringBuilder(), value, decimals).toString())
                .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    /**
     * Doubles of every kind the reasons format: full-precision fractions (probabilities, factors,
     * ratios), any finite bit pattern, values just inside and outside the fast path's margin around a
     * half at each number of decimals, and values around its 10^9 cap.
     */
    @Provide
    Arbitrary<double[]> valuesAndDecimals() {
        Arbitrary<Integer> decimals = Arbitraries.integers().between(0, 3);
        Arbitrary<Double> fractions = Arbitraries.doubles().between(-1000, 1000).ofScale(17);
        Arbitrary<Double> ratios = Arbitraries.integers().between(-100_000, 100_000)
                .flatMap(a -> Arbitraries.integers().between(1, 9_999).map(b -> (double) a / b));
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> plain = Arbitraries.oneOf(fractions, ratios, bits);
        Arbitrary<double[]> free = Combinators.combine(plain, decimals).as((v, d) -> new double[] {v, d});
        // (k + 1/2 + delta) / 10^d with delta on both sides of the margin of 1e-6
        Arbitrary<double[]> margins = Combinators.combine(Arbitraries.integers().between(-999_999_999, 999_999_999),
                Arbitraries.of(-2e-6, -1.0001e-6, -0.9999e-6, -1e-7, 0.0, 1e-7, 0.9999e-6, 1.0001e-6, 2e-6),
                decimals).as((k, delta, d) -> new double[] {(k + 0.5 + delta) / Math.pow(10, d), d});
        // halves far beyond the cap, where a double's fraction no longer tells the rounding
        Arbitrary<double[]> largeHalves = Combinators.combine(Arbitraries.longs().between(1_000_000_000L,
                1_000_000_000_000L), decimals, Arbitraries.of(1.0, -1.0))
                .as((k, d, sign) -> new double[] {sign * (k + 0.5) / Math.pow(10, d), d});
        // scaled values around the cap of 10^9, with and without a fraction
        Arbitrary<double[]> cap = Combinators.combine(Arbitraries.doubles().between(0.999e9, 1.001e9).ofScale(3),
                decimals, Arbitraries.of(1.0, -1.0)).as((v, d, sign) -> new double[] {sign * v / Math.pow(10, d), d});
        return Arbitraries.oneOf(free, margins, largeHalves, cap);
    }

    @Property(tries = 20_000)
    void fixedIsTheBigDecimalDefinition(@ForAll("valuesAndDecimals") double[] valueAndDecimals) {
        double value = valueAndDecimals[0];
        int decimals = (int) valueAndDecimals[1];
        assertThat(Numbers.fixed(new StringBuilder(), value, decimals).toString())
                .isEqualTo(Numbers.exact(new StringBuilder(), value, decimals).toString());
    }

    @Property(tries = 5000)
    void fixedNearWholesAsTheBigDecimalDefinition(@ForAll @IntRange(min = -2_000_000, max = 2_000_000) int k,
            @ForAll @IntRange(min = -3, max = 3) int ulps, @ForAll @IntRange(min = 0, max = 3) int decimals) {
        // values at and a few ulps around k/10^d, where the text changes digit
        double v = k / Math.pow(10, decimals);
        for (int u = 0; u < Math.abs(ulps); u++) {
            v = ulps > 0 ? Math.nextUp(v) : Math.nextDown(v);
        }
        assertThat(Numbers.fixed(new StringBuilder(), v, decimals).toString())
                .isEqualTo(Numbers.exact(new StringBuilder(), v, decimals).toString());
    }

    @Property(tries = 200)
    void fixedOfNegativeZeroAndTinyValuesHasNoSign(@ForAll @IntRange(min = 0, max = 3) int decimals,
            @ForAll @IntRange(min = 1, max = 4_000) int tenThousandths) {
        double tiny = -tenThousandths * 1e-4 / Math.pow(10, decimals + 1); // rounds to zero
        for (double v : new double[] {-0.0, 0.0, tiny}) {
            String text = Numbers.fixed(new StringBuilder(), v, decimals).toString();
            assertThat(text).isEqualTo(Numbers.exact(new StringBuilder(), v, decimals).toString())
                    .doesNotStartWith("-");
        }
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
