package io.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** CSV's natural precision: the shortcut for texts no rounding changes gives what the big-decimal rule gives. */
class CellsProperties {

    @Provide
    Arbitrary<Double> numbers() {
        Arbitrary<Double> money = Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L)
                .map(cents -> cents / 100.0);
        Arbitrary<Double> ratios = Arbitraries.integers().between(-100_000, 100_000)
                .flatMap(a -> Arbitraries.integers().between(1, 9_999).map(b -> (double) a / b));
        Arbitrary<Double> small = Arbitraries.doubles().between(-0.01, 0.01);
        Arbitrary<Double> any = Arbitraries.doubles();
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        return Arbitraries.oneOf(money, ratios, small, any, bits);
    }

    @Property(tries = 5000)
    void naturalTextIsTheBigDecimalRounding(@ForAll("numbers") double value,
            @ForAll @IntRange(min = 0, max = 8) int tableDecimals) {
        Column column = Column.number("x", tableDecimals);
        String text = Cells.natural(value, column);
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            assertThat(text).isEqualTo(Long.toString((long) value));
        } else {
            assertThat(text).isEqualTo(Cells.byDecimal(Double.toString(value), tableDecimals));
        }
    }
}
