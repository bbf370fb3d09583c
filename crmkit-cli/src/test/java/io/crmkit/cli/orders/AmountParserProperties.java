package io.crmkit.cli.orders;

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

/**
 * The direct decoding of plain decimals agrees with {@link BigDecimal}, under the stated rules for
 * excess digits: floating-point noise within 1e-9 (relative) is the nearby value on the scale;
 * other excess digits are rejected, or rounded with a chosen mode.
 */
class AmountParserProperties {

    /** The rules, written with {@link BigDecimal} alone. */
    static Optional<Long> reference(String text, int scale, Optional<RoundingMode> mode) {
        try {
            BigDecimal v = new BigDecimal(text);
            BigDecimal scaled;
            try {
                scaled = v.setScale(scale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                BigDecimal nearest = v.setScale(scale, RoundingMode.HALF_EVEN);
                BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
                BigDecimal tolerance = nearest.abs().max(unit).multiply(new BigDecimal("1e-9"));
                if (v.subtract(nearest).abs().compareTo(tolerance) <= 0) {
                    scaled = nearest;
                } else if (mode.isPresent()) {
                    scaled = v.setScale(scale, mode.get());
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(scaled.unscaledValue().longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<String> amounts() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(21);
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMaxLength(6),
                Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(17),
                Arbitraries.of("99999999999", "00000000001", "229999999999999", "0000000000004", "5", "50000000000"));
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "-", "+", ".", "0");
        Arbitrary<String> suffix = Arbitraries.of("", "", "", ".", "e2", "E-1", "x", ",5");
        return Combinators.combine(prefix, digits, fraction, suffix)
                .as((p, d, f, s) -> p + d + (f.isEmpty() ? "" : "." + f) + s);
    }

    @Property(tries = 3000)
    void agreesWithBigDecimal(@ForAll("amounts") String text, @ForAll @IntRange(max = 4) int scale,
            @ForAll boolean round) {
        Optional<RoundingMode> mode = round ? Optional.of(RoundingMode.HALF_UP) : Optional.empty();
        Optional<Long> expected = reference(text, scale, mode);
        AmountParser parser = new AmountParser(mode);
        if (expected.isPresent()) {
            assertThat(parser.toMinorUnits(text, scale, "USD")).as(text).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> parser.toMinorUnits(text, scale, "USD")).as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readsNoiseAsTheValueOnTheScaleAndSaysSo() {
        AmountParser parser = new AmountParser(Optional.empty());
        assertThat(parser.toMinorUnits("118.22999999999999", 2, "USD")).isEqualTo(11823);
        assertThat(parser.lastRounding()).isEqualTo(AmountParser.NOISE);
        assertThat(parser.toMinorUnits("0.30000000000000004", 2, "USD")).isEqualTo(30);
        assertThat(parser.lastRounding()).isEqualTo(AmountParser.NOISE);
        assertThat(parser.toMinorUnits("-19.989999999999998", 2, "USD")).isEqualTo(-1999);
        assertThat(parser.lastRounding()).isEqualTo(AmountParser.NOISE);
        assertThat(parser.toMinorUnits("1.1822999999999999e2", 2, "USD")).isEqualTo(11823);
        assertThat(parser.lastRounding()).isEqualTo(AmountParser.NOISE);
        assertThat(parser.toMinorUnits("118.23", 2, "USD")).isEqualTo(11823);
        assertThat(parser.lastRounding()).isEqualTo(AmountParser.EXACT);
    }

    @Test
    void roundsOtherExcessDigitsOnlyWithAChosenMode() {
        AmountParser strict = new AmountParser(Optional.empty());
        assertThatThrownBy(() -> strict.toMinorUnits("12.345", 2, "USD"))
                .hasMessageStartingWith("has more decimal places than USD allows (2) and is not floating-point noise");
        AmountParser halfEven = new AmountParser(Optional.of(RoundingMode.HALF_EVEN));
        assertThat(halfEven.toMinorUnits("12.345", 2, "USD")).isEqualTo(1234);
        assertThat(halfEven.lastRounding()).isEqualTo(AmountParser.MODE);
        assertThat(halfEven.toMinorUnits("12.355", 2, "USD")).isEqualTo(1236);
        assertThat(halfEven.lastRounding()).isEqualTo(AmountParser.MODE);
    }

    @Test
    void explainsWhatIsWrong() {
        AmountParser parser = new AmountParser(Optional.empty());
        assertThat(parser.toMinorUnits("12.5", 2, "USD")).isEqualTo(1250);
        assertThat(parser.toMinorUnits("12.500", 2, "USD")).isEqualTo(1250);
        assertThat(parser.toMinorUnits("-1", 2, "USD")).isEqualTo(-100);
        assertThat(parser.toMinorUnits("1.5E2", 0, "JPY")).isEqualTo(150);
        assertThatThrownBy(() -> parser.toMinorUnits("1,200.00", 2, "USD"))
                .hasMessage("is not a decimal number (such as 12.34)");
        assertThatThrownBy(() -> parser.toMinorUnits("99999999999999999999", 2, "USD"))
                .hasMessage("is too large (10^19; amounts are below 10^19)");
        assertThatThrownBy(() -> parser.toMinorUnits("9999999999999999999", 2, "USD"))
                .hasMessage("is too large");
        assertThatThrownBy(() -> parser.toMinorUnits("1e-31", 2, "USD"))
                .hasMessageStartingWith("is too small to be an amount (10^-31");
        assertThat(parser.toMinorUnits("1e-30", 2, "USD")).isZero(); // floating-point noise around zero
        assertThat(parser.toMinorUnits("0e-999999999", 2, "USD")).isZero();
        assertThatThrownBy(() -> parser.toMinorUnits("1".repeat(65), 2, "USD"))
                .hasMessage("has 65 characters; an amount has at most 64");
    }
}
