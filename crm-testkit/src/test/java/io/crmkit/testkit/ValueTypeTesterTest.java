package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.ProductId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link ValueTypeTester} on crmkit's own value types (it must pass them), and on deliberately
 * broken types (it must catch each defect).
 */
class ValueTypeTesterTest {

    private static final ValueTypeTester<Money> MONEY = ValueTypeTester.forType(Money.class);
    private static final ValueTypeTester<CustomerId> CUSTOMER_ID = ValueTypeTester.forType(CustomerId.class);
    private static final ValueTypeTester<OrderId> ORDER_ID = ValueTypeTester.forType(OrderId.class);
    private static final ValueTypeTester<ProductId> PRODUCT_ID = ValueTypeTester.forType(ProductId.class);
    private static final ValueTypeTester<TimeRange> TIME_RANGE = ValueTypeTester.forType(TimeRange.class);
    private static final ValueTypeTester<EmailAddress> EMAIL = ValueTypeTester.forType(EmailAddress.class)
            .masking(e -> List.of(e.value()));
    private static final ValueTypeTester<PhoneNumber> PHONE = ValueTypeTester.forType(PhoneNumber.class)
            .masking(p -> List.of(p.value()));

    @Property(tries = 300)
    void crmkitValueTypesPass(@ForAll Money m1, @ForAll Money m2, @ForAll CustomerId c1, @ForAll CustomerId c2,
            @ForAll OrderId o, @ForAll ProductId p, @ForAll TimeRange t1, @ForAll TimeRange t2,
            @ForAll EmailAddress e, @ForAll PhoneNumber ph) {
        MONEY.checkValue(m1);
        MONEY.checkPair(m1, m2);
        MONEY.checkPair(m1, Money.parse(m1.toString()));
        CUSTOMER_ID.checkValue(c1);
        CUSTOMER_ID.checkPair(c1, c2);
        CUSTOMER_ID.checkPair(c1, CustomerId.of(c1.value()));
        ORDER_ID.checkValue(o);
        PRODUCT_ID.checkValue(p);
        TIME_RANGE.checkValue(t1);
        TIME_RANGE.checkPair(t1, t2);
        TIME_RANGE.checkPair(t1, TimeRange.of(t1.start(), t1.end()));
        EMAIL.checkValue(e);
        PHONE.checkValue(ph);
    }

    @Example
    void theParserIsDiscoveredOrTurnedOff() {
        assertThat(MONEY.parser()).isPresent();
        assertThat(MONEY.parser().orElseThrow().apply("JPY -500")).isEqualTo(Money.ofMinor(-500, Money.currency("JPY")));
        assertThat(CUSTOMER_ID.parser()).isPresent();
        assertThat(TIME_RANGE.parser()).isEmpty();
        assertThat(EMAIL.parser()).as("masked types are not parsed back").isEmpty();
        assertThat(MONEY.withoutParsing().parser()).isEmpty();
    }

    @Example
    void nullRejectionIsCheckedOnEveryConstructorAndFactory() {
        assertThat(MONEY.checkNullRejection(Money.of("12.34", "USD"))).contains("Money(BigDecimal, Currency)",
                "Money.of(BigDecimal, Currency)", "Money.of(BigDecimal, Currency, RoundingMode)",
                "Money.ofMinor(long, Currency)", "Money.parse(String)", "Money.zero(Currency)");
        assertThat(CUSTOMER_ID.checkNullRejection(CustomerId.of("c-1"))).containsExactly("CustomerId(String)",
                "CustomerId.of(String)");
        assertThat(TIME_RANGE.checkNullRejection(TimeRange.of(Instant.EPOCH, Instant.EPOCH.plusSeconds(5))))
                .contains("TimeRange(Instant, Instant)", "TimeRange.of(Instant, Instant)", "TimeRange.from(Instant)",
                        "TimeRange.until(Instant)");
        assertThat(EMAIL.checkNullRejection(EmailAddress.of("jane.doe@example.com"))).contains("EmailAddress.of(String)");
        assertThat(ValueTypeTester.forType(EmailAddress.class).checkNullRejection(EmailAddress.of("j@example.com")))
                .as("'email must not be null' names the leading word of EmailAddress").isNotEmpty();
    }

    /** Names its null argument in words of its own. */
    public record Article(String text) {
        public Article {
            if (text == null) {
                throw new NullPointerException("the SKU is required");
            }
        }
    }

