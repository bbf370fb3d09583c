package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.order.SalesChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

/**
 * Every order of a configured {@link OrderArbitrary} respects every configured bound, under
 * randomly drawn configurations; argument checks name the argument and the value.
 */
class OrderArbitraryProperties {

    private static final List<OrderStatus> STATUSES = List.of(OrderStatus.COMPLETED, OrderStatus.OPEN,
            OrderStatus.CANCELLED, OrderStatus.of("shipped", OrderStatusCategory.OPEN),
            OrderStatus.of("partly refunded", OrderStatusCategory.COMPLETED));

    /** One drawn configuration of an order arbitrary; every field is a bound to check. */
    record Config(Currency currency, Instant from, Instant to, Duration precision, int pool, long grossMin,
            long grossMax, int minLines, int maxLines, List<OrderStatus> statuses, List<SalesChannel> channels,
            int discountMin, int discountMax, int refundMin, int refundMax) {

        OrderArbitrary arbitrary() {
            return Orders.inCurrency(currency).placedAtPrecision(precision).placedBetween(from, to)
                    .fromCustomerPool(pool).grossMinorUnitsBetween(grossMin, grossMax).withLines(minLines, maxLines)
                    .withStatuses(statuses.toArray(OrderStatus[]::new)).inChannels(channels.toArray(SalesChannel[]::new))
                    .discountPercentBetween(discountMin, discountMax).refundPercentBetween(refundMin, refundMax)
                    .withoutCampaigns();
        }
    }

