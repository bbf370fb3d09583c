package io.crmkit.core.history;

import io.crmkit.core.internal.LocalDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The columnar path ({@link OrderBatch} summarised by {@link PurchaseHistory#summarize(OrderBatch,
 * PurchaseHistoryOptions)}) agrees with the object path ({@link PurchaseHistoryAccumulator}) on
 * random orders for random options: unit, revenue basis, counted categories, day and exact clocks,
 * zones with and without daylight saving, required currencies; and it does not depend on row order.
 */
class OrderBatchProperties {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    /** A Sunday before the 2026 daylight-saving changes of New York (March 8) and Lord Howe (April 5). */
    private static final Instant BASE = Instant.parse("2026-02-22T00:00:00Z");
    private static final List<CustomerId> CUSTOMERS = List.of("c", "c1", "c10", "c2", "C2", "b", "é", "ü-9", "中",
            "c1-0", "customer-000000017", "customer-000000003", "z").stream().map(CustomerId::of).toList();
    private static final List<ZoneId> ZONES = List.of("UTC", "Asia/Shanghai", "America/New_York",
            "Australia/Lord_Howe", "Asia/Kathmandu", "-03:30").stream().map(ZoneId::of).toList();
    private static final long[] SECONDS_OF_DAY = {0, 1, 3_600, 7_200, 43_200, 82_800, 84_600, 86_399};
    private static final long[] MICROS = {0, 1, 999_999, 500_000};

    record Row(int customer, int day, int secondOfDay, int micros, int category, int gross, int discountPct,
            int refundPct) {
    }

