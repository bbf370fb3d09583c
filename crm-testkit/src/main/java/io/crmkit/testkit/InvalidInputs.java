package io.crmkit.testkit;

import io.crmkit.core.Money;
import io.crmkit.testkit.internal.Texts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik {@link Arbitrary} factories of invalid raw input, for tests of error paths: that a host's
 * import, form or API handler rejects bad data, or passes crm-core's rejection on, with a message
 * that says what was wrong.
 *
 * <p>Every value is one that crm-core genuinely rejects; each method names the crm-core factory
 * that rejects it and the exception it throws ({@link IllegalArgumentException}, or
 * {@link ArithmeticException} for amounts with too many decimal places), whose message names the
 * field. None of them is null: null is rejected by every crm-core factory with a
 * {@link NullPointerException}, which needs no generator.
 *
 * <p>Values mix hand-picked classics (a missing {@code @}, a lower-case country code) with
 * generated variations (valid values with a defect injected), so that a validation written for
 * the classics alone is caught.
 *
 * <p>The arbitraries are immutable and thread-safe.
 */
public final class InvalidInputs {

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    private static final Set<String> CURRENCY_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private InvalidInputs() {
    }

    /**
     * Returns texts that no crm-core identifier accepts ({@code CustomerId.of}, {@code OrderId.of}
     * and the other identifiers throw {@link IllegalArgumentException} naming the identifier):
     * empty and blank texts, texts with leading or trailing whitespace (including tabs and the
     * ideographic space), texts with control characters, and texts longer than 256 characters.
     * The same texts are rejected as order and case status labels, tags, attribute keys, survey
     * identifiers and resolution reasons.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<String> invalidIdentifiers() {
        Arbitrary<String> valid = Texts.asciiCodes(40);
        Arbitrary<String> blank = Arbitraries.of("", " ", "   ", "\t", "\n", "\u3000", " \t\r\n ");
        Arbitrary<String> padded = Combinators.combine(valid, Arbitraries.of(" ", "\t", "\n", "\u2003", "\u3000"),
                        Arbitraries.of(true, false))
                .as((v, ws, leading) -> leading ? ws + v : v + ws);
        Arbitrary<String> controls = Combinators.combine(valid, Arbitraries.of("\u0000", "\u0007", "\u001B", "\u007F",
                        "\u0085", "\u009F", "\r\n"), Arbitraries.integers().between(0, 40))
                .as((v, ctl, at) -> v.substring(0, Math.min(at, v.length())) + ctl + v.substring(Math.min(at, v.length())));
        Arbitrary<String> tooLong = Arbitraries.strings().withChars("abcXYZ0123456789-").ofMinLength(257).ofMaxLength(600);
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(2, blank), Tuple.of(3, padded), Tuple.of(3, controls), Tuple.of(2, tooLong)))
                .edgeCases(c -> c.filter(v -> true).add("", "x".repeat(257), " x", "x\u0000"));
    }

    /**
     * Returns texts that {@code EmailAddress.of} rejects with an {@link IllegalArgumentException}
     * whose message starts with {@code "email"}: no {@code @}, an empty or over-long (65+) local
     * part, leading, trailing or doubled dots, characters outside the RFC 5322 atext set (spaces,
     * quotes, non-ASCII letters, a second {@code @}), a domain with a single label, an empty label,
     * a trailing dot, a label over 63 characters or a numeric top-level label, and addresses over
     * 254 characters.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<String> invalidEmails() {
        Arbitrary<String> classics = Arbitraries.of(
                "", "john.doe.example.com", "@example.com", "john@", "a".repeat(65) + "@example.com",
                ".john@example.com", "john.@example.com", "jo..hn@example.com", "john doe@example.com",
                "jöhn@example.com", "\"john\"@example.com", "john(comment)@example.com", "john,doe@example.com",
                "john@doe@example.com", "john@localhost", "john@example.com.", "john@example..com",
                "john@-example.com", "john@example-.com", "john@exa mple.com", "john@123.456",
                "john@" + "d".repeat(64) + ".com", "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(4) + "com",
                "john@example.com ", " john@example.com", "john\u0000@example.com", "张伟@example.cn");
        Arbitrary<String> locals = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                .ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> domains = Combinators.combine(
                        Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz").ofMinLength(1).ofMaxLength(15),
                        Arbitraries.of("com", "org", "de", "cn", "io"))
                .as((label, tld) -> label + "." + tld);
        Arbitrary<String> mutated = Combinators.combine(locals, domains, Arbitraries.integers().between(0, 7))
                .as((local, domain, defect) -> switch (defect) {
                    case 0 -> local + domain;                       // no '@'
                    case 1 -> local + "..x@" + domain;              // doubled dot
                    case 2 -> local + ".@" + domain;                // trailing dot
                    case 3 -> local + " x@" + domain;               // space
                    case 4 -> local + "@" + domain.substring(0, domain.indexOf('.')); // one label
                    case 5 -> local + "@" + domain + ".";           // trailing dot in domain
                    case 6 -> local + "ü@" + domain;                // non-ASCII in local part
                    default -> "@" + domain;                        // empty local part
                });
        return Arbitraries.frequencyOf(List.of(Tuple.of(1, classics), Tuple.of(1, mutated)));
    }

    /**
     * Returns texts that {@code PhoneNumber.of} rejects with an {@link IllegalArgumentException}
     * whose message starts with {@code "phone"}: no leading {@code +} or {@code 00} (a national
     * number), fewer than 8 or more than 15 digits, a country calling code starting with 0, and
     * letters or other characters than digits, spaces, {@code -}, {@code .}, {@code (} and
     * {@code )}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<String> invalidPhoneNumbers() {
        Arbitrary<String> classics = Arbitraries.of(
                "", "+", "00", "030 1234567", "(+49) 30 1234567", "+1234567", "+1234567890123456",
                "+0 123 456 789", "0049 30 ABC4567", "+49/30/1234567", "+49 30 1234567 ext. 12",
                "+1-800-FLOWERS", "+86 138\u00000013 8000", "+49_30_1234567", "tel:+4930123456");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(20);
        Arbitrary<String> generated = Combinators.combine(digits, Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(1, 7), Arbitraries.integers().between(16, 20))
                .as((d, defect, few, many) -> switch (defect) {
                    case 0 -> "+" + nonZeroFirst(d).substring(0, few);     // too few digits
                    case 1 -> "+" + nonZeroFirst(d).substring(0, many);    // too many digits
                    case 2 -> "+0" + d.substring(0, 10);                  // country code 0
                    case 3 -> nonZeroFirst(d).substring(0, 11);           // no '+' or '00'
                    default -> "+" + nonZeroFirst(d).substring(0, 6) + "x" + d.substring(6, 10); // a letter
                });
        return Arbitraries.frequencyOf(List.of(Tuple.of(1, classics), Tuple.of(2, generated)));
    }

    private static String nonZeroFirst(String digits) {
        return digits.charAt(0) == '0' ? "1" + digits.substring(1) : digits;
    }

    /**
     * Returns quantities that {@code OrderLine} rejects with an {@link IllegalArgumentException}
     * whose message starts with {@code "quantity"}: zero (at several scales) and negative
     * quantities, whole and fractional.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<BigDecimal> nonPositiveQuantities() {
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(1, Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.000"), BigDecimal.ZERO.setScale(-2),
                                BigDecimal.ONE.negate(), new BigDecimal("-0.001"))),
                        Tuple.of(2, Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), BigDecimal.ZERO)
                                .ofScale(3))))
                .edgeCases(c -> c.filter(v -> true).add(BigDecimal.ZERO, new BigDecimal("-0.001")));
    }

    /**
     * Returns NPS scores off the 0 to 10 scale, which {@code SurveyScore.nps} rejects with an
     * {@link IllegalArgumentException} naming the score and the NPS scale: just outside
     * ({@code -1}, {@code 11}), far outside, and the {@code int} extremes.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Integer> offScaleNpsScores() {
        return offScale(0, 10);
    }

    /**
     * Returns CSAT scores off the 1 to 5 scale, which {@code SurveyScore.csat} rejects with an
     * {@link IllegalArgumentException} naming the score and the CSAT scale (including {@code 0},
     * a common off-by-one, and {@code 10}, a score from the wrong scale).
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Integer> offScaleCsatScores() {
        return offScale(1, 5);
    }

    /**
     * Returns CES scores off the 1 to 7 scale, which {@code SurveyScore.ces} rejects with an
     * {@link IllegalArgumentException} naming the score and the CES scale.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Integer> offScaleCesScores() {
        return offScale(1, 7);
    }

    private static Arbitrary<Integer> offScale(int min, int max) {
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(3, Arbitraries.of(min - 1, max + 1, 0 == min ? -10 : 0, 10 == max ? 100 : 10)),
                        Tuple.of(2, Arbitraries.integers().between(Integer.MIN_VALUE, min - 1)),
                        Tuple.of(2, Arbitraries.integers().between(max + 1, Integer.MAX_VALUE))))
                .edgeCases(c -> c.filter(v -> false).add(min - 1, max + 1, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    /**
     * Returns texts that {@code PostalAddress} rejects as country code with an
     * {@link IllegalArgumentException} whose message starts with {@code "countryCode"}: lower- and
     * mixed-case codes ({@code "cn"}), alpha-3 codes ({@code "CHN"}), common mistakes ({@code "UK"},
     * {@code "EU"}), padded, empty and numeric codes, and unassigned two-letter codes.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<String> invalidCountryCodes() {
        Arbitrary<String> classics = Arbitraries.of("", "cn", "Cn", "de", "CHN", "DEU", "USA", "C", "UK", "EU", "XX",
                "ZZ", "1A", "04", " CN", "CN ", "C N", "ÇN");
        Arbitrary<String> unassigned = Arbitraries.strings().withChars(UPPER).ofLength(2)
                .filter(code -> !COUNTRIES.contains(code));
        Arbitrary<String> lowerCase = Arbitraries.of(COUNTRIES.stream().sorted().toList())
                .map(code -> code.toLowerCase(Locale.ROOT));
        return Arbitraries.frequencyOf(List.of(Tuple.of(2, classics), Tuple.of(1, unassigned), Tuple.of(1, lowerCase)));
    }

    /**
     * Returns texts that are not ISO 4217 currency codes; {@code Money.currency},
     * {@code Money.of(String, String)} and {@code Money.parse} reject them with an
     * {@link IllegalArgumentException} whose message starts with {@code "currency"}: lower- and
     * mixed-case codes ({@code "usd"}), two- and four-letter codes, symbols ({@code "$"},
     * {@code "€"}), padded and empty codes, and unassigned three-letter codes.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<String> invalidCurrencyCodes() {
        Arbitrary<String> classics = Arbitraries.of("", "usd", "Usd", "eur", "US", "USDD", "EURO", "$", "€", "US$",
                "RMB", " USD", "USD ", "123", "U D");
        Arbitrary<String> unassigned = Arbitraries.strings().withChars(UPPER).ofLength(3)
                .filter(code -> !CURRENCY_CODES.contains(code));
        return Arbitraries.frequencyOf(List.of(Tuple.of(1, classics), Tuple.of(1, unassigned)));
    }

    /**
     * Returns texts that {@code WebAddress.of} rejects with an {@link IllegalArgumentException}
     * whose message starts with {@code "web address"}: other schemes ({@code ftp}, {@code mailto},
     * {@code javascript}, {@code file}), no scheme, no host (including host names that
     * {@link java.net.URI} cannot parse as a server, such as one with an underscore), and text
     * that is not a URI at all.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<String> invalidWebAddresses() {
        return Arbitraries.of("", "example.com", "www.example.com/path", "//example.com/path", "ftp://example.com",
                "mailto:john@example.com", "javascript:alert(1)", "file:///etc/hosts", "http://", "https:///path",
                "http://exa mple.com", "http://under_score.example.com/", "https://example.com/a b",
                "http://[not-an-ip]/", "urn:isbn:0451450523", "http:example.com");
    }

    /**
     * Returns texts that {@code Money.parse} rejects: not of the form {@code "USD 12.34"}
     * ({@link IllegalArgumentException} naming money, the amount or the currency), or with more
     * decimal places than the currency has ({@link ArithmeticException} naming the amount).
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<String> invalidMoneyTexts() {
        return Arbitraries.of("", "USD", "USD ", "12.34", "USD12.34", "USD  12.34", "12.34 USD", "usd 12.34",
                "US 12.34", "USDD 12.34", "USD 12,34", "USD 1.234,56", "USD one", "USD $12", "USD 12.3.4", "USD 1e",
                "ABC 1.00", "EUR 1.234", "JPY 1.5", "BHD 0.0001", "USD 0.001", "USD\t12.34", "USD 12.34 ");
    }

    /**
     * Returns amounts with non-zero digits beyond the scale of the currency, which
     * {@code Money.of(BigDecimal, Currency)} rejects with an {@link ArithmeticException} whose
     * message starts with {@code "amount"} (such amounts must be rounded explicitly): one to four
     * extra decimal places, positive and negative.
     *
     * @param currency the currency, with a defined number of decimal places, not null
     * @return the arbitrary, never null
     */
    public static Arbitrary<BigDecimal> overPreciseAmounts(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        int scale = Math.max(0, currency.getDefaultFractionDigits());
        return Combinators.combine(Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
                        Arbitraries.integers().between(1, 9), Arbitraries.integers().between(1, 4))
                .as((unscaled, lastDigit, extra) -> BigDecimal.valueOf(unscaled * 10 + (unscaled < 0 ? -lastDigit : lastDigit),
                        scale + extra));
    }

