package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the purchase-history bridge: totals are preserved, the result does not depend on
 * how the input is partitioned (the combine is associative), and the two views are consistent.
 */
class PurchaseHistoryProperties {

    private static final Currency USD = Currency.getInstance("USD");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 2, 20);
    private static final OrderStatus REFUNDED_IN_PART = OrderStatus.of("partly refunded", OrderStatusCategory.COMPLETED);

    @Provide
    Arbitrary<List<Order>> orders() {
        Arbitrary<Tuple.Tuple5<Integer, Integer, Integer, Integer, OrderStatusCategory>> row = Combinators.combine(
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 60 * 24 * 60 - 1),
                Arbitraries.integers().between(0, 50_000),
                Arbitraries.integers().between(0, 100),
                Arbitraries.of(OrderStatusCategory.class)).as(Tuple::of);
        return row.list().ofMaxSize(80).map(rows -> {
            List<Order> out = new ArrayList<>();
            for (int k = 0; k < rows.size(); k++) {
                var r = rows.get(k);
                Money gross = Money.ofMinor(r.get3(), USD);
                Money refund = Money.ofMinor(r.get3() * r.get4() / 100, USD);
                OrderStatus status = switch (r.get5()) {
                    case COMPLETED -> r.get4() > 50 ? REFUNDED_IN_PART : OrderStatus.COMPLETED;
                    case OPEN -> OrderStatus.OPEN;
                    case VOID -> OrderStatus.CANCELLED;
                };
                out.add(Order.builder(OrderId.of(String.format("o%03d", k)), CustomerId.of("c" + r.get1()),
                                BASE.plusSeconds(60L * r.get2()), USD)
                        .grossAmount(gross).refundedAmount(refund).status(status).build());
            }
            return out;
        });
    }

    private static PurchaseHistoryOptions options(PurchaseUnit unit, RevenueBasis basis) {
        return PurchaseHistoryOptions.builder(AsOf.endOfDay(LAST_DAY)).zone(SHANGHAI).purchaseUnit(unit)
                .revenueBasis(basis).timeUnit(PeriodUnit.WEEKS).build();
    }

    private static List<Order> byTime(List<Order> orders) {
        List<Order> sorted = new ArrayList<>(orders);
        sorted.sort(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
        return sorted;
    }

    private static PurchaseHistoryAccumulator accumulate(PurchaseHistoryOptions options, List<Order> orders) {
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(options, 4);
        orders.forEach(acc);
        return acc;
    }

    private static boolean counted(Order o, PurchaseHistoryOptions options) {
        return o.status().category() == OrderStatusCategory.COMPLETED && o.placedAt().isBefore(options.cutoff());
    }

    @Property
    void totalsAndCountsArePreserved(@ForAll("orders") List<Order> orders, @ForAll PurchaseUnit unit,
            @ForAll RevenueBasis basis) {
        PurchaseHistoryOptions options = options(unit, basis);
        PurchaseSummaries s = PurchaseHistory.summarize(byTime(orders), options);
        long expectedMinor = orders.stream().filter(o -> counted(o, options))
                .mapToLong(o -> (basis == RevenueBasis.NET ? o.netRevenue() : o.grossAmount()).toMinorUnits()).sum();
        long countedOrders = orders.stream().filter(o -> counted(o, options)).count();
        long revenue = 0;
        long orderCount = 0;
        for (int i = 0; i < s.size(); i++) {
            revenue += s.revenue(i).toMinorUnits();
            orderCount += s.orderCount(i);
        }
        assertThat(revenue).isEqualTo(expectedMinor);
        assertThat(orderCount).isEqualTo(countedOrders).isEqualTo(s.stats().ordersCounted());
        assertThat(s.stats().ordersSeen()).isEqualTo(orders.size());
        assertThat(s.stats().excludedByStatus())
                .isEqualTo(orders.stream().filter(o -> o.status().category() != OrderStatusCategory.COMPLETED).count());
    }

    @Property
    void dayPurchasesAreDistinctCustomerDays(@ForAll("orders") List<Order> orders) {
        PurchaseHistoryOptions options = options(PurchaseUnit.DAY, RevenueBasis.NET);
        PurchaseSummaries s = PurchaseHistory.summarize(byTime(orders), options);
        Set<String> customerDays = new HashSet<>();
        for (Order o : orders) {
            if (counted(o, options)) {
                customerDays.add(o.customerId() + "|" + LocalDate.ofInstant(o.placedAt(), SHANGHAI));
            }
        }
        assertThat(s.stream().mapToLong(CustomerPurchaseSummary::purchases).sum()).isEqualTo(customerDays.size());
    }

    @Property
    void orderUnitDoesNotDependOnInputOrder(@ForAll("orders") List<Order> orders, @ForAll long seed) {
        PurchaseHistoryOptions options = options(PurchaseUnit.ORDER, RevenueBasis.NET);
        List<Order> shuffled = new ArrayList<>(orders);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(PurchaseHistory.summarize(shuffled, options)).isEqualTo(PurchaseHistory.summarize(orders, options));
    }

    @Property
    void orderUnitCombineOfAnyPartitionEqualsOnePass(@ForAll("orders") List<Order> orders,
            @ForAll @IntRange(min = 1, max = 5) int parts, @ForAll long seed) {
        PurchaseHistoryOptions options = options(PurchaseUnit.ORDER, RevenueBasis.GROSS);
        Random random = new Random(seed);
        List<List<Order>> partitions = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            partitions.add(new ArrayList<>());
        }
        orders.forEach(o -> partitions.get(random.nextInt(parts)).add(o));
        PurchaseHistoryAccumulator combined = new PurchaseHistoryAccumulator(options);
        partitions.forEach(p -> combined.combine(accumulate(options, p)));
        assertThat(combined.toSummaries()).isEqualTo(PurchaseHistory.summarize(orders, options));
    }

    @Property
    void dayUnitCombineIsAssociativeOverTimePartitions(@ForAll("orders") List<Order> orders,
            @ForAll @IntRange(min = 0, max = 80) int cut1, @ForAll @IntRange(min = 0, max = 80) int cut2) {
        PurchaseHistoryOptions options = options(PurchaseUnit.DAY, RevenueBasis.NET);
        List<Order> sorted = byTime(orders);
        int i = Math.min(Math.min(cut1, cut2), sorted.size());
        int j = Math.min(Math.max(cut1, cut2), sorted.size());
        List<Order> a = sorted.subList(0, i);
        List<Order> b = sorted.subList(i, j);
        List<Order> c = sorted.subList(j, sorted.size());
        PurchaseSummaries onePass = PurchaseHistory.summarize(sorted, options);
        PurchaseSummaries left = accumulate(options, a).combine(accumulate(options, b))
                .combine(accumulate(options, c)).toSummaries();
        PurchaseSummaries right = accumulate(options, a)
                .combine(accumulate(options, b).combine(accumulate(options, c))).toSummaries();
        PurchaseSummaries reversed = accumulate(options, c).combine(accumulate(options, b))
                .combine(accumulate(options, a)).toSummaries();
        assertThat(left).isEqualTo(onePass);
        assertThat(right).isEqualTo(onePass);
        assertThat(reversed).isEqualTo(onePass);
    }

    @Property
    void dayUnitCombineOverCustomerPartitionsEqualsOnePass(@ForAll("orders") List<Order> orders) {
        PurchaseHistoryOptions options = options(PurchaseUnit.DAY, RevenueBasis.NET);
        List<Order> sorted = byTime(orders);
        PurchaseHistoryAccumulator even = accumulate(options,
                sorted.stream().filter(o -> o.customerId().value().hashCode() % 2 == 0).toList());
        PurchaseHistoryAccumulator odd = accumulate(options,
                sorted.stream().filter(o -> o.customerId().value().hashCode() % 2 != 0).toList());
        assertThat(odd.combine(even).toSummaries()).isEqualTo(PurchaseHistory.summarize(sorted, options));
    }

    @Property
    void feedingPartsEqualsFeedingOrders(@ForAll("orders") List<Order> orders, @ForAll PurchaseUnit unit,
            @ForAll RevenueBasis basis) {
        PurchaseHistoryOptions options = options(unit, basis);
        PurchaseHistoryAccumulator parts = new PurchaseHistoryAccumulator(options);
        for (Order o : byTime(orders)) {
            long value = (basis == RevenueBasis.NET ? o.netRevenue() : o.grossAmount()).toMinorUnits();
            parts.accept(o.customerId(), o.id(), o.placedAt(), o.status().category(), value, o.currency());
        }
        assertThat(parts.toSummaries()).isEqualTo(PurchaseHistory.summarize(byTime(orders), options));
    }

    @Property
    void parallelCollectorEqualsSequential(@ForAll("orders") List<Order> orders, @ForAll PurchaseUnit unit) {
        PurchaseHistoryOptions options = options(unit, RevenueBasis.NET);
        List<Order> sorted = byTime(orders);
        assertThat(sorted.parallelStream().collect(PurchaseHistory.collector(options)))
                .isEqualTo(PurchaseHistory.summarize(sorted, options));
    }

    @Property
    void viewsAreConsistent(@ForAll("orders") List<Order> orders, @ForAll PurchaseUnit unit) {
        PurchaseSummaries s = PurchaseHistory.summarize(byTime(orders), options(unit, RevenueBasis.NET));
        BtydView btyd = s.btyd();
        RfmView rfm = s.rfm();
        for (int i = 0; i < s.size(); i++) {
            assertThat(btyd.x(i)).isEqualTo(s.purchaseCount(i) - 1).isGreaterThanOrEqualTo(0);
            assertThat(btyd.tx(i)).isBetween(0.0, btyd.bigT(i));
            assertThat(btyd.meanRepeatValue(i)).isGreaterThanOrEqualTo(0.0);
            assertThat(rfm.recencyDays(i)).isGreaterThanOrEqualTo(0.0)
                    .isCloseTo(PeriodUnit.WEEKS.convert(btyd.bigT(i) - btyd.tx(i), PeriodUnit.DAYS),
                            org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s.recencyDays(i)).isEqualTo(rfm.recencyDays(i));
            assertThat(s.revenueMinorUnits(i)).isEqualTo(s.revenue(i).toMinorUnits())
                    .isEqualTo(Math.round(rfm.monetarySum(i) * Math.pow(10,
                            s.currency().orElseThrow().getDefaultFractionDigits())));
            assertThat(rfm.monetarySum(i)).isCloseTo(rfm.monetaryMean(i) * rfm.frequency(i),
                    org.assertj.core.data.Offset.offset(1e-6));
            if (btyd.x(i) > 0) {
                double repeatTotal = s.revenue(i).minus(s.firstPurchaseValue(i)).amount().doubleValue();
                assertThat(btyd.meanRepeatValue(i) * btyd.x(i)).isCloseTo(repeatTotal,
                        org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }
}
