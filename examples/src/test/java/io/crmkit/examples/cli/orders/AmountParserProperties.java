package io.crmkit.examples.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The direct decoding of plain decimals agrees with {@link BigDecimal}. */
class AmountParserProperties {

    static Optional<Long> reference(String text, int scale) {
        try {
            BigDecimal v = new BigDecimal(text);
            if (v.signum() < 0) {
                return Optional.empty();
            }
            return Optional.of(v.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<String> amounts() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(21);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMaxLength(6);
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "-", "+", ".", "0");
        Arbitrary<String> suffix = Arbitraries.of("", "", "", ".", "e2", "E-1", "x", ",5");
        return Combinators.combine(prefix, digits, fraction, suffix)
                .as((p, d, f, s) -> p + d + (f.isEmpty() ? "" : "." + f) + s);
    }

    @Property(tries = 3000)
    void agreesWithBigDecimal(@ForAll("amounts") String text, @ForAll @IntRange(max = 4) int scale) {
        Optional<Long> expected = reference(text, scale);
        if (expected.isPresent()) {
            assertThat(AmountParser.toMinorUnits(text, scale, "USD")).as(text).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> AmountParser.toMinorUnits(text, scale, "USD")).as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(AmountParser.toMinorUnits("12.5", 2, "USD")).isEqualTo(1250);
        assertThat(AmountParser.toMinorUnits("12.500", 2, "USD")).isEqualTo(1250);
        assertThat(AmountParser.toMinorUnits("1.5E2", 0, "JPY")).isEqualTo(150);
        assertThatThrownBy(() -> AmountParser.toMinorUnits("1,200.00", 2, "USD"))
                .hasMessage("is not a decimal number (such as 12.34)");
        assertThatThrownBy(() -> AmountParser.toMinorUnits("-1", 2, "USD"))
                .hasMessageStartingWith("must not be negative");
        assertThatThrownBy(() -> AmountParser.toMinorUnits("1.234", 2, "USD"))
                .hasMessage("has more decimal places than USD allows (2)");
        assertThatThrownBy(() -> AmountParser.toMinorUnits("99999999999999999999", 2, "USD"))
                .hasMessage("is too large");
    }
}