    /**
     * Returns amounts below zero in the given currency, which order lines reject as unit price or
     * cost and orders reject as gross, discount or refunded amount, with an
     * {@link IllegalArgumentException} naming the field; from one minor unit below zero to a
     * billion major units below.
     *
     * @param currency the currency, not null
     * @return the arbitrary, never null
     */
    public static Arbitrary<Money> negativeMoney(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        return CrmArbitraries.nonNegativeMoney(currency)
                .map(m -> m.isZero() ? Money.ofMinor(-1, currency) : m.negated());
    }

    /**
     * Returns durations that {@code SlaTargets} rejects as a target with an
     * {@link IllegalArgumentException} naming the target: zero and negative durations, from one
     * nanosecond below zero to years.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Duration> nonPositiveDurations() {
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(1, Arbitraries.of(Duration.ZERO, Duration.ofNanos(-1), Duration.ofHours(-4))),
                        Tuple.of(2, Arbitraries.longs().between(-10L * 366 * 86_400, 0).map(Duration::ofSeconds))))
                .edgeCases(c -> c.filter(v -> true).add(Duration.ZERO, Duration.ofNanos(-1)));
    }

    /**
     * Returns customer names that {@code Customer} rejects with an {@link IllegalArgumentException}
     * whose message starts with {@code "name"} (and shows the name masked, never in full): blank,
     * padded with whitespace, with control characters, or longer than 300 characters. The same
     * defects (with their own limits) are rejected in address lines, localities, occupations and
     * social handles.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<String> invalidNames() {
        Arbitrary<String> names = Arbitraries.of("Anna Müller", "王小明", "ACME GmbH", "José García");
        Arbitrary<String> defective = Combinators.combine(names, Arbitraries.integers().between(0, 3))
                .as((name, defect) -> switch (defect) {
                    case 0 -> " " + name;
                    case 1 -> name + "\n";
                    case 2 -> name.charAt(0) + "\u0000" + name.substring(1);
                    default -> (name + " ").repeat(301 / (name.length() + 1) + 1).strip();
                });
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(1, Arbitraries.of("", " ", "\t", "\u3000")),
                Tuple.of(3, defective)));
    }

    /**
     * Returns pairs {@code (start, end)} with {@code end} before {@code start}, which
     * {@code TimeRange.of} rejects with an {@link IllegalArgumentException} naming both bounds (as
     * do interactions for {@code endedAt} and service cases for their times); from one nanosecond
     * to decades apart.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Tuple2<Instant, Instant>> reversedTimeBounds() {
        Arbitrary<Duration> gaps = Arbitraries.frequencyOf(List.of(
                Tuple.of(1, Arbitraries.just(Duration.ofNanos(1))),
                Tuple.of(3, Arbitraries.longs().between(1, 30L * 366 * 86_400).map(Duration::ofSeconds))));
        return Combinators.combine(CrmArbitraries.instants(), gaps)
                .as((start, gap) -> Tuple.of(start, start.minus(gap)));
    }

    /**
     * Returns pairs {@code (min, max)} of survey scale bounds that {@code SurveyScale.custom}
     * rejects with an {@link IllegalArgumentException} naming the scale: a negative minimum, a
     * maximum not above the minimum, or a maximum over 100.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Tuple2<Integer, Integer>> invalidScaleBounds() {
        Arbitrary<Integer> anyBound = Arbitraries.integers().between(-1000, 1000);
        return Combinators.combine(anyBound, anyBound)
                .filter((min, max) -> min < 0 || max <= min || max > 100)
                .as(Tuple::of);
    }
}