    @Provide
    Arbitrary<List<Order>> orders() {
        Arbitrary<Row> row = Combinators.combine(
                Arbitraries.integers().between(0, CUSTOMERS.size() - 1),
                Arbitraries.integers().between(0, 70),
                Arbitraries.integers().between(0, SECONDS_OF_DAY.length - 1),
                Arbitraries.integers().between(0, MICROS.length - 1),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 50_000),
                Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 60)).as(Row::new);
        return Combinators.combine(row.list().ofMaxSize(60), Arbitraries.longs()).as((rows, seed) -> {
            List<Integer> ids = new ArrayList<>();
            for (int k = 0; k < rows.size(); k++) {
                ids.add(k);
            }
            // order identifiers in another order than the rows, so that ties test the identifier rule
            Collections.shuffle(ids, new Random(seed));
            List<Order> out = new ArrayList<>();
            for (int k = 0; k < rows.size(); k++) {
                Row r = rows.get(k);
                Instant at = BASE.plusSeconds(86_400L * r.day() + SECONDS_OF_DAY[r.secondOfDay()])
                        .plusNanos(1_000L * MICROS[r.micros()]);
                long discount = r.gross() * (r.discountPct() > 40 ? r.discountPct() - 40 : 0) / 100;
                long refund = r.refundPct() > 40 ? (r.gross() - discount) * (r.refundPct() - 40) / 100 : 0;
                OrderStatus status = switch (r.category()) {
                    case 0 -> OrderStatus.COMPLETED;
                    case 1 -> OrderStatus.OPEN;
                    default -> OrderStatus.CANCELLED;
                };
                out.add(Order.builder(OrderId.of(String.format("o%03d", ids.get(k))), CUSTOMERS.get(r.customer()),
                        at, USD).grossAmount(Money.ofMinor(r.gross(), USD))
                        .discountAmount(Money.ofMinor(discount, USD)).refundedAmount(Money.ofMinor(refund, USD))
                        .status(status).build());
            }
            return out;
        });
    }

    @Provide
    Arbitrary<PurchaseHistoryOptions> options() {
        Arbitrary<AsOf> asOf = Arbitraries.oneOf(
                Arbitraries.integers().between(-1, 72).map(d -> AsOf.endOfDay(LocalDate.of(2026, 2, 22).plusDays(d))),
                Combinators.combine(Arbitraries.integers().between(0, 72 * 24), Arbitraries.of(0L, 1L, 999_999L))
                        .as((h, us) -> AsOf.instant(BASE.plusSeconds(3_600L * h).plusNanos(1_000L * us))));
        Arbitrary<EnumSet<OrderStatusCategory>> categories = Arbitraries.subsetOf(OrderStatusCategory.values())
                .ofMinSize(1).map(EnumSet::copyOf);
        Arbitrary<Integer> currency = Arbitraries.integers().between(0, 5);
        return Combinators.combine(asOf, Arbitraries.of(ZONES), Arbitraries.of(PurchaseUnit.class),
                Arbitraries.of(RevenueBasis.class), categories, currency).as((a, zone, unit, basis, cats, cur) -> {
                    PurchaseHistoryOptions.Builder b = PurchaseHistoryOptions.builder(a).zone(zone).purchaseUnit(unit)
                            .revenueBasis(basis).timeUnit(PeriodUnit.WEEKS);
                    OrderStatusCategory[] more = cats.stream().skip(1).toArray(OrderStatusCategory[]::new);
                    b.countedCategories(cats.iterator().next(), more);
                    if (cur == 1) {
                        b.currency(USD);
                    } else if (cur == 2) {
                        b.currency(EUR);
                    }
                    return b.build();
                });
    }

    private static List<Order> byTime(List<Order> orders) {
        List<Order> sorted = new ArrayList<>(orders);
        sorted.sort(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
        return sorted;
    }

    /** Runs both paths: equal summaries, or the same kind of exception. */
    private static void assertSameOutcome(Supplier<PurchaseSummaries> objects, Supplier<PurchaseSummaries> columns) {
        PurchaseSummaries expected = null;
        RuntimeException expectedError = null;
        try {
            expected = objects.get();
        } catch (RuntimeException e) {
            expectedError = e;
        }
        if (expectedError == null) {
            PurchaseSummaries actual = columns.get();
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.rfm().recencyDays()).isEqualTo(expected.rfm().recencyDays());
            assertThat(actual.btyd().meanRepeatValue()).isEqualTo(expected.btyd().meanRepeatValue());
        } else {
            assertThat(catchThrowable(columns::get)).isInstanceOf(expectedError.getClass());
        }
    }

    @Property
    void columnarPathEqualsObjectPath(@ForAll("orders") List<Order> orders,
            @ForAll("options") PurchaseHistoryOptions options, @ForAll long seed) {
        List<Order> shuffled = new ArrayList<>(orders);
        Collections.shuffle(shuffled, new Random(seed));
        // the object path needs time order per customer for DAY; the batch takes any row order
        assertSameOutcome(() -> PurchaseHistory.summarize(byTime(orders), options),
                () -> PurchaseHistory.summarize(OrderBatch.of(USD, shuffled), options));
    }

    @Property
    void rowsInRunsOfOneCustomerEqualTheObjectPath(@ForAll("orders") List<Order> orders,
            @ForAll("options") PurchaseHistoryOptions options, @ForAll long seed,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 3) int blocks) {
        // rows grouped by customer, as frames sorted by customer hold them, each customer's rows out
        // of time order and spread over up to `blocks` runs
        Random random = new Random(seed);
        List<Order> shuffled = new ArrayList<>(orders);
        Collections.shuffle(shuffled, random);
        java.util.Map<Order, Integer> block = new java.util.IdentityHashMap<>();
        shuffled.forEach(o -> block.put(o, random.nextInt(blocks)));
        shuffled.sort(Comparator.<Order>comparingInt(block::get).thenComparing(Order::customerId));
        assertSameOutcome(() -> PurchaseHistory.summarize(byTime(orders), options),
                () -> PurchaseHistory.summarize(OrderBatch.of(USD, shuffled), options));
    }

    @Property
    void blockPartitionedPassEqualsTheObjectPath(@ForAll("orders") List<Order> orders,
            @ForAll("options") PurchaseHistoryOptions options, @ForAll long seed,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 9) int chunkRows,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int blockBits, @ForAll boolean halves) {
        // the pass for rows in time order over many customers, forced on small data: rows regrouped
        // by block of customers chunk by chunk, ties still broken by batch row or order id; with
        // halves, the two halves of the blocks side by side (two threads on a machine of two cores)
        List<Order> shuffled = new ArrayList<>(orders);
        Collections.shuffle(shuffled, new Random(seed));
        BatchSummarizer.Layout layout = new BatchSummarizer.Layout(java.util.Optional.of(true), chunkRows,
                blockBits, halves ? 0 : Integer.MAX_VALUE);
        assertSameOutcome(() -> PurchaseHistory.summarize(byTime(orders), options),
                () -> new BatchSummarizer(OrderBatch.of(USD, shuffled), options, layout).summarize());
        if (catchThrowable(() -> PurchaseHistory.summarize(byTime(orders), options)) == null) {
            assertThat(new BatchSummarizer(OrderBatch.of(USD, shuffled), options, layout).summarize().stats())
                    .isEqualTo(PurchaseHistory.summarize(byTime(orders), options).stats());
        }
    }

    @Property
    void withoutOrderIdsRowOrderBreaksTies(@ForAll("orders") List<Order> orders,
            @ForAll("options") PurchaseHistoryOptions options) {
        // rows in identifier order: row order then breaks ties (same tick: same microsecond, or same
        // day on the day clock) as identifiers do
        List<Order> byId = new ArrayList<>(orders);
        byId.sort(Comparator.comparing(Order::id));
        OrderBatch.Builder b = OrderBatch.builder(USD);
        for (Order o : byId) {
            b.add(b.customer(o.customerId()), LocalDays.micros(o.placedAt()), o.status().category(),
                    o.grossAmount().toMinorUnits(), o.netRevenue().toMinorUnits());
        }
        OrderBatch batch = b.build();
        assertThat(batch.hasOrderIds()).isFalse();
        assertSameOutcome(() -> PurchaseHistory.summarize(byTime(orders), options),
                () -> PurchaseHistory.summarize(batch, options));
    }

    @Property
    void customerDictionaryIsSortedAndRowsKeepTheirCustomer(@ForAll("orders") List<Order> orders) {
        OrderBatch batch = OrderBatch.of(USD, orders);
        assertThat(batch.rowCount()).isEqualTo(orders.size());
        for (int c = 1; c < batch.customerCount(); c++) {
            assertThat(batch.customerId(c - 1)).isLessThan(batch.customerId(c));
        }
        for (int r = 0; r < orders.size(); r++) {
            Order o = orders.get(r);
            assertThat(batch.customerId(batch.customerIndex(r))).isEqualTo(o.customerId());
            assertThat(batch.orderId(r)).contains(o.id());
            assertThat(batch.placedAtMicros(r)).isEqualTo(LocalDays.micros(o.placedAt()));
            assertThat(batch.category(r)).isEqualTo(o.status().category());
            assertThat(batch.grossMinor(r)).isEqualTo(o.grossAmount().toMinorUnits());
            assertThat(batch.netMinor(r)).isEqualTo(o.netRevenue().toMinorUnits());
        }
    }

    @Property
    void orderUnitBatchesOfAnyPartitionCombineToOnePass(@ForAll("orders") List<Order> orders,
            @ForAll("options") PurchaseHistoryOptions options, @ForAll @IntRange(min = 1, max = 4) int parts,
            @ForAll long seed) {
        PurchaseHistoryOptions orderUnit = withUnit(options, PurchaseUnit.ORDER);
        Random random = new Random(seed);
        List<List<Order>> partitions = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            partitions.add(new ArrayList<>());
        }
        orders.forEach(o -> partitions.get(random.nextInt(parts)).add(o));
        assertSameOutcome(() -> PurchaseHistory.summarize(orders, orderUnit), () -> {
            PurchaseHistoryAccumulator all = new PurchaseHistoryAccumulator(orderUnit);
            for (int p = 0; p < parts; p++) {
                PurchaseHistoryAccumulator part = new PurchaseHistoryAccumulator(orderUnit);
                if (p == 0) {
                    partitions.get(p).forEach(part);
                } else {
                    part.acceptAll(OrderBatch.of(USD, partitions.get(p)));
                }
                all.combine(part);
            }
            return all.toSummaries();
        });
    }

    @Property
    void dayUnitBatchesOfTimePartitionsCombineToOnePass(@ForAll("orders") List<Order> orders,
            @ForAll("options") PurchaseHistoryOptions options, @ForAll @IntRange(min = 0, max = 60) int cut1,
            @ForAll @IntRange(min = 0, max = 60) int cut2, @ForAll long seed) {
        PurchaseHistoryOptions dayUnit = withUnit(options, PurchaseUnit.DAY);
        List<Order> sorted = byTime(orders);
        int i = Math.min(Math.min(cut1, cut2), sorted.size());
        int j = Math.min(Math.max(cut1, cut2), sorted.size());
        // rows within each batch in any order; the partitions are disjoint time ranges
        List<OrderBatch> batches = List.of(sorted.subList(0, i), sorted.subList(i, j), sorted.subList(j, sorted.size()))
                .stream().map(part -> {
                    List<Order> shuffled = new ArrayList<>(part);
                    Collections.shuffle(shuffled, new Random(seed));
                    return OrderBatch.of(USD, shuffled);
                }).toList();
        assertSameOutcome(() -> PurchaseHistory.summarize(sorted, dayUnit), () -> {
            PurchaseHistoryAccumulator right = new PurchaseHistoryAccumulator(dayUnit).acceptAll(batches.get(2));
            PurchaseHistoryAccumulator middle = new PurchaseHistoryAccumulator(dayUnit).acceptAll(batches.get(1));
            return new PurchaseHistoryAccumulator(dayUnit).acceptAll(batches.get(0)).combine(middle.combine(right))
                    .toSummaries();
        });
    }

    private static PurchaseHistoryOptions withUnit(PurchaseHistoryOptions o, PurchaseUnit unit) {
        return new PurchaseHistoryOptions(o.asOf(), o.purchase().withPurchaseUnit(unit), o.timeUnit());
    }
}