    @Example
    void aMessageNamingTheParameterInOtherWordsNeedsAnAlias() {
        assertThatThrownBy(() -> ValueTypeTester.forType(Article.class).checkNullRejection(new Article("A-1")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("'the SKU is required' names none of [article, string, text]");
        assertThat(ValueTypeTester.forType(Article.class).namingNullsAs("SKU")
                .checkNullRejection(new Article("A-1"))).containsExactly("Article(String)");
    }

    //-----------------------------------------------------------------------
    // broken types: each defect must be reported

    /** Prints its secret. */
    public record Leaky(String secret) {
        @Override
        public String toString() {
            return "Leaky[" + secret + "]";
        }
    }

    @Example
    void aLeakingTextIsCaughtWithoutRepeatingTheSecret() {
        assertThatThrownBy(() -> ValueTypeTester.forType(Leaky.class).masking(l -> List.of(l.secret()))
                .checkValue(new Leaky("4111111111111111")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("reveals a secret")
                .message().doesNotContain("4111111111111111");
    }

    /** Equal only to values at least as large: not symmetric. */
    public static final class Lopsided {
        private final int v;

        public Lopsided(int v) {
            this.v = v;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Lopsided other && v <= other.v;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return Integer.toString(v);
        }
    }

    @Example
    void anAsymmetricEqualsIsCaught() {
        assertThatThrownBy(() -> ValueTypeTester.forType(Lopsided.class).checkPair(new Lopsided(1), new Lopsided(2)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not symmetric");
    }

    /** A hash code that differs between equal values. */
    public record Unhashed(String v) {
        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    @Example
    void aHashCodeInconsistentWithEqualsIsCaught() {
        assertThatThrownBy(() -> ValueTypeTester.forType(Unhashed.class).checkValue(new Unhashed("a")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("copy built by the canonical constructor is equal to the value but has another hash");
        assertThatThrownBy(() -> ValueTypeTester.forType(Unhashed.class).checkPair(new Unhashed("a"), new Unhashed("a")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("different hash codes");
    }

    /** A factory that accepts null, a constructor that throws the wrong exception. */
    public record Lax(String code) {
        public Lax {
            if (code == null) {
                throw new IllegalArgumentException("code is required");
            }
        }

        public static Lax of(String code) {
            return new Lax(code == null ? "none" : code);
        }
    }

    @Example
    void factoriesThatAcceptNullOrThrowTheWrongExceptionAreCaught() {
        assertThatThrownBy(() -> ValueTypeTester.forType(Lax.class).checkNullRejection(new Lax("a")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Lax(String) with null as parameter 1 (String) threw "
                        + "java.lang.IllegalArgumentException instead of NullPointerException")
                .hasMessageContaining("Lax.of(String) with null as parameter 1 (String) returned normally");
        assertThat(ValueTypeTester.forType(Lax.class).exceptNullChecksOf("Lax", "of").checkNullRejection(new Lax("a")))
                .isEmpty();
    }

    /** Throws a NullPointerException without a message. */
    public record Mute(String code) {
        public Mute {
            if (code == null) {
                throw new NullPointerException();
            }
        }
    }

    @Example
    void aNullPointerExceptionThatNamesNothingIsCaught() {
        assertThatThrownBy(() -> ValueTypeTester.forType(Mute.class).checkNullRejection(new Mute("a")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("whose message is null names none of [code, mute, string]");
    }

    /** Parses to upper case: the round trip changes the value. */
    public record Shouty(String v) {
        public Shouty {
            Objects.requireNonNull(v, "v");
        }

        public static Shouty parse(String text) {
            return new Shouty(text.toUpperCase(java.util.Locale.ROOT));
        }

        @Override
        public String toString() {
            return v;
        }
    }

    @Example
    void aBrokenRoundTripIsCaught() {
        ValueTypeTester<Shouty> tester = ValueTypeTester.forType(Shouty.class);
        tester.checkValue(new Shouty("ABC"));
        assertThatThrownBy(() -> tester.checkValue(new Shouty("abc"))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the value parsed from toString() is not equal to the value");
    }

    @Example
    void unsuitableTypesAreRejected() {
        assertThatThrownBy(() -> ValueTypeTester.forType(CharSequence.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forType: type must be a public class: java.lang.CharSequence");
        assertThatThrownBy(() -> MONEY.namingNullsAs(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("namingNullsAs: a name must not be blank: ' '");
    }
}
