package io.crmkit.testkit;

import io.crmkit.core.AgentId;
import io.crmkit.core.CampaignId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.InteractionId;
import io.crmkit.core.Money;
import io.crmkit.core.MembershipId;
import io.crmkit.core.OrderId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.ReferralId;
import io.crmkit.core.loyalty.LoyaltyProgram;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.PointsRounding;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.PointsTransactionType;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.loyalty.Tier;
import io.crmkit.core.loyalty.TierBasis;
import io.crmkit.core.loyalty.TierChange;
import io.crmkit.core.loyalty.TierRules;
import io.crmkit.core.ProductId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;
import io.crmkit.core.customer.Acquisition;
import io.crmkit.core.customer.AcquisitionChannel;
import io.crmkit.core.customer.CompanyProfile;
import io.crmkit.core.customer.CompanySize;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentRecord;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.ContactMedium;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.ContactPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerStatus;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.customer.PartyRole;
import io.crmkit.core.customer.PersonProfile;
import io.crmkit.core.customer.PhoneNumber;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.SocialAccount;
import io.crmkit.core.customer.SocialNetwork;
import io.crmkit.core.customer.WebAddress;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.interaction.InteractionOutcome;
import io.crmkit.core.interaction.InteractionPurpose;
import io.crmkit.core.interaction.InteractionType;
import io.crmkit.core.interaction.Sentiment;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.order.SalesChannel;
import io.crmkit.core.service.CasePriority;
import io.crmkit.core.service.CaseStatus;
import io.crmkit.core.service.CaseStatusCategory;
import io.crmkit.core.service.CaseType;
import io.crmkit.core.service.Resolution;
import io.crmkit.core.service.ResolutionCode;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.service.SlaTargets;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScale;
import io.crmkit.core.survey.SurveyScore;
import io.crmkit.testkit.internal.Samples;
import io.crmkit.testkit.internal.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.Tuple.Tuple4;
import net.jqwik.api.Tuple.Tuple7;

/**
 * jqwik {@link Arbitrary} factories for every crm-core value type, for property tests in host
 * applications and in crmkit itself.
 *
 * <p>Every generated value is <em>valid</em>: it was built through the crm-core constructor and so
 * satisfies every rule checked there (an order's gross amount is the sum of its line amounts, a
 * service case's times agree with its status category, and so on). For invalid raw input see
 * {@link InvalidInputs}.
 *
 * <p>The values are realistic and varied, and include the edge cases that break adapters and
 * serializers: texts of minimal and maximal length, names and addresses in many scripts (with
 * characters outside the Basic Multilingual Plane, never a lone surrogate), currencies with 0, 2,
 * 3 and 4 decimal places, negative and zero amounts, empty and full optional fields, empty and
 * non-empty collections. Instants lie between {@link #EARLIEST_INSTANT} and
 * {@link #LATEST_INSTANT} (inclusive), with precisions from seconds to nanoseconds; times derived
 * from another time (an end, an update, a resolution) stay within the same bounds.
 *
 * <p>Usage, in a jqwik property:
 * <pre>{@code
 * @Property
 * void netRevenueIsNeverNegative(@ForAll("orders") Order order) {
 *     assertThat(order.netRevenue().isNegative()).isFalse();
 * }
 *
 * @Provide
 * Arbitrary<Order> orders() {
 *     return CrmArbitraries.orders();
 * }
 * }</pre>
 * or simply {@code @ForAll Order order}: {@link CrmArbitraryProvider} registers these arbitraries
 * as the defaults for the crm-core types.
 *
 * <p>The arbitraries are immutable and thread-safe; every call returns a new arbitrary that may
 * be configured further ({@code filter}, {@code map}, {@code list()}). To narrow orders,
 * customers or interactions down (a currency, a time window, a pool of customers, amount
 * ranges, a status mix) use {@link Orders}, {@link Customers} and {@link Interactions}.
 */
public final class CrmArbitraries {

    /** The earliest instant generated: {@code 1900-01-01T00:00:00Z}. */
    public static final Instant EARLIEST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");

    /** The latest instant generated: {@code 2099-12-31T23:59:59.999999999Z}. */
    public static final Instant LATEST_INSTANT = Instant.parse("2099-12-31T23:59:59.999999999Z");

    private static final Instant RECENT_START = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant RECENT_END = Instant.parse("2035-12-31T23:59:59Z");

    private static final List<String> COMMON_CURRENCIES = List.of(
            "USD", "EUR", "CNY", "JPY", "GBP", "KRW", "INR", "BRL", "CHF", "BHD", "KWD", "JOD", "TND", "CLF",
            "VND", "ISK", "HUF", "CAD", "AUD", "HKD", "SGD", "MXN", "ZAR", "SEK", "NGN", "AED");

    /** The common currencies first, then every other currency with a defined number of decimals. */
    private static final List<Currency> CURRENCIES = currencyList();

    private static final List<String> COUNTRY_CODES =
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream().sorted().toList();

    private static final String EMAIL_ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "!#$%&'*+/=?^_`{|}~-";

    // Edge cases are configured as filter(...).add(...): jqwik 1.10.1 adds extra edge cases to the
    // list it filtered, and fails on the immutable lists that none() and some arbitraries give.

    private CrmArbitraries() {
    }