    @Provide
    Arbitrary<Tuple2<Config, Order>> configuredOrders() {
        Arbitrary<Instant> starts = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<Duration> windows = Arbitraries.longs().between(0, 400L * 86_400).map(Duration::ofSeconds);
        Arbitrary<Duration> precisions = Arbitraries.of(Duration.ofNanos(1), Duration.ofMillis(1), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7));
        Arbitrary<long[]> gross = Combinators.combine(Arbitraries.longs().between(0, 1_000_000),
                        Arbitraries.longs().between(0, 1_000_000))
                .as((a, b) -> new long[] {Math.min(a, b), Math.max(a, b)});
        Arbitrary<int[]> counts = Combinators.combine(Arbitraries.integers().between(0, 8),
                        Arbitraries.integers().between(0, 8))
                .as((a, b) -> new int[] {Math.min(a, b), Math.max(a, b)});
        Arbitrary<int[]> percents = Combinators.combine(Arbitraries.integers().between(0, 100),
                        Arbitraries.integers().between(0, 100))
                .as((a, b) -> new int[] {Math.min(a, b), Math.max(a, b)});
        Arbitrary<Tuple2<int[], int[]>> adjustments = Combinators.combine(percents, percents).as(Tuple::of);
        Arbitrary<Tuple2<List<OrderStatus>, List<SalesChannel>>> labels = Combinators.combine(
                        Arbitraries.of(STATUSES).list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(SalesChannel.class).list().ofMinSize(1).ofMaxSize(3))
                .as(Tuple::of);
        Arbitrary<Config> configs = Combinators.combine(CrmArbitraries.currencies(), starts, windows, precisions,
                        Arbitraries.integers().between(1, 50), gross, counts, Combinators.combine(labels, adjustments)
                                .as(Tuple::of))
                .as((currency, from, window, precision, pool, g, c, rest) -> new Config(currency, from, from.plus(window),
                        precision, pool, g[0], g[1], c[0], c[1], rest.get1().get1(), rest.get1().get2(),
                        rest.get2().get1()[0], rest.get2().get1()[1], rest.get2().get2()[0], rest.get2().get2()[1]));
        return configs.flatMap(config -> config.arbitrary().map(order -> Tuple.of(config, order)));
    }

    @Property(tries = 400)
    void everyOrderRespectsEveryConfiguredBound(@ForAll("configuredOrders") Tuple2<Config, Order> generated) {
        Config c = generated.get1();
        Order o = generated.get2();
        assertThat(o.currency()).isEqualTo(c.currency());
        assertThat(o.placedAt()).isBetween(c.from(), c.to());
        assertThat(Duration.between(c.from(), o.placedAt()).toNanos() % c.precision().toNanos()).isZero();
        assertThat(Integer.parseInt(o.customerId().value().substring(1))).isBetween(0, c.pool() - 1);
        assertThat(o.customerId().value()).startsWith("c");
        long gross = o.grossAmount().toMinorUnits();
        assertThat(gross).isBetween(c.grossMin(), c.grossMax());
        assertThat(o.lines()).hasSizeBetween(c.minLines(), c.maxLines());
        if (!o.lines().isEmpty()) {
            assertThat(o.lines().stream().map(OrderLine::amount).reduce(Money.zero(c.currency()), Money::plus))
                    .isEqualTo(o.grossAmount());
        }
        assertThat(c.statuses()).contains(o.status());
        assertThat(c.channels()).contains(o.channel());
        long discount = o.discountAmount().toMinorUnits();
        assertThat(discount).isBetween(Math.floorDiv(gross * c.discountMin(), 100),
                Math.floorDiv(gross * c.discountMax(), 100));
        long paid = gross - discount;
        assertThat(o.refundedAmount().toMinorUnits()).isBetween(Math.floorDiv(paid * c.refundMin(), 100),
                Math.floorDiv(paid * c.refundMax(), 100));
        assertThat(o.campaign()).isEmpty();
        Statistics.label("lines").collect(o.lines().isEmpty() ? "none" : "some");
    }

    @Provide
    Arbitrary<Order> defaults() {
        return Orders.orders();
    }

    @Property(tries = 300)
    void theDefaultsKeepTheVarietyOfCrmArbitraries(@ForAll("defaults") Order o) {
        assertThat(o.placedAt()).isBetween(CrmArbitraries.EARLIEST_INSTANT, CrmArbitraries.LATEST_INSTANT);
        Statistics.label("lines").collect(o.lines().isEmpty() ? "none" : "some");
        Statistics.label("currency").collect(o.currency().getCurrencyCode().equals("USD") ? "USD" : "other");
        Statistics.label("lines").coverage(cov -> {
            cov.check("none").percentage(p -> p > 20);
            cov.check("some").percentage(p -> p > 25);
        });
        Statistics.label("currency").coverage(cov -> cov.check("other").percentage(p -> p > 50));
    }

    @Provide
    Arbitrary<List<Order>> histories() {
        return Orders.inCurrency("JPY").placedBetween(Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-01-03T00:00:00Z")).placedAtPrecision(Duration.ofHours(6))
                .fromCustomerPool(3).withoutLines().histories().ofMinSize(2).ofMaxSize(30).withIdFormat("SO-%03d")
                .sortedByPlacement();
    }

    @Property(tries = 200)
    void historiesNumberTheirOrdersAndSortThem(@ForAll("histories") List<Order> orders) {
        assertThat(orders).hasSizeBetween(2, 30);
        Set<String> ids = new HashSet<>();
        orders.forEach(o -> ids.add(o.id().value()));
        Set<String> expected = new HashSet<>();
        for (int k = 0; k < orders.size(); k++) {
            expected.add(String.format("SO-%03d", k));
        }
        assertThat(ids).isEqualTo(expected);
        assertThat(orders).isSortedAccordingTo(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
        assertThat(orders).allSatisfy(o -> assertThat(o.lines()).isEmpty());
        // nine placement times, three customers: ties of customer and time are frequent
        Statistics.label("tie").collect(orders.size() > new HashSet<>(orders.stream()
                .map(o -> Tuple.of(o.customerId(), o.placedAt())).toList()).size());
        Statistics.label("tie").coverage(cov -> cov.check(true).percentage(p -> p > 30));
    }

    @Provide
    Arbitrary<Order> weighted() {
        Map<OrderStatus, Integer> weights = new LinkedHashMap<>();
        weights.put(OrderStatus.CANCELLED, 1);
        weights.put(OrderStatus.COMPLETED, 5);
        return Orders.inCurrency("USD").withStatusWeights(weights).fromCustomers(CustomerId.of("a"), CustomerId.of("b"))
                .withoutAdjustments();
    }

    @Property(tries = 600)
    void statusWeightsGiveTheRequestedMix(@ForAll("weighted") Order o) {
        assertThat(o.status()).isIn(OrderStatus.COMPLETED, OrderStatus.CANCELLED);
        assertThat(o.customerId().value()).isIn("a", "b");
        assertThat(o.discountAmount().isZero()).isTrue();
        assertThat(o.refundedAmount().isZero()).isTrue();
        Statistics.label("status").collect(o.status().label());
        Statistics.label("status").coverage(cov -> {
            cov.check("completed").percentage(p -> p > 70 && p < 95);
            cov.check("cancelled").percentage(p -> p > 5 && p < 30);
        });
    }

    @Example
    void configuringReturnsANewArbitraryAndLeavesTheOriginalAlone() {
        OrderArbitrary euro = Orders.inCurrency("EUR").withoutLines();
        OrderArbitrary dollar = euro.inCurrency("USD").withLines(2, 2);
        assertThat(dollar).isNotSameAs(euro);
        List<Order> euros = euro.sampleStream().limit(100).toList();
        List<Order> dollars = dollar.sampleStream().limit(100).toList();
        assertThat(euros).allSatisfy(o -> {
            assertThat(o.currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(o.lines()).isEmpty();
        });
        assertThat(dollars).allSatisfy(o -> {
            assertThat(o.currency().getCurrencyCode()).isEqualTo("USD");
            assertThat(o.lines()).hasSize(2);
        });
    }

    @Example
    void placementsCoverTheWholeWindowIncludingBothEnds() {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        List<Instant> seen = new ArrayList<>(Orders.placedBetween(from, from.plus(Duration.ofDays(2)))
                .placedAtPrecision(Duration.ofDays(1)).sampleStream().limit(300).map(Order::placedAt).toList());
        assertThat(new HashSet<>(seen)).containsExactlyInAnyOrder(from, from.plus(Duration.ofDays(1)),
                from.plus(Duration.ofDays(2)));
    }

    /** Shrinks greedily: the first candidate that still fails, until none does. */
    private static <T> T shrunk(Arbitrary<T> arbitrary, Predicate<T> failing, long seed) {
        Random random = new Random(seed);
        RandomGenerator<T> generator = arbitrary.generator(1000);
        Shrinkable<T> s = Stream.generate(() -> generator.next(random)).filter(x -> failing.test(x.value())).findFirst()
                .orElseThrow();
        for (int step = 0; step < 5_000; step++) {
            Optional<Shrinkable<T>> next = s.shrink().filter(c -> failing.test(c.value())).findFirst();
            if (next.isEmpty()) {
                break;
            }
            s = next.get();
        }
        return s.value();
    }

    @Example
    void historiesShrinkToTheSimplestCounterexample() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        OrderHistoryArbitrary histories = Orders.inCurrency("USD").placedBetween(from, from.plus(Duration.ofDays(30)))
                .placedAtPrecision(Duration.ofMinutes(1)).fromCustomerPool(10).grossMinorUnitsBetween(0, 100_000)
                .withStatuses(OrderStatus.COMPLETED, OrderStatus.OPEN).histories().ofMaxSize(40);
        for (long seed = 1; seed <= 3; seed++) {
            List<Order> min = shrunk(histories, os -> os.stream().anyMatch(o -> o.grossAmount().toMinorUnits() >= 10_000),
                    seed);
            assertThat(min).hasSize(1);
            Order o = min.get(0);
            assertThat(o.grossAmount().toMinorUnits()).isEqualTo(10_000);
            assertThat(o.placedAt()).isEqualTo(from);
            assertThat(o.customerId().value()).isEqualTo("c0");
            assertThat(o.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(o.lines()).isEmpty();
            assertThat(o.discountAmount().isZero()).isTrue();
            assertThat(o.refundedAmount().isZero()).isTrue();
        }
    }

    @Example
    void badArgumentsAreRejectedNamingTheArgumentAndTheValue() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> Orders.placedBetween(t, t.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("placedBetween: from 2026-01-01T00:00:00Z must not be after to 2025-12-31T23:59:59Z");
        assertThatThrownBy(() -> Orders.placedBetween(null, t)).isInstanceOf(NullPointerException.class)
                .hasMessage("placedBetween: from must not be null");
        assertThatThrownBy(() -> Orders.orders().placedAtPrecision(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("placedAtPrecision: precision must be positive: PT0S");
        assertThatThrownBy(() -> Orders.placedBetween(Instant.MIN, Instant.MAX).placedAtPrecision(Duration.ofNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too fine");
        assertThatThrownBy(() -> Orders.orders().fromCustomerPool(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromCustomerPool: size must be between 1 and 1000000: 0");
        assertThatThrownBy(() -> Orders.orders().fromCustomers(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fromCustomers: ids must not be empty");
        assertThatThrownBy(() -> Orders.orders().fromCustomers(CustomerId.of("a"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromCustomers: ids must not contain null (at index 1)");
        assertThatThrownBy(() -> Orders.orders().grossMinorUnitsBetween(-1, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grossMinorUnitsBetween: min gross must be between 0 and 9223372036854775807: -1");
        assertThatThrownBy(() -> Orders.orders().grossMinorUnitsBetween(6, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("grossMinorUnitsBetween: min gross 6 must not exceed max gross 5");
        assertThatThrownBy(() -> Orders.orders().withLines(0, 101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("withLines: max lines must be between 0 and 100: 101");
        assertThatThrownBy(() -> Orders.orders().discountPercentBetween(0, 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discountPercentBetween: max percent must be between 0 and 100: 101");
        assertThatThrownBy(() -> Orders.orders().refundPercentBetween(50, 40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refundPercentBetween: min percent 50 must not exceed max percent 40");
        assertThatThrownBy(() -> Orders.orders().withStatuses()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("withStatuses: statuses must not be empty");
        assertThatThrownBy(() -> Orders.orders().withStatusWeights(Map.of(OrderStatus.OPEN, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("withStatusWeights: weight of open must be between 1 and 1000: 0");
        assertThatThrownBy(() -> Orders.inCurrency("XYZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inCurrency: code must be an ISO 4217 currency code: 'XYZ'");
        assertThatThrownBy(() -> Orders.orders().histories().ofMaxSize(100_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ofMaxSize: max size must be between 0 and 100000: 100001");
        assertThatThrownBy(() -> Orders.orders().histories().withIdFormat("order"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'order' gives 'order' for 0 and 1");
        assertThatThrownBy(() -> Orders.orders().histories().withIdFormat("%s %s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("withIdFormat: format must take one integer: '%s %s'");
    }
}
