package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void of_widensToTheCurrencyScale() {
        assertThat(Money.of(new BigDecimal("5"), USD).amount()).isEqualByComparingTo("5.00").hasScaleOf(2);
        assertThat(Money.of(new BigDecimal("5"), BHD).amount()).hasScaleOf(3);
        assertThat(Money.of(new BigDecimal("5.000"), USD)).isEqualTo(Money.of(new BigDecimal("5"), USD));
    }

    @Test
    void of_rejectsDigitsBeyondTheCurrencyScale() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("5.001"), USD))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("5.001").hasMessageContaining("USD");
        assertThatThrownBy(() -> Money.of(new BigDecimal("100.5"), JPY)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void of_withRoundingRoundsExplicitly() {
        assertThat(Money.of(new BigDecimal("5.005"), USD, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("5.00", "USD"));
        assertThat(Money.of(new BigDecimal("5.015"), USD, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("5.02", "USD"));
    }

    @Test
    void parse_readsTheCanonicalForm() {
        assertThat(Money.parse("USD 12.34")).isEqualTo(Money.of("12.34", "USD"));
        assertThat(Money.parse("JPY -500").toString()).isEqualTo("JPY -500");
        assertThat(Money.of("7", "EUR").toString()).isEqualTo("EUR 7.00");
    }

    @Test
    void parse_rejectsOtherForms() {
        assertThatThrownBy(() -> Money.parse("12.34 USD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12.34 USD");
        assertThatThrownBy(() -> Money.parse("USD twelve")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twelve");
        assertThatThrownBy(() -> Money.parse("ABC 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ABC");
    }

    @Test
    void arithmeticAcrossCurrenciesThrowsCurrencyMismatch() {
        Money usd = Money.of("1.00", "USD");
        Money eur = Money.of("1.00", "EUR");
        assertThatThrownBy(() -> usd.plus(eur)).isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
            assertThat(e.expected()).isEqualTo(USD);
            assertThat(e.actual()).isEqualTo(EUR);
            assertThat(e).hasMessageContaining("USD").hasMessageContaining("EUR");
        });
        assertThatThrownBy(() -> usd.compareTo(eur)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void minorUnitsFollowTheCurrencyScale() {
        assertThat(Money.of("12.34", "USD").toMinorUnits()).isEqualTo(1234);
        assertThat(Money.of("500", "JPY").toMinorUnits()).isEqualTo(500);
        assertThat(Money.of("1.234", "BHD").toMinorUnits()).isEqualTo(1234);
        assertThat(Money.ofMinor(1234, BHD)).isEqualTo(Money.of("1.234", "BHD"));
    }

    @Test
    void nullsAreRejectedWithTheFieldName() {
        assertThatThrownBy(() -> Money.of((BigDecimal) null, USD)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("currency");
    }

    @Property
    void parseInvertsToString(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long minor) {
        for (Currency c : new Currency[] {USD, JPY, BHD, EUR}) {
            Money m = Money.ofMinor(minor, c);
            assertThat(Money.parse(m.toString())).isEqualTo(m);
            assertThat(m.toMinorUnits()).isEqualTo(minor);
        }
    }

    @Property
    void plusAndMinusAreExactInverses(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long a,
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long b) {
        Money x = Money.ofMinor(a, USD);
        Money y = Money.ofMinor(b, USD);
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
        assertThat(x.plus(y).toMinorUnits()).isEqualTo(a + b);
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Long.signum(a - b));
    }

    @Test
    void minorUnitsPerUnitFollowTheCurrencysDecimalPlaces() {
        assertThat(Money.minorUnitsPerUnit(Currency.getInstance("USD"))).isEqualTo(100);
        assertThat(Money.minorUnitsPerUnit(Currency.getInstance("JPY"))).isEqualTo(1);
        assertThat(Money.minorUnitsPerUnit(Currency.getInstance("BHD"))).isEqualTo(1000);
        assertThat(Money.minorUnitsPerUnit(Currency.getInstance("XXX"))).isEqualTo(1); // no defined places
        assertThat(io.crmkit.core.internal.LocalDays.micros(java.time.Duration.ofDays(1).plusNanos(1_999)))
                .isEqualTo(86_400_000_001L);
    }
}
