package io.crmkit.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.SalesChannel;
import io.crmkit.testkit.Orders;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one-pass KPIs against a brute-force recount, and their identities. */
class OrderKpisProperties {

    private static final ZoneId ZONE = ZoneOffset.ofHours(8);
    private static final Instant BASE = Instant.parse("2025-10-01T00:00:00Z");

    @Provide
    Arbitrary<List<Order>> orders() {
        // completed CNY orders without lines or adjustments, as Order.of makes them: 16 customers,
        // whole hours over 300 days, 0 to 200.00 CNY; numbered o0, o1... then sorted by time
        return Orders.inCurrency("CNY").placedBetween(BASE, BASE.plus(Duration.ofHours(300 * 24)))
                .placedAtPrecision(Duration.ofHours(1)).fromCustomerPool(16).grossMinorUnitsBetween(0, 20_000)
                .withoutLines().withoutAdjustments().withStatuses(OrderStatus.COMPLETED).inChannels(SalesChannel.UNKNOWN)
                .withoutCampaigns().histories().ofMaxSize(120).withIdFormat("o%d").sortedByPlacement();
    }

    static OrderKpiOptions options(ReportingPeriod period, int window) {
        PeriodGrid grid = PeriodGrid.covering(period, ZONE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 20));
        return OrderKpiOptions.of(grid, window);
    }

    @Property
    void aBatchGivesTheSameReportAsTheOrders(@ForAll("orders") List<Order> orders,
            @ForAll("periods") ReportingPeriod period, @ForAll long seed) {
        OrderKpiOptions options = options(period, period == ReportingPeriod.WEEK ? 30
                : period == ReportingPeriod.MONTH ? 45 : 100);
        OrderKpiReport expected = OrderKpis.compute(orders, options);
        // any row order: the batch path takes each customer's rows in time order itself
        List<Order> shuffled = new ArrayList<>(orders);
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        OrderKpiReport actual = OrderKpis.compute(
                io.crmkit.core.history.OrderBatch.of(java.util.Currency.getInstance("CNY"), shuffled), options);
        assertThat(actual.periods()).isEqualTo(expected.periods());
        assertThat(List.of(actual.ordersSeen(), actual.ordersCounted(), actual.excludedByStatus(),
                actual.excludedAfterGrid())).isEqualTo(List.of(expected.ordersSeen(), expected.ordersCounted(),
                        expected.excludedByStatus(), expected.excludedAfterGrid()));
        CohortMatrix a = actual.cohorts();
        CohortMatrix e = expected.cohorts();
        assertThat(a.cohorts()).isEqualTo(e.cohorts());
        for (int c = 0; c < e.cohorts(); c++) {
            for (int k = 0; k < e.columns(c); k++) {
                assertThat(a.count(c, k)).as("cohort %d, period +%d", c, k).isEqualTo(e.count(c, k));
            }
        }
    }

    @Property
    void partitionsByCustomerCombineIntoTheWhole(@ForAll("orders") List<Order> orders,
            @ForAll("periods") ReportingPeriod period, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 4)
            int parts, @ForAll boolean asBatches, @ForAll boolean shipped,
            @ForAll io.crmkit.core.history.PurchaseUnit unit) {
        OrderKpiOptions options = options(period, period == ReportingPeriod.WEEK ? 30
                : period == ReportingPeriod.MONTH ? 45 : 100).toBuilder().purchaseUnit(unit).build();
        OrderKpiReport whole = OrderKpis.compute(orders, options);
        // customers dealt to partitions by their number; each partition fed in time order or as a
        // batch, and shipped in its byte form to a fresh accumulator when asked
        List<List<Order>> partitions = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            partitions.add(new ArrayList<>());
        }
        for (Order o : orders) {
            partitions.get(Integer.parseInt(o.customerId().value().substring(1)) % parts).add(o);
        }
        OrderKpis.Accumulator combined = null;
        for (List<Order> part : partitions) {
            OrderKpis.Accumulator acc = OrderKpis.accumulator(options);
            if (asBatches) {
                acc.acceptAll(io.crmkit.core.history.OrderBatch.of(java.util.Currency.getInstance("CNY"), part));
            } else {
                part.forEach(acc::accept);
            }
            if (shipped) {
                byte[] bytes = acc.asBytes();
                acc = OrderKpis.accumulator(options).combine(bytes);
                assertThat(acc.asBytes()).isEqualTo(bytes);
            }
            combined = combined == null ? acc : combined.combine(acc);
        }
        OrderKpiReport actual = combined.report();
        assertThat(actual.periods()).isEqualTo(whole.periods());
        assertThat(actual.ordersCounted()).isEqualTo(whole.ordersCounted());
        for (int c = 0; c < whole.cohorts().cohorts(); c++) {
            for (int k = 0; k < whole.cohorts().columns(c); k++) {
                assertThat(actual.cohorts().count(c, k)).isEqualTo(whole.cohorts().count(c, k));
            }
        }
    }

    @net.jqwik.api.Example
    void aCustomerInTwoPartitionsCannotBeCombined() {
        OrderKpiOptions options = options(ReportingPeriod.MONTH, 45);
        Order a = Order.of(OrderId.of("a"), CustomerId.of("c1"), BASE.plus(Duration.ofDays(3)),
                Money.ofMinor(100, java.util.Currency.getInstance("CNY")));
        Order b = Order.of(OrderId.of("b"), CustomerId.of("c1"), BASE.plus(Duration.ofDays(40)),
                Money.ofMinor(100, java.util.Currency.getInstance("CNY")));
        OrderKpis.Accumulator first = OrderKpis.accumulator(options);
        first.accept(a);
        OrderKpis.Accumulator second = OrderKpis.accumulator(options);
        second.accept(b);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.combine(second))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is in both accumulators");
    }

    @Property
    void activeRetainedAndNewMatchABruteForceRecount(@ForAll("orders") List<Order> orders,
            @ForAll("periods") ReportingPeriod period) {
        int window = period == ReportingPeriod.WEEK ? 30 : period == ReportingPeriod.MONTH ? 45 : 100;
        OrderKpiOptions options = options(period, window);
        OrderKpiReport report = OrderKpis.compute(orders, options);
        PeriodGrid grid = options.grid();
        Map<CustomerId, Instant> first = new HashMap<>();
        for (Order o : orders) {
            first.putIfAbsent(o.customerId(), o.placedAt());
        }
        for (int p = 0; p < grid.size(); p++) {
            Set<CustomerId> atStart = activeAt(orders, grid.start(p), window);
            Set<CustomerId> atEnd = activeAt(orders, grid.start(p + 1), window);
            Set<CustomerId> both = new HashSet<>(atStart);
            both.retainAll(atEnd);
            Instant s = grid.start(p);
            Instant e = grid.start(p + 1);
            long newCount = first.values().stream().filter(t -> !t.isBefore(s) && t.isBefore(e)).count();
            Set<CustomerId> buyers = new HashSet<>();
            orders.stream().filter(o -> !o.placedAt().isBefore(s) && o.placedAt().isBefore(e))
                    .forEach(o -> buyers.add(o.customerId()));
            PeriodOrderKpis k = report.periods().get(p);
            assertThat(k.activeAtStart()).as("S of %s", k.label()).isEqualTo(atStart.size());
            assertThat(k.activeAtEnd()).as("E of %s", k.label()).isEqualTo(atEnd.size());
            assertThat(k.retained()).as("retained of %s", k.label()).isEqualTo(both.size());
            assertThat(k.newCustomers()).isEqualTo(newCount);
            assertThat(k.buyers()).isEqualTo(buyers.size());
            k.retentionRate().ifPresent(r -> assertThat(r + k.churnRate().getAsDouble()).isCloseTo(1.0, within(1e-12)));
            assertThat(k.retentionRate().isPresent()).isEqualTo(k.activeAtStart() > 0);
        }
    }

    @Provide
    Arbitrary<ReportingPeriod> periods() {
        return Arbitraries.of(ReportingPeriod.WEEK, ReportingPeriod.MONTH, ReportingPeriod.QUARTER);
    }

    private static Set<CustomerId> activeAt(List<Order> orders, Instant b, int windowDays) {
        Instant from = b.minus(Duration.ofDays(windowDays));
        Set<CustomerId> active = new HashSet<>();
        for (Order o : orders) {
            if (!o.placedAt().isBefore(from) && o.placedAt().isBefore(b)) {
                active.add(o.customerId());
            }
        }
        return active;
    }

    @Property
    void totalsAndCohortsAddUp(@ForAll("orders") List<Order> orders) {
        OrderKpiOptions options = options(ReportingPeriod.MONTH, 60);
        OrderKpiReport report = OrderKpis.compute(orders, options);
        PeriodGrid grid = options.grid();
        long inGrid = orders.stream().filter(o -> grid.range().contains(o.placedAt())).count();
        assertThat(report.periods().stream().mapToLong(PeriodOrderKpis::orders).sum()).isEqualTo(inGrid);
        long revenue = orders.stream().filter(o -> grid.range().contains(o.placedAt()))
                .mapToLong(o -> o.netRevenue().toMinorUnits()).sum();
        assertThat(report.periods().stream().mapToLong(k -> k.revenue().toMinorUnits()).sum()).isEqualTo(revenue);
        long newCustomers = report.periods().stream().mapToLong(PeriodOrderKpis::newCustomers).sum();
        CohortMatrix m = report.cohorts();
        assertThat(m.customers()).isEqualTo(newCustomers);
        for (int c = 0; c < m.cohorts(); c++) {
            assertThat(m.size(c)).isEqualTo(report.periods().get(c).newCustomers());
            for (int k = 0; k < m.columns(c); k++) {
                assertThat(m.count(c, k)).isBetween(0L, m.size(c));
                assertThat(m.count(c, k)).isLessThanOrEqualTo(report.periods().get(c + k).buyers());
            }
        }
        assertThat(report.ordersSeen()).isEqualTo(orders.size());
    }

    @Property
    void theDayUnitCountsWhatTheOrderUnitCountsOnOrdersMergedByDay(@ForAll("orders") List<Order> orders,
            @ForAll("periods") ReportingPeriod period, @ForAll boolean asBatch) {
        int window = period == ReportingPeriod.WEEK ? 30 : period == ReportingPeriod.MONTH ? 45 : 100;
        OrderKpiOptions byOrder = options(period, window);
        OrderKpiOptions byDay = byOrder.toBuilder().purchaseUnit(io.crmkit.core.history.PurchaseUnit.DAY).build();
        // the same purchases by hand: a customer's orders of one calendar day (in the grid's zone) as
        // one order at the first one's instant, worth their sum
        Map<String, Order> merged = new java.util.LinkedHashMap<>();
        for (Order o : orders) {
            String key = o.customerId().value() + "/" + LocalDate.ofInstant(o.placedAt(), ZONE);
            merged.merge(key, o, (a, b) -> Order.of(a.id(), a.customerId(), a.placedAt(),
                    a.grossAmount().plus(b.grossAmount())));
        }
        OrderKpiReport expected = OrderKpis.compute(new ArrayList<>(merged.values()), byOrder);
        OrderKpiReport actual = asBatch
                ? OrderKpis.compute(io.crmkit.core.history.OrderBatch.of(java.util.Currency.getInstance("CNY"), orders),
                        byDay)
                : OrderKpis.compute(orders, byDay);
        assertThat(actual.periods()).isEqualTo(expected.periods());
        assertThat(actual.ordersCounted()).isEqualTo(OrderKpis.compute(orders, byOrder).ordersCounted());
        for (int c = 0; c < expected.cohorts().cohorts(); c++) {
            for (int k = 0; k < expected.cohorts().columns(c); k++) {
                assertThat(actual.cohorts().count(c, k)).isEqualTo(expected.cohorts().count(c, k));
            }
        }
    }

    @net.jqwik.api.Example
    void twoOrdersOnOneDayAreOnePurchaseUnderTheDayUnit() {
        java.util.Currency cny = java.util.Currency.getInstance("CNY");
        CustomerId c = CustomerId.of("c1");
        // 2026-02-03 in UTC+8: 09:00 and 23:00 local are one day; 2026-02-04 00:30 local is the next
        List<Order> orders = List.of(
                Order.of(OrderId.of("a"), c, Instant.parse("2026-02-03T01:00:00Z"), Money.ofMinor(1_000, cny)),
                Order.of(OrderId.of("b"), c, Instant.parse("2026-02-03T15:00:00Z"), Money.ofMinor(2_000, cny)),
                Order.of(OrderId.of("c"), c, Instant.parse("2026-02-03T16:30:00Z"), Money.ofMinor(4_000, cny)));
        OrderKpiOptions byOrder = options(ReportingPeriod.MONTH, 45);
        OrderKpiOptions byDay = byOrder.toBuilder().purchaseUnit(io.crmkit.core.history.PurchaseUnit.DAY).build();
        PeriodOrderKpis feb = OrderKpis.compute(orders, byDay).periods().get(1);
        assertThat(feb.label()).isEqualTo("2026-02");
        assertThat(feb.orders()).isEqualTo(2);
        assertThat(feb.multiPurchaseBuyers()).isEqualTo(1);
        assertThat(feb.revenue()).isEqualTo(Money.ofMinor(7_000, cny));
        PeriodOrderKpis febByOrder = OrderKpis.compute(orders, byOrder).periods().get(1);
        assertThat(febByOrder.orders()).isEqualTo(3);
        assertThat(OrderKpis.compute(orders.subList(0, 2), byDay).periods().get(1).multiPurchaseBuyers()).isZero();
        assertThat(byDay.describe()).contains("purchase = DAY");
        assertThatThrownBy(() -> OrderKpis.accumulator(byOrder).combineTallies(
                OrderKpis.accumulator(byDay).talliesAsBytes())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purchase unit DAY");
    }

    @Property(tries = 30)
    void aDamagedKpiStateIsRefusedByNameAndChangesNothing(@ForAll("orders") List<Order> orders) {
        OrderKpiOptions options = options(ReportingPeriod.MONTH, 45);
        OrderKpis.Accumulator acc = OrderKpis.accumulator(options);
        orders.forEach(acc::accept);
        byte[] bytes = acc.asBytes();
        for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 40)) {
            byte[] cut = java.util.Arrays.copyOf(bytes, length);
            OrderKpis.Accumulator target = OrderKpis.accumulator(options);
            byte[] before = target.asBytes();
            assertThatThrownBy(() -> target.combine(cut)).isInstanceOf(IllegalArgumentException.class)
                    .message().matches("(state|tallies): .*");
            assertThat(target.asBytes()).isEqualTo(before);
        }
        // a customer already seen cannot come in again
        if (!orders.isEmpty()) {
            assertThatThrownBy(() -> acc.combine(bytes)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is in both accumulators");
        }
    }
}