    private static List<Currency> currencyList() {
        List<Currency> list = new ArrayList<>();
        COMMON_CURRENCIES.forEach(code -> list.add(Currency.getInstance(code)));
        Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getDefaultFractionDigits() >= 0 && !COMMON_CURRENCIES.contains(c.getCurrencyCode()))
                .sorted(Comparator.comparing(Currency::getCurrencyCode))
                .forEach(list::add);
        return List.copyOf(list);
    }

    //-----------------------------------------------------------------------
    // identifiers

    /**
     * Returns customer identifiers: numeric keys, prefixed codes ({@code C-000123}), UUIDs, and
     * free text in many scripts from 1 to 256 characters.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<CustomerId> customerIds() {
        return identifierTexts("C-").map(CustomerId::of);
    }

    /**
     * Returns order identifiers, varied as {@link #customerIds()} (prefixed codes look like
     * {@code SO-000123}).
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<OrderId> orderIds() {
        return identifierTexts("SO-").map(OrderId::of);
    }

    /**
     * Returns interaction identifiers, varied as {@link #customerIds()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<InteractionId> interactionIds() {
        return identifierTexts("INT-").map(InteractionId::of);
    }

    /**
     * Returns service-case identifiers, varied as {@link #customerIds()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<ServiceCaseId> serviceCaseIds() {
        return identifierTexts("CASE-").map(ServiceCaseId::of);
    }

    /**
     * Returns survey-response identifiers, varied as {@link #customerIds()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<SurveyResponseId> surveyResponseIds() {
        return identifierTexts("SR-").map(SurveyResponseId::of);
    }

    /**
     * Returns campaign identifiers, varied as {@link #customerIds()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<CampaignId> campaignIds() {
        return identifierTexts("CMP-").map(CampaignId::of);
    }

    /**
     * Returns agent identifiers, varied as {@link #customerIds()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<AgentId> agentIds() {
        return identifierTexts("agent.").map(AgentId::of);
    }

    /**
     * Returns product identifiers (SKUs, article numbers, ISBN-like codes), varied as
     * {@link #customerIds()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<ProductId> productIds() {
        return Arbitraries.oneOf(List.of(
                        identifierTexts("SKU-"),
                        Combinators.combine(Arbitraries.of(Samples.SKU_PREFIXES),
                                Arbitraries.integers().between(0, 9_999_999))
                                .as((prefix, n) -> prefix + n)))
                .map(ProductId::of);
    }

    /**
     * The text of identifiers: 1 to 256 characters, no leading or trailing whitespace, no control
     * characters (the rule of {@code io.crmkit.core} identifiers).
     */
    private static Arbitrary<String> identifierTexts(String prefix) {
        Arbitrary<String> numeric = Arbitraries.longs().between(0, 999_999_999_999L).map(String::valueOf);
        Arbitrary<String> prefixed = Arbitraries.integers().between(0, 99_999_999)
                .map(n -> prefix + String.format(Locale.ROOT, "%06d", n));
        Arbitrary<String> uuids = Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.of(true, false))
                .as((hi, lo, upper) -> {
                    String u = new UUID(hi, lo).toString();
                    return upper ? u.toUpperCase(Locale.ROOT) : u;
                });
        List<Tuple2<Integer, Arbitrary<String>>> kinds = List.of(
                Tuple.of(4, numeric),
                Tuple.of(4, prefixed),
                Tuple.of(2, uuids),
                Tuple.of(1, Texts.asciiCodes(40)),
                Tuple.of(2, Texts.freeText(256)));
        String longest = prefix + "9".repeat(256 - prefix.length());
        return Arbitraries.frequencyOf(kinds).edgeCases(c -> c.filter(v -> true).add("1", "x", longest, "客户-1", "\uD83D\uDE00"));
    }

    //-----------------------------------------------------------------------
    // money and time

    /**
     * Returns ISO 4217 currencies: mostly common ones (USD, EUR, CNY, JPY, GBP...), including
     * currencies with 0 (JPY, KRW), 3 (BHD, KWD) and 4 (CLF) decimal places; sometimes any other
     * currency the JDK knows that has a defined number of decimal places. Never a currency without
     * decimal places defined (XXX, XAU). Edge cases: JPY, USD, BHD.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Currency> currencies() {
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(8, Arbitraries.of(CURRENCIES.subList(0, COMMON_CURRENCIES.size()))),
                        Tuple.of(2, Arbitraries.of(CURRENCIES))))
                .edgeCases(c -> c.filter(v -> false).add(
                        Currency.getInstance("JPY"), Currency.getInstance("USD"), Currency.getInstance("BHD")));
    }

    /**
     * Binds currency-independent values to the currencies of {@link #currencies()}. Generating the
     * currency and the rest side by side, rather than with a {@code flatMap} over currencies, lets
     * jqwik build each generator once instead of once per value, and shrink both.
     */
    static <T> Arbitrary<T> inAnyCurrency(Arbitrary<Function<Currency, T>> values) {
        return Combinators.combine(currencies(), values).as((currency, value) -> value.apply(currency));
    }

    /**
     * Returns amounts in any {@linkplain #currencies() currency}, varied as
     * {@link #money(Currency)}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Money> money() {
        return inAnyCurrency(amounts(true).<Function<Currency, Money>>map(a -> a::money));
    }

    /**
     * Returns amounts in the given currency, at the currency's scale: mostly everyday amounts
     * (0 to 10,000 major units), some amounts of a few minor units, some large ones (up to ten
     * billion major units) and some negative ones (adjustments). Edge cases: zero, one minor unit,
     * minus one minor unit.
     *
     * @param currency the currency, not null
     * @return the arbitrary, never null
     */
    public static Arbitrary<Money> money(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        return amounts(true).map(a -> a.money(currency));
    }

    /**
     * Returns amounts of zero or more in the given currency, varied as {@link #money(Currency)}
     * without the negative ones. Edge cases: zero and one minor unit.
     *
     * @param currency the currency, not null
     * @return the arbitrary, never null
     */
    public static Arbitrary<Money> nonNegativeMoney(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        return amounts(false).map(a -> a.money(currency));
    }

    /**
     * An amount not yet bound to a currency: {@code major} whole units plus {@code tenThousandths}
     * of a unit (truncated to the currency's scale) plus {@code extraMinor} minor units, negated
     * when {@code negative}.
     */
    record Amount(long major, int tenThousandths, long extraMinor, boolean negative) {

        Money money(Currency currency) {
            long unit = minorPerMajor(currency);
            long minor = major * unit + tenThousandths * unit / 10_000 + extraMinor;
            return Money.ofMinor(negative ? -minor : minor, currency);
        }
    }

    static Arbitrary<Amount> amounts(boolean withNegative) {
        Arbitrary<Integer> fractions = Arbitraries.frequencyOf(List.of(
                Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().between(0, 9_999))));
        Arbitrary<Amount> everyday = Combinators.combine(Arbitraries.longs().between(0, 10_000), fractions)
                .as((major, fraction) -> new Amount(major, fraction, 0, false));
        Arbitrary<Amount> fewMinorUnits = Arbitraries.longs().between(0, 99).map(n -> new Amount(0, 0, n, false));
        Arbitrary<Amount> large = Combinators.combine(Arbitraries.longs().between(10_000, 10_000_000_000L), fractions)
                .as((major, fraction) -> new Amount(major, fraction, 0, false));
        List<Tuple2<Integer, Arbitrary<Amount>>> kinds = new ArrayList<>(List.of(
                Tuple.of(5, everyday), Tuple.of(2, fewMinorUnits), Tuple.of(1, large)));
        List<Amount> edges = new ArrayList<>(List.of(new Amount(0, 0, 0, false), new Amount(0, 0, 1, false)));
        if (withNegative) {
            kinds.add(Tuple.of(2, Arbitraries.frequencyOf(List.of(Tuple.of(1, fewMinorUnits), Tuple.of(3, everyday)))
                    .map(a -> new Amount(a.major(), a.tenThousandths(), a.extraMinor(), true))));
            edges.add(new Amount(0, 0, 1, true));
        }
        return Arbitraries.frequencyOf(kinds).edgeCases(c -> {
            c.filter(v -> false);
            edges.forEach(c::add);
        });
    }

    private static long minorPerMajor(Currency currency) {
        return BigDecimal.ONE.movePointRight(Math.max(0, currency.getDefaultFractionDigits())).longValueExact();
    }

    /**
     * Returns instants between {@link #EARLIEST_INSTANT} and {@link #LATEST_INSTANT} (inclusive):
     * mostly in 2000 to 2035, in whole seconds or milliseconds; sometimes anywhere in the range,
     * with micro- or nanosecond precision. Edge cases: the bounds, the epoch, 2000-01-01, the
     * first second after the 32-bit Unix time overflow and the last nanosecond of a leap day.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Instant> instants() {
        Arbitrary<Integer> nanos = Arbitraries.frequencyOf(List.of(
                Tuple.of(6, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000)),
                Tuple.of(1, Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000)),
                Tuple.of(1, Arbitraries.integers().between(0, 999_999_999))));
        Arbitrary<Long> recent = Arbitraries.longs().between(RECENT_START.getEpochSecond(), RECENT_END.getEpochSecond());
        Arbitrary<Long> wide = Arbitraries.longs().between(EARLIEST_INSTANT.getEpochSecond(), LATEST_INSTANT.getEpochSecond());
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(List.of(Tuple.of(8, recent), Tuple.of(2, wide)));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond)
                .edgeCases(c -> c.filter(v -> false).add(EARLIEST_INSTANT, Instant.EPOCH, RECENT_START,
                        Instant.parse("2038-01-19T03:14:08Z"), Instant.parse("2024-02-29T23:59:59.999999999Z"),
                        LATEST_INSTANT));
    }

    /**
     * Returns time ranges: mostly between two {@linkplain #instants() instants}, sometimes short
     * (up to a day), sometimes empty ({@code start == end}), sometimes unbounded on one side
     * ({@link TimeRange#from}, {@link TimeRange#until}) and sometimes {@link TimeRange#all()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<TimeRange> timeRanges() {
        Arbitrary<TimeRange> between = Combinators.combine(instants(), instants())
                .as((a, b) -> a.isAfter(b) ? TimeRange.of(b, a) : TimeRange.of(a, b));
        Arbitrary<TimeRange> shortRanges = Combinators.combine(instants(), durations(Duration.ofDays(1)))
                .as((a, d) -> TimeRange.of(a, later(a, d)));
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(5, between),
                Tuple.of(2, shortRanges),
                Tuple.of(1, instants().map(t -> TimeRange.of(t, t))),
                Tuple.of(1, instants().map(TimeRange::from)),
                Tuple.of(1, instants().map(TimeRange::until)),
                Tuple.of(1, Arbitraries.just(TimeRange.all()))));
    }

    /** Durations from zero to {@code max}, biased to short ones, in whole seconds or milliseconds. */
    static Arbitrary<Duration> durations(Duration max) {
        long maxMillis = max.toMillis();
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(3, Arbitraries.longs().between(0, Math.min(maxMillis, 3_600_000L)).map(ms -> ms / 1000 * 1000)),
                        Tuple.of(2, Arbitraries.longs().between(0, maxMillis)),
                        Tuple.of(1, Arbitraries.longs().between(0, 999)),
                        Tuple.of(1, Arbitraries.just(0L))))
                .map(Duration::ofMillis);
    }

    /** Returns {@code base + d}, or {@link #LATEST_INSTANT} when that is later. */
    static Instant later(Instant base, Duration d) {
        return base.isAfter(LATEST_INSTANT.minus(d)) ? LATEST_INSTANT : base.plus(d);
    }

    /** Returns {@code base - d}, or {@link #EARLIEST_INSTANT} when that is earlier. */
    static Instant earlier(Instant base, Duration d) {
        return base.isBefore(EARLIEST_INSTANT.plus(d)) ? EARLIEST_INSTANT : base.minus(d);
    }

    private static Arbitrary<LocalDate> dates(LocalDate from, LocalDate to) {
        return Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    //-----------------------------------------------------------------------
    // contact points

    /**
     * Returns e-mail addresses: common forms ({@code john.doe@example.com}), every RFC 5322 atext
     * special character, internationalized and mixed-case domains (the domain is normalised to
     * lower case by crm-core), and the extremes: a one-character local part and an address of the
     * maximal 254 characters with a 64-character local part.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<EmailAddress> emailAddresses() {
        Arbitrary<String> generatedLocal = Arbitraries.strings().withChars(EMAIL_ATEXT).ofMinLength(1).ofMaxLength(16)
                .list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> {
                    String joined = String.join(".", parts);
                    return joined.length() <= 64 ? joined : stripDots(joined.substring(0, 64));
                });
        Arbitrary<String> local = Arbitraries.frequencyOf(List.of(
                Tuple.of(3, Arbitraries.of(Samples.EMAIL_LOCAL_PARTS)),
                Tuple.of(2, Arbitraries.strings().withChars(EMAIL_ATEXT).ofLength(64)),
                Tuple.of(5, generatedLocal)));
        Arbitrary<String> domain = Arbitraries.frequencyOf(List.of(
                Tuple.of(5, Arbitraries.of(Samples.EMAIL_DOMAINS)),
                Tuple.of(5, generatedDomains())));
        String longest = "a".repeat(64) + "@" + "b".repeat(61) + "." + "c".repeat(61) + "." + "d".repeat(61) + ".com";
        return Combinators.combine(local, domain).as((l, d) -> l + "@" + d)
                .filter(s -> s.length() <= 254)
                .edgeCases(c -> c.filter(v -> true).add("j@x.io", longest))
                .map(EmailAddress::of);
    }

    private static String stripDots(String s) {
        String out = s;
        while (out.endsWith(".")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    /** Syntactically valid domain names of 2 to 4 labels with an alphabetic top-level label. */
    private static Arbitrary<String> generatedDomains() {
        Arbitrary<String> label = Combinators.combine(
                        Arbitraries.strings().withCharRange('a', 'z').numeric().ofLength(1),
                        Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMaxLength(20),
                        Arbitraries.strings().withCharRange('a', 'z').numeric().ofLength(1))
                .as((first, middle, last) -> middle.isEmpty() ? first : first + middle + last);
        Arbitrary<String> tld = Arbitraries.of("com", "org", "net", "de", "cn", "jp", "io", "example", "museum",
                "xn--p1ai", "co");
        return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), tld)
                .as((labels, t) -> String.join(".", labels) + "." + t);
    }

    /**
     * Returns phone numbers in international form, from country calling codes of one to three
     * digits, written in the common forms that crm-core normalises ({@code +49 30 1234567},
     * {@code 0086-138-0013-8000}, {@code +1 (415) 555-0100}), with 8 to 15 digits in all (both
     * extremes among the edge cases).
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<PhoneNumber> phoneNumbers() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(15);
        return Combinators.combine(Arbitraries.of(Samples.CALLING_CODES), Arbitraries.integers().between(8, 15),
                        Arbitraries.integers().between(1, 9), digits, Arbitraries.integers().between(0, 5))
                .as((cc, total, lead, rest, style) -> {
                    int national = Math.max(1, total - cc.length());
                    String number = lead + rest.substring(0, national - 1);
                    return writePhone(cc, number, style);
                })
                .edgeCases(c -> c.filter(v -> true).add("+12345678", "+861234567890123"))
                .map(PhoneNumber::of);
    }

    private static String writePhone(String cc, String number, int style) {
        return switch (style) {
            case 0 -> "+" + cc + number;
            case 1 -> "+" + cc + " " + group(number, " ");
            case 2 -> "00" + cc + "-" + group(number, "-");
            case 3 -> number.length() >= 7
                    ? "+" + cc + " (" + number.substring(0, 3) + ") " + number.substring(3, 6) + "-" + number.substring(6)
                    : "+" + cc + " " + number;
            case 4 -> "+" + cc + "." + group(number, ".");
            default -> " +" + cc + " " + number + " ";
        };
    }

    private static String group(String digits, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 3) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(digits, i, Math.min(digits.length(), i + 3));
        }
        return sb.toString();
    }

    /**
     * Returns postal addresses: 1 to 4 street lines, a locality, optional region and postal code
     * (up to the maximal 20 characters), in many countries and scripts, with ISO 3166-1 alpha-2
     * country codes; parts of up to the maximal 200 characters occur.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<PostalAddress> postalAddresses() {
        Arbitrary<String> line = Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Arbitraries.of(Samples.STREET_LINES)),
                Tuple.of(2, Texts.freeText(200))));
        Arbitrary<String> locality = Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Arbitraries.of(Samples.LOCALITIES)),
                Tuple.of(2, Texts.freeText(200))));
        Arbitrary<String> region = Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Arbitraries.of(Samples.REGIONS)),
                Tuple.of(2, Texts.freeText(200))));
        Arbitrary<String> postalCode = Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Arbitraries.of(Samples.POSTAL_CODES)),
                Tuple.of(2, Texts.asciiCodes(20))));
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(4), locality, region.optional(0.6),
                        postalCode.optional(0.8), Arbitraries.of(COUNTRY_CODES))
                .as(PostalAddress::new);
    }

    /**
     * Returns web addresses: {@code http} and {@code https} (in any letter case) URIs with a host
     * (names, an IPv4 address, {@code localhost}, punycode), optional port, and paths that may be
     * empty, carry a query and fragment, or contain non-ASCII characters.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<WebAddress> webAddresses() {
        Arbitrary<String> host = Arbitraries.frequencyOf(List.of(
                Tuple.of(6, Arbitraries.of(Samples.WEB_HOSTS)),
                Tuple.of(4, generatedDomains())));
        Arbitrary<String> port = Arbitraries.integers().between(1, 65_535).map(p -> ":" + p).optional(0.1)
                .map(p -> p.orElse(""));
        return Combinators.combine(Arbitraries.of("https", "http", "HTTPS"), host, port, Arbitraries.of(Samples.WEB_PATHS))
                .as((scheme, h, p, path) -> scheme + "://" + h + p + path)
                .map(WebAddress::of);
    }

    /**
     * Returns accounts on social and messaging networks, with handles from one character to the
     * maximal 256, in many scripts.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<SocialAccount> socialAccounts() {
        Arbitrary<String> handle = Arbitraries.frequencyOf(List.of(
                Tuple.of(7, Arbitraries.of(Samples.SOCIAL_HANDLES)),
                Tuple.of(3, Texts.freeText(256))));
        return Combinators.combine(Arbitraries.of(SocialNetwork.class), handle).as(SocialAccount::of);
    }

    /**
     * Returns contact points of every kind: e-mail addresses (most often), phone numbers, postal
     * addresses, web addresses and social accounts.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<ContactPoint> contactPoints() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(4, emailAddresses().map(ContactPoint.class::cast)),
                Tuple.of(3, phoneNumbers().map(ContactPoint.class::cast)),
                Tuple.of(2, postalAddresses().map(ContactPoint.class::cast)),
                Tuple.of(1, webAddresses().map(ContactPoint.class::cast)),
                Tuple.of(1, socialAccounts().map(ContactPoint.class::cast))));
    }

    //-----------------------------------------------------------------------
    // customers

    /**
     * Returns person profiles with each of gender, birth date (1900 to 2012) and occupation (up to
     * the maximal 200 characters) present or absent; the empty profile is an edge case.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<PersonProfile> personProfiles() {
        Arbitrary<String> occupation = Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Arbitraries.of(Samples.OCCUPATIONS)),
                Tuple.of(2, Texts.freeText(200))));
        return Combinators.combine(Arbitraries.of(Gender.class).optional(0.7),
                        dates(LocalDate.of(1900, 1, 1), LocalDate.of(2012, 12, 31)).optional(0.6),
                        occupation.optional(0.5))
                .as(PersonProfile::new);
    }

    /**
     * Returns company profiles: industry (codes or labels), size class, registered capital (zero
     * or more, in any currency), founding date (1800 to 2025) and business scope (up to the maximal
     * 2,000 characters, possibly multi-line), each present or absent.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<CompanyProfile> companyProfiles() {
        Arbitrary<String> industry = Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Arbitraries.of(Samples.INDUSTRIES)),
                Tuple.of(2, Texts.freeText(256))));
        Arbitrary<String> scope = Arbitraries.frequencyOf(List.of(
                        Tuple.of(8, Arbitraries.of(Samples.BUSINESS_SCOPES)),
                        Tuple.of(2, Texts.freeText(2000))))
                .edgeCases(c -> c.filter(v -> true).add("营".repeat(2000)));
        return Combinators.combine(industry.optional(0.6), Arbitraries.of(CompanySize.class),
                        inAnyCurrency(amounts(false).<Function<Currency, Money>>map(a -> a::money)).optional(0.4),
                        dates(LocalDate.of(1800, 1, 1), LocalDate.of(2025, 12, 31)).optional(0.5),
                        scope.optional(0.4))
                .as(CompanyProfile::new);
    }

    /**
     * Returns acquisitions: every channel, with or without a campaign, at any
     * {@linkplain #instants() instant}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Acquisition> acquisitions() {
        return Combinators.combine(Arbitraries.of(AcquisitionChannel.class), campaignIds().optional(0.4), instants())
                .as(Acquisition::new);
    }

    /**
     * Returns consent records: every medium and purpose (e-mail and marketing most often, so that
     * records of one customer often concern the same medium and purpose), granted or denied, open
     * ended or expiring (after one second to five years), with or without a source.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<ConsentRecord> consentRecords() {
        Arbitrary<ContactMedium> media = Arbitraries.frequencyOf(List.of(
                Tuple.of(4, Arbitraries.just(ContactMedium.EMAIL)),
                Tuple.of(2, Arbitraries.just(ContactMedium.SMS)),
                Tuple.of(3, Arbitraries.of(ContactMedium.class))));
        Arbitrary<ContactPurpose> purposes = Arbitraries.frequencyOf(List.of(
                Tuple.of(4, Arbitraries.just(ContactPurpose.MARKETING)),
                Tuple.of(3, Arbitraries.of(ContactPurpose.class))));
        Arbitrary<Duration> validity = Arbitraries.longs().between(1, 5L * 366 * 86_400).map(Duration::ofSeconds);
        Arbitrary<String> source = Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Arbitraries.of(Samples.CONSENT_SOURCES)),
                Tuple.of(2, Texts.freeText(256))));
        return Combinators.combine(media, purposes, Arbitraries.of(ConsentStatus.class), instants(),
                        validity.optional(0.3), source.optional(0.5))
                .as((medium, purpose, status, from, valid, src) -> new ConsentRecord(medium, purpose, status, from,
                        valid.filter(d -> !from.isAfter(LATEST_INSTANT.minus(d))).map(from::plus), src));
    }

    /**
     * Returns consents: {@link Consent#none()} or up to eight {@linkplain #consentRecords()
     * records}, often conflicting.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Consent> consents() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(1, Arbitraries.just(Consent.none())),
                Tuple.of(4, consentRecords().list().ofMinSize(1).ofMaxSize(8).map(Consent::new))));
    }

    /**
     * Returns customers, persons and organizations: names in many scripts up to the maximal 300
     * characters, a profile matching the party kind or none, zero to five contact points, any
     * roles, lifecycle stage and status, optional acquisition (at or before creation) and owner,
     * tags and attributes (values may be empty, multi-line or up to the maximal 4,000 characters),
     * a {@linkplain #consents() consent}, and {@code updatedAt} at or after {@code createdAt}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Customer> customers() {
        Arbitrary<Tuple3<CustomerId, PartyKind, String>> identity = Combinators.combine(customerIds(),
                        Arbitraries.frequencyOf(List.of(
                                Tuple.of(3, Arbitraries.just(PartyKind.PERSON)),
                                Tuple.of(1, Arbitraries.just(PartyKind.ORGANIZATION)))),
                        personNames(), organizationNames())
                .as((id, kind, person, organization) -> Tuple.of(id, kind,
                        kind == PartyKind.PERSON ? person : organization));
        Arbitrary<Tuple2<Optional<PersonProfile>, Optional<CompanyProfile>>> profiles = Combinators.combine(
                        personProfiles().optional(0.7), companyProfiles().optional(0.7))
                .as(Tuple::of);
        Arbitrary<Tuple3<Set<PartyRole>, LifecycleStage, CustomerStatus>> classification = Combinators.combine(
                        Arbitraries.subsetOf(PartyRole.values()), Arbitraries.of(LifecycleStage.class),
                        Arbitraries.frequencyOf(List.of(
                                Tuple.of(6, Arbitraries.just(CustomerStatus.ACTIVE)),
                                Tuple.of(2, Arbitraries.of(CustomerStatus.class)))))
                .as(Tuple::of);
        Arbitrary<Tuple3<Optional<Acquisition>, Duration, Optional<AgentId>>> origin = Combinators.combine(
                        acquisitions().optional(0.6), durations(Duration.ofDays(365)), agentIds().optional(0.5))
                .as(Tuple::of);
        Arbitrary<Tuple2<Set<String>, Map<String, String>>> labels = Combinators.combine(
                        tags().set().ofMaxSize(5), Arbitraries.maps(attributeKeys(), attributeValues()).ofMaxSize(4))
                .as(Tuple::of);
        Arbitrary<Tuple2<Instant, Duration>> times = Combinators.combine(instants(),
                        Arbitraries.frequencyOf(List.of(
                                Tuple.of(1, Arbitraries.just(Duration.ZERO)),
                                Tuple.of(2, durations(Duration.ofDays(3 * 365))))))
                .as(Tuple::of);
        return Combinators.combine(identity, profiles, contactPoints().list().ofMaxSize(5), classification, origin,
                        labels, consents(), times)
                .as((id, prof, contacts, cls, orig, lbl, consent, t) -> {
                    Instant created = t.get1();
                    Optional<Acquisition> acquisition = orig.get1()
                            .map(a -> new Acquisition(a.channel(), a.campaign(), earlier(created, orig.get2())));
                    boolean person = id.get2() == PartyKind.PERSON;
                    return new Customer(id.get1(), id.get2(), id.get3(),
                            person ? prof.get1() : Optional.empty(),
                            person ? Optional.empty() : prof.get2(),
                            contacts, cls.get1(), cls.get2(), cls.get3(), acquisition, orig.get3(),
                            lbl.get1(), lbl.get2(), consent, created, later(created, t.get2()));
                });
    }

    private static Arbitrary<String> personNames() {
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(6, Combinators.combine(Arbitraries.of(Samples.GIVEN_NAMES), Arbitraries.of(Samples.FAMILY_NAMES))
                                .as((given, family) -> given + " " + family)),
                        Tuple.of(2, Arbitraries.of(Samples.EAST_ASIAN_NAMES)),
                        Tuple.of(1, Arbitraries.of(Samples.GIVEN_NAMES)),
                        Tuple.of(1, Texts.freeText(300))))
                .edgeCases(c -> c.filter(v -> true).add("A", ("Ñandú-".repeat(50)).substring(0, 299) + "z"));
    }

    private static Arbitrary<String> organizationNames() {
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(8, Arbitraries.of(Samples.ORGANIZATION_NAMES)),
                        Tuple.of(2, Texts.freeText(300))))
                .edgeCases(c -> c.filter(v -> true).add("X", "有".repeat(300)));
    }

    private static Arbitrary<String> tags() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(6, Arbitraries.of(Samples.TAGS)),
                Tuple.of(2, Texts.asciiCodes(30)),
                Tuple.of(1, Texts.freeText(256))));
    }

    private static Arbitrary<String> attributeKeys() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(6, Arbitraries.of(Samples.ATTRIBUTE_KEYS)),
                Tuple.of(2, Texts.asciiCodes(40)),
                Tuple.of(1, Texts.freeText(256))));
    }

    private static Arbitrary<String> attributeValues() {
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(6, Arbitraries.of(Samples.ATTRIBUTE_VALUES)),
                        Tuple.of(3, Texts.freeText(400)),
                        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(50)
                                .map(CrmArbitraries::withoutLoneSurrogates))))
                .edgeCases(c -> c.filter(v -> true).add("", "v".repeat(4000)));
    }

    /** Replaces lone surrogates (valid in a Java string, but not well-formed Unicode) with U+FFFD. */
    private static String withoutLoneSurrogates(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    //-----------------------------------------------------------------------
    // orders

    /**
     * Returns order statuses: the standard ones ({@link OrderStatus#COMPLETED}, {@link OrderStatus#OPEN},
     * {@link OrderStatus#CANCELLED}) and host labels of every category ({@code "shipped"},
     * {@code "已完成"}, {@code "payment failed"}...).
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<OrderStatus> orderStatuses() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(5, Arbitraries.of(OrderStatus.COMPLETED, OrderStatus.OPEN, OrderStatus.CANCELLED)),
                Tuple.of(2, Arbitraries.of(Samples.OPEN_ORDER_LABELS).map(l -> OrderStatus.of(l, OrderStatusCategory.OPEN))),
                Tuple.of(2, Arbitraries.of(Samples.COMPLETED_ORDER_LABELS)
                        .map(l -> OrderStatus.of(l, OrderStatusCategory.COMPLETED))),
                Tuple.of(2, Arbitraries.of(Samples.VOID_ORDER_LABELS).map(l -> OrderStatus.of(l, OrderStatusCategory.VOID))),
                Tuple.of(1, Combinators.combine(Texts.freeText(256), Arbitraries.of(OrderStatusCategory.class))
                        .as(OrderStatus::of))));
    }

    /**
     * Returns order lines in the given currency: quantities whole (1 to 1,000) or with one to three
     * decimal places (0.001 to 10,000: kilograms, hours), unit prices from zero (free items) up to
     * a million major units, and a unit cost (up to 1.5 times the price) present or absent.
     *
     * @param currency the currency of price and cost, not null
     * @return the arbitrary, never null
     */
    public static Arbitrary<OrderLine> orderLines(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        return lineFactories().map(f -> f.apply(currency));
    }

    /** Order lines not yet bound to a currency. */
    static Arbitrary<Function<Currency, OrderLine>> lineFactories() {
        Arbitrary<BigDecimal> quantities = Arbitraries.frequencyOf(List.of(
                        Tuple.of(6, Arbitraries.integers().between(1, 10).map(BigDecimal::valueOf)),
                        Tuple.of(2, Arbitraries.integers().between(11, 1000).map(BigDecimal::valueOf)),
                        Tuple.of(2, Combinators.combine(Arbitraries.integers().between(1, 100_000),
                                        Arbitraries.integers().between(1, 3))
                                .as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale)))))
                .edgeCases(c -> c.filter(v -> false).add(BigDecimal.ONE, new BigDecimal("0.001")));
        Arbitrary<Amount> prices = Arbitraries.frequencyOf(List.of(
                        Tuple.of(8, Combinators.combine(Arbitraries.longs().between(0, 1_000),
                                        Arbitraries.integers().between(0, 9_999))
                                .as((major, fraction) -> new Amount(major, fraction, 0, false))),
                        Tuple.of(2, Arbitraries.longs().between(0, 1_000_000).map(major -> new Amount(major, 0, 0, false)))))
                .edgeCases(c -> c.filter(v -> false).add(new Amount(0, 0, 0, false), new Amount(0, 0, 1, false)));
        Arbitrary<BigDecimal> costRatios = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1.5"))
                .ofScale(2);
        return Combinators.combine(productIds(), quantities, prices, costRatios.optional(0.5))
                .as((product, quantity, price, ratio) -> currency -> {
                    Money unitPrice = price.money(currency);
                    return new OrderLine(product, quantity, unitPrice,
                            ratio.map(r -> unitPrice.multipliedBy(r, RoundingMode.HALF_EVEN)));
                });
    }

    /**
     * Returns orders in any {@linkplain #currencies() currency}, varied as
     * {@link #orders(Currency)}. Same as {@link Orders#orders()}, which can be narrowed further
     * ({@code Orders.orders().fromCustomerPool(10).placedBetween(from, to)}).
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Order> orders() {
        return Orders.orders();
    }

    /**
     * Returns orders in the given currency: any status and sales channel; without lines (then any
     * gross amount of zero or more) or with one to six lines (then the gross amount is their sum);
     * no, partial or full discount; no, partial or full refund of what was paid; with or without a
     * campaign. Same as {@code Orders.inCurrency(currency)}, which can be narrowed further.
     *
     * @param currency the currency of every amount, not null
     * @return the arbitrary, never null
     */
    public static Arbitrary<Order> orders(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        return Orders.inCurrency(currency);
    }

    //-----------------------------------------------------------------------
    // interactions

    /**
     * Returns interactions: every channel, direction, type, purpose and outcome; an end from zero
     * to eight hours after the start, or none; optional sentiment, agent, campaign, order and
     * service case.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Interaction> interactions() {
        Arbitrary<Tuple7<Optional<Duration>, InteractionOutcome, Optional<Sentiment>, Optional<AgentId>,
                Optional<CampaignId>, Optional<OrderId>, Optional<ServiceCaseId>>> details = Combinators.combine(
                        durations(Duration.ofHours(8)).optional(0.6), Arbitraries.of(InteractionOutcome.class),
                        Arbitraries.of(Sentiment.class).optional(0.4), agentIds().optional(0.5),
                        campaignIds().optional(0.2), orderIds().optional(0.2), serviceCaseIds().optional(0.2))
                .as(Tuple::of);
        return Combinators.combine(interactionIds(), customerIds(), Arbitraries.of(InteractionChannel.class),
                        Arbitraries.of(Direction.class), Arbitraries.of(InteractionType.class),
                        Arbitraries.of(InteractionPurpose.class), instants(), details)
                .as((id, customer, channel, direction, type, purpose, at, d) -> new Interaction(id, customer, channel,
                        direction, type, purpose, at, d.get1().map(duration -> later(at, duration)), d.get2(), d.get3(),
                        d.get4(), d.get5(), d.get6(), d.get7()));
    }

    //-----------------------------------------------------------------------
    // service cases

    /**
     * Returns case statuses: the standard ones ({@link CaseStatus#OPEN}, {@link CaseStatus#WAITING},
     * {@link CaseStatus#RESOLVED}, {@link CaseStatus#CLOSED}) and host labels of every category.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<CaseStatus> caseStatuses() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(5, Arbitraries.of(CaseStatus.OPEN, CaseStatus.WAITING, CaseStatus.RESOLVED, CaseStatus.CLOSED)),
                Tuple.of(1, Arbitraries.of(Samples.OPEN_CASE_LABELS).map(l -> CaseStatus.of(l, CaseStatusCategory.OPEN))),
                Tuple.of(1, Arbitraries.of(Samples.WAITING_CASE_LABELS)
                        .map(l -> CaseStatus.of(l, CaseStatusCategory.WAITING))),
                Tuple.of(1, Arbitraries.of(Samples.RESOLVED_CASE_LABELS)
                        .map(l -> CaseStatus.of(l, CaseStatusCategory.RESOLVED))),
                Tuple.of(1, Arbitraries.of(Samples.CLOSED_CASE_LABELS)
                        .map(l -> CaseStatus.of(l, CaseStatusCategory.CLOSED))),
                Tuple.of(1, Combinators.combine(Texts.freeText(256), Arbitraries.of(CaseStatusCategory.class))
                        .as(CaseStatus::of))));
    }

    /**
     * Returns SLA targets: none ({@link SlaTargets#none()}), or a first-response target (one
     * millisecond to three days) and a resolution target (one minute to sixty days), each present
     * or absent.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<SlaTargets> slaTargets() {
        Arbitrary<Duration> response = Arbitraries.frequencyOf(List.of(
                        Tuple.of(8, Arbitraries.of(15L, 30L, 60L, 120L, 240L, 480L, 1440L).map(Duration::ofMinutes)),
                        Tuple.of(2, Arbitraries.longs().between(1, 3L * 86_400_000).map(Duration::ofMillis))))
                .edgeCases(c -> c.filter(v -> true).add(Duration.ofMillis(1)));
        Arbitrary<Duration> resolution = Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Arbitraries.of(4L, 8L, 24L, 48L, 72L, 120L, 240L).map(Duration::ofHours)),
                Tuple.of(2, Arbitraries.longs().between(60, 60L * 86_400).map(Duration::ofSeconds))));
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(1, Arbitraries.just(SlaTargets.none())),
                Tuple.of(4, Combinators.combine(response.optional(0.8), resolution.optional(0.8)).as(SlaTargets::new))));
    }

    /**
     * Returns resolutions: every code, with or without a reason code.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Resolution> resolutions() {
        Arbitrary<String> reason = Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Arbitraries.of(Samples.RESOLUTION_REASONS)),
                Tuple.of(2, Texts.freeText(256))));
        return Combinators.combine(Arbitraries.of(ResolutionCode.class), reason.optional(0.4)).as(Resolution::new);
    }

    /**
     * Returns service cases of every type, priority, channel and status category, with times that
     * agree with the category: open and waiting cases are neither resolved nor closed, resolved
     * cases have a resolution time, closed cases a closing time and possibly a resolution time
     * before it; the first response, when present, is not after the resolution or closing; times
     * follow the opening by zero to sixty days. Resolutions only on resolved or closed cases.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<ServiceCase> serviceCases() {
        Arbitrary<List<Duration>> offsets = durations(Duration.ofDays(60)).list().ofSize(3)
                .map(ds -> ds.stream().sorted().toList());
        Arbitrary<Tuple7<List<Duration>, Boolean, Boolean, SlaTargets, Optional<Resolution>, Optional<AgentId>,
                Optional<OrderId>>> details = Combinators.combine(offsets, Arbitraries.of(true, false),
                        Arbitraries.of(true, false), slaTargets(), resolutions().optional(0.7), agentIds().optional(0.6),
                        orderIds().optional(0.3))
                .as(Tuple::of);
        return Combinators.combine(serviceCaseIds(), customerIds(), Arbitraries.of(CaseType.class),
                        Arbitraries.of(CasePriority.class), caseStatuses(), Arbitraries.of(InteractionChannel.class),
                        instants(), details)
                .as((id, customer, type, priority, status, channel, opened, d) -> {
                    Instant responded = later(opened, d.get1().get(0));
                    Instant resolved = later(opened, d.get1().get(1));
                    Instant closed = later(opened, d.get1().get(2));
                    boolean withResponse = d.get2();
                    boolean closedAfterResolution = d.get3();
                    Optional<Instant> firstResponse = withResponse ? Optional.of(responded) : Optional.empty();
                    Optional<Instant> resolvedAt = Optional.empty();
                    Optional<Instant> closedAt = Optional.empty();
                    Optional<Resolution> resolution = Optional.empty();
                    switch (status.category()) {
                        case OPEN, WAITING -> {
                            // neither resolved nor closed
                        }
                        case RESOLVED -> {
                            resolvedAt = Optional.of(resolved);
                            resolution = d.get5();
                        }
                        case CLOSED -> {
                            closedAt = Optional.of(closed);
                            resolvedAt = closedAfterResolution ? Optional.of(resolved) : Optional.empty();
                            resolution = d.get5();
                        }
                    }
                    return new ServiceCase(id, customer, type, priority, status, channel, opened, firstResponse,
                            resolvedAt, closedAt, d.get4(), resolution, d.get6(), d.get7());
                });
    }

    //-----------------------------------------------------------------------
    // surveys

    /**
     * Returns survey scales: the standard NPS (0 to 10), CSAT (1 to 5) and CES (1 to 7) most often,
     * and custom scales with other names (never a reserved name with other bounds) and bounds
     * {@code 0 <= min < max <= 100}, including the widest {@code 0..100} and narrowest two-point
     * scales.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<SurveyScale> surveyScales() {
        Arbitrary<String> names = Arbitraries.frequencyOf(List.of(
                        Tuple.of(8, Arbitraries.of(Samples.CUSTOM_SCALE_NAMES)),
                        Tuple.of(2, Texts.freeText(256))))
                .filter(n -> !n.equals("NPS") && !n.equals("CSAT") && !n.equals("CES"));
        Arbitrary<int[]> bounds = Arbitraries.frequencyOf(List.of(
                        Tuple.of(4, Arbitraries.of(List.of(new int[] {1, 5}, new int[] {1, 7}, new int[] {0, 100},
                                new int[] {0, 1}, new int[] {1, 10}))),
                        Tuple.of(6, Combinators.combine(Arbitraries.integers().between(0, 99),
                                        Arbitraries.integers().between(1, 100))
                                .as((min, width) -> new int[] {min, Math.min(100, min + width)}))))
                .edgeCases(c -> c.filter(v -> true).add(new int[] {0, 100}, new int[] {99, 100}));
        Arbitrary<SurveyScale> custom = Combinators.combine(names, bounds)
                .as((name, b) -> SurveyScale.custom(name, b[0], b[1]));
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(7, Arbitraries.of(SurveyScale.NPS, SurveyScale.CSAT, SurveyScale.CES)),
                Tuple.of(3, custom)));
    }

    /**
     * Returns scores on {@linkplain #surveyScales() survey scales}, anywhere on the scale, the
     * lowest and highest score included.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<SurveyScore> surveyScores() {
        return surveyScales().flatMap(scale -> Arbitraries.integers().between(scale.min(), scale.max())
                .map(v -> new SurveyScore(scale, v)));
    }

    /**
     * Returns survey responses: any {@linkplain #surveyScores() score}, channel and time, with or
     * without a survey identifier and links to a campaign, interaction, service case and order.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<SurveyResponse> surveyResponses() {
        Arbitrary<String> survey = Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Arbitraries.of(Samples.SURVEY_NAMES)),
                Tuple.of(2, Texts.freeText(256))));
        Arbitrary<Tuple4<Optional<CampaignId>, Optional<InteractionId>, Optional<ServiceCaseId>, Optional<OrderId>>> links =
                Combinators.combine(campaignIds().optional(0.3), interactionIds().optional(0.3),
                                serviceCaseIds().optional(0.3), orderIds().optional(0.3))
                        .as(Tuple::of);
        return Combinators.combine(surveyResponseIds(), customerIds(), instants(), surveyScores(),
                        Arbitraries.of(InteractionChannel.class), survey.optional(0.6), links)
                .as((id, customer, at, score, channel, s, l) -> new SurveyResponse(id, customer, at, score, channel, s,
                        l.get1(), l.get2(), l.get3(), l.get4()));
    }

    //-----------------------------------------------------------------------
    // loyalty

    /**
     * Returns points-transaction identifiers, varied as {@link #customerIds()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<PointsTransactionId> pointsTransactionIds() {
        return identifierTexts("PT-").map(PointsTransactionId::of);
    }

    /**
     * Returns membership (card) numbers, varied as {@link #customerIds()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<MembershipId> membershipIds() {
        return identifierTexts("CARD-").map(MembershipId::of);
    }

    /**
     * Returns referral identifiers, varied as {@link #customerIds()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<ReferralId> referralIds() {
        return identifierTexts("REF-").map(ReferralId::of);
    }

    /**
     * Returns points transactions: every type, points from 1 to a billion (adjustments of either
     * sign), any time, with or without an order.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<PointsTransaction> pointsTransactions() {
        Arbitrary<Long> points = Arbitraries.frequencyOf(List.of(
                Tuple.of(6, Arbitraries.longs().between(1, 1_000)),
                Tuple.of(1, Arbitraries.longs().between(1, 1_000_000_000L))));
        return Combinators.combine(pointsTransactionIds(), customerIds(), Arbitraries.of(PointsTransactionType.class),
                        instants(), points, Arbitraries.of(true, false), orderIds().optional(0.3))
                .as((id, customer, type, at, p, negative, order) -> new PointsTransaction(id, customer, type, at,
                        type == PointsTransactionType.ADJUST && negative ? -p : p, order));
    }

    /**
     * Returns tier changes: any tier name (or the base tier) at any time.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<TierChange> tierChanges() {
        return Combinators.combine(instants(), Arbitraries.of(TierRules.BASE_TIER, "silver", "gold", "platinum"))
                .as(TierChange::new);
    }

    /**
     * Returns memberships: joined at any time, open or left up to ten years later, with up to four
     * tier changes after joining; no instant after {@link #LATEST_INSTANT}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Membership> memberships() {
        Arbitrary<List<Duration>> steps = durations(Duration.ofDays(400)).list().ofMaxSize(4);
        return Combinators.combine(membershipIds(), customerIds(), instants(),
                        durations(Duration.ofDays(3650)).optional(0.3), steps,
                        Arbitraries.of(TierRules.BASE_TIER, "silver", "gold", "platinum").list().ofSize(4))
                .as((id, customer, joined, stay, gaps, names) -> {
                    List<TierChange> history = new ArrayList<>();
                    Instant at = joined;
                    for (int i = 0; i < gaps.size(); i++) {
                        at = at.plus(gaps.get(i));
                        history.add(new TierChange(at, names.get(i)));
                    }
                    return new Membership(id, customer, joined, stay.map(joined::plus), history);
                })
                .filter(m -> !m.leftAt().orElse(m.joinedAt()).isAfter(LATEST_INSTANT)
                        && m.tierHistory().stream().noneMatch(c -> c.at().isAfter(LATEST_INSTANT)));
    }

    /**
     * Returns referrals: a referrer and a different referred customer, a code, any time, with or
     * without a qualifying order.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Referral> referrals() {
        Arbitrary<String> codes = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(4)
                .ofMaxLength(12);
        return Combinators.combine(referralIds(), customerIds(), customerIds(), codes, instants(),
                        orderIds().optional(0.5))
                .filter((id, referrer, referred, code, at, order) -> !referrer.equals(referred))
                .as(Referral::new);
    }

    /**
     * Returns loyalty programmes: 0 to 20 points per unit, any rounding, expiry of 30 to 1000 days
     * or none, up to three tiers on spend or points over a window of 30 to 730 days, and a few
     * channel rates.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<LoyaltyProgram> loyaltyPrograms() {
        Arbitrary<TierRules> tiers = Combinators.combine(Arbitraries.of(TierBasis.class),
                        Arbitraries.integers().between(30, 730),
                        Arbitraries.longs().between(1, 100_000).set().ofMaxSize(3))
                .as((basis, days, thresholds) -> {
                    List<Tier> list = new ArrayList<>();
                    int k = 0;
                    for (long t : thresholds) {
                        list.add(Tier.of("tier-" + (k++), t));
                    }
                    return new TierRules(basis, Duration.ofDays(days), list);
                });
        return Combinators.combine(Arbitraries.longs().between(0, 20), Arbitraries.of(PointsRounding.class),
                        Arbitraries.integers().between(30, 1000).optional(0.7), tiers,
                        Arbitraries.maps(Arbitraries.of(SalesChannel.class), Arbitraries.longs().between(0, 20))
                                .ofMaxSize(3))
                .as((rate, rounding, expiry, rules, channels) -> {
                    LoyaltyProgram.Builder b = LoyaltyProgram.builder().pointsPerUnit(rate).rounding(rounding)
                            .tiers(rules);
                    expiry.ifPresent(d -> b.expiry(Duration.ofDays(d)));
                    channels.forEach(b::channelPointsPerUnit);
                    return b.build();
                });
    }

    //-----------------------------------------------------------------------

    //-----------------------------------------------------------------------
    // customer credit

    /** The first issue day of generated credit records: 2000-01-01. */
    private static final LocalDate CREDIT_START = LocalDate.of(2000, 1, 1);

    /**
     * Returns invoice identifiers, varied as {@link #customerIds()} (prefixed codes look like
     * {@code INV-000123}).
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<InvoiceId> invoiceIds() {
        return identifierTexts("INV-").map(InvoiceId::of);
    }

    /**
     * Returns payment identifiers, varied as {@link #customerIds()}.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<PaymentId> paymentIds() {
        return identifierTexts("PAY-").map(PaymentId::of);
    }

    /**
     * Returns invoices in any {@linkplain #currencies() currency}, issued from 2000 to 2035, due 0
     * to 120 days after issue, with positive amounts: mostly issued (some written off 0 to 400 days
     * after issue), some void, some credit notes (half of them naming an invoice).
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Invoice> invoices() {
        Arbitrary<Function<Currency, Money>> amounts = amounts(false).<Function<Currency, Money>>map(a -> c -> {
            Money m = a.money(c);
            return m.isZero() ? Money.ofMinor(1, c) : m;
        });
        Arbitrary<Function<Currency, Invoice>> factories = Combinators.combine(invoiceIds(), customerIds(),
                Arbitraries.integers().between(0, 13_000), Arbitraries.integers().between(0, 120), amounts,
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 400), invoiceIds())
                .as((id, customer, issuedDay, terms, amount, kind, writeOff, other) -> currency -> {
                    LocalDate issued = CREDIT_START.plusDays(issuedDay);
                    Money m = amount.apply(currency);
                    if (kind == 0) {
                        return Invoice.issued(id, customer, issued, issued.plusDays(terms), m).voided();
                    }
                    if (kind == 1) {
                        return Invoice.creditNote(id, customer, issued, m,
                                other.equals(id) || writeOff % 2 == 0 ? Optional.empty() : Optional.of(other));
                    }
                    Invoice invoice = Invoice.issued(id, customer, issued, issued.plusDays(terms), m);
                    return kind == 2 ? invoice.writtenOff(issued.plusDays(writeOff)) : invoice;
                });
        return inAnyCurrency(factories);
    }

    /**
     * Returns payments in any {@linkplain #currencies() currency}, from 2000 to 2035, with positive
     * amounts, half of them naming an invoice.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<Payment> payments() {
        Arbitrary<Function<Currency, Payment>> factories = Combinators.combine(paymentIds(), customerIds(),
                Arbitraries.integers().between(0, 13_000), amounts(false), invoiceIds().optional(0.5))
                .as((id, customer, day, amount, invoice) -> currency -> {
                    Money m = amount.money(currency);
                    return new Payment(id, customer, CREDIT_START.plusDays(day), m.isZero() ? Money.ofMinor(1, currency) : m,
                            invoice);
                });
        return inAnyCurrency(factories);
    }

    /**
     * Returns credit terms in any currency: limits of zero or more, terms of 0 to 120 days (edge
     * cases 0, 30, 60), a rating class (AAA, AA, A, B, C) or none.
     *
     * @return the arbitrary, never null
     */
    public static Arbitrary<CreditTerms> creditTerms() {
        Arbitrary<Function<Currency, CreditTerms>> factories = Combinators.combine(customerIds(), amounts(false),
                Arbitraries.integers().between(0, 120).edgeCases(c -> c.add(0, 30, 60)),
                Arbitraries.of("AAA", "AA", "A", "B", "C").optional(0.7))
                .as((customer, limit, terms, rating) -> currency -> new CreditTerms(customer, limit.money(currency),
                        terms, rating));
        return inAnyCurrency(factories);
    }

    private record CreditRow(int customer, int day, int terms, long amount, int kind, int ref, int extra) {
    }

    /**
     * Returns small receivables histories in the given currency: 1 to 4 customers ({@code c1} to
     * {@code c4}), 0 to 25 invoice documents issued over 200 days (75% issued, a fifth of them
     * written off later; 10% void; 15% credit notes), and 0 to 30 payments over 260 days, half
     * naming an invoice (sometimes one that does not exist or is another customer's). Amounts are 1
     * to 100,000 minor units. Identifiers are {@code inv-N} and {@code pay-N}.
     *
     * @param currency the currency, not null
     * @return the arbitrary, never null
     */
    public static Arbitrary<CreditHistory> creditHistories(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        Arbitrary<CreditRow> invoiceRows = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 60),
                Arbitraries.longs().between(1, 100_000), Arbitraries.integers().between(0, 19),
                Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 200))
                .as(CreditRow::new);
        Arbitrary<CreditRow> paymentRows = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 260), Arbitraries.just(0),
                Arbitraries.longs().between(1, 100_000), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 30), Arbitraries.just(0))
                .as(CreditRow::new);
        return Combinators.combine(invoiceRows.list().ofMaxSize(25), paymentRows.list().ofMaxSize(30))
                .as((irows, prows) -> {
                    LocalDate base = LocalDate.of(2024, 1, 1);
                    List<Invoice> invoices = new ArrayList<>();
                    for (int n = 0; n < irows.size(); n++) {
                        CreditRow r = irows.get(n);
                        InvoiceId id = InvoiceId.of("inv-" + n);
                        CustomerId customer = CustomerId.of("c" + r.customer());
                        LocalDate issued = base.plusDays(r.day());
                        Money amount = Money.ofMinor(r.amount(), currency);
                        Invoice invoice = Invoice.issued(id, customer, issued, issued.plusDays(r.terms()), amount);
                        if (r.kind() < 2) {
                            invoice = invoice.voided();
                        } else if (r.kind() < 5) {
                            invoice = Invoice.creditNote(id, customer, issued, amount, r.ref() == n || r.ref() % 2 == 0
                                    ? Optional.empty() : Optional.of(InvoiceId.of("inv-" + r.ref())));
                        } else if (r.kind() < 8) {
                            invoice = invoice.writtenOff(issued.plusDays(r.extra()));
                        }
                        invoices.add(invoice);
                    }
                    List<Payment> payments = new ArrayList<>();
                    for (int n = 0; n < prows.size(); n++) {
                        CreditRow r = prows.get(n);
                        payments.add(new Payment(PaymentId.of("pay-" + n), CustomerId.of("c" + r.customer()),
                                base.plusDays(r.day()), Money.ofMinor(r.amount(), currency),
                                r.kind() == 0 ? Optional.empty() : Optional.of(InvoiceId.of("inv-" + r.ref()))));
                    }
                    return new CreditHistory(currency, invoices, payments);
                });
    }

    /**
     * Returns the factories of the arbitraries registered for the crm-core types, as
     * {@link CrmArbitraryProvider} and {@link CrmDomain} use them.
     *
     * @return a new map from type to factory, never null
     */
    static Map<Class<?>, Supplier<Arbitrary<?>>> byType() {
        Map<Class<?>, Supplier<Arbitrary<?>>> m = new LinkedHashMap<>();
        m.put(CustomerId.class, CrmArbitraries::customerIds);
        m.put(OrderId.class, CrmArbitraries::orderIds);
        m.put(InteractionId.class, CrmArbitraries::interactionIds);
        m.put(ServiceCaseId.class, CrmArbitraries::serviceCaseIds);
        m.put(SurveyResponseId.class, CrmArbitraries::surveyResponseIds);
        m.put(CampaignId.class, CrmArbitraries::campaignIds);
        m.put(AgentId.class, CrmArbitraries::agentIds);
        m.put(ProductId.class, CrmArbitraries::productIds);
        m.put(Money.class, CrmArbitraries::money);
        m.put(TimeRange.class, CrmArbitraries::timeRanges);
        m.put(EmailAddress.class, CrmArbitraries::emailAddresses);
        m.put(PhoneNumber.class, CrmArbitraries::phoneNumbers);
        m.put(PostalAddress.class, CrmArbitraries::postalAddresses);
        m.put(WebAddress.class, CrmArbitraries::webAddresses);
        m.put(SocialAccount.class, CrmArbitraries::socialAccounts);
        m.put(ContactPoint.class, CrmArbitraries::contactPoints);
        m.put(PersonProfile.class, CrmArbitraries::personProfiles);
        m.put(CompanyProfile.class, CrmArbitraries::companyProfiles);
        m.put(Acquisition.class, CrmArbitraries::acquisitions);
        m.put(ConsentRecord.class, CrmArbitraries::consentRecords);
        m.put(Consent.class, CrmArbitraries::consents);
        m.put(Customer.class, CrmArbitraries::customers);
        m.put(OrderStatus.class, CrmArbitraries::orderStatuses);
        m.put(OrderLine.class, () -> inAnyCurrency(lineFactories()));
        m.put(Order.class, CrmArbitraries::orders);
        m.put(Interaction.class, CrmArbitraries::interactions);
        m.put(CaseStatus.class, CrmArbitraries::caseStatuses);
        m.put(SlaTargets.class, CrmArbitraries::slaTargets);
        m.put(Resolution.class, CrmArbitraries::resolutions);
        m.put(ServiceCase.class, CrmArbitraries::serviceCases);
        m.put(SurveyScale.class, CrmArbitraries::surveyScales);
        m.put(SurveyScore.class, CrmArbitraries::surveyScores);
        m.put(SurveyResponse.class, CrmArbitraries::surveyResponses);
        m.put(PointsTransactionId.class, CrmArbitraries::pointsTransactionIds);
        m.put(MembershipId.class, CrmArbitraries::membershipIds);
        m.put(ReferralId.class, CrmArbitraries::referralIds);
        m.put(PointsTransaction.class, CrmArbitraries::pointsTransactions);
        m.put(TierChange.class, CrmArbitraries::tierChanges);
        m.put(Membership.class, CrmArbitraries::memberships);
        m.put(Referral.class, CrmArbitraries::referrals);
        m.put(LoyaltyProgram.class, CrmArbitraries::loyaltyPrograms);
        m.put(InvoiceId.class, CrmArbitraries::invoiceIds);
        m.put(PaymentId.class, CrmArbitraries::paymentIds);
        m.put(Invoice.class, CrmArbitraries::invoices);
        m.put(Payment.class, CrmArbitraries::payments);
        m.put(CreditTerms.class, CrmArbitraries::creditTerms);
        return m;
    }
}
