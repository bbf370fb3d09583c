package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rows from a source: returns, source tags, order keys and their ranks, paged growth. */
class OrderBatchSourcedTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final OrderStatusCategory DONE = OrderStatusCategory.COMPLETED;
    private static final Instant DAY1 = Instant.parse("2026-01-01T10:00:00Z");

    private static long day(int n) {
        return LocalDays.micros(DAY1.plusSeconds(86_400L * (n - 1)));
    }

    private static PurchaseHistoryOptions options(RevenueBasis basis) {
        return PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 31))).revenueBasis(basis).build();
    }

    @Test
    void aReturnLowersNetRevenueAndIsNeverAPurchase() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        int alice = b.customer(CustomerId.of("alice"));
        int bob = b.customer(CustomerId.of("bob"));
        b.addSourced(alice, day(4), DONE, -3_000, -1, 5); // a return before her purchases in the file
        b.addSourced(alice, day(1), DONE, 10_000, -1, 2);
        b.addSourced(alice, day(3), DONE, 5_000, -1, 3);
        b.addSourced(bob, day(2), DONE, -2_000, -1, 4); // bob only returned something
        OrderBatch batch = b.build();

        assertThat(batch.returnCount()).isEqualTo(2);
        assertThat(batch.isReturn(0)).isTrue();
        assertThat(batch.grossMinor(0)).isZero();
        assertThat(batch.netMinor(0)).isEqualTo(-3_000);
        assertThat(batch.sourceTag(3)).hasValue(4);

        PurchaseSummaries net = PurchaseHistory.summarize(batch, options(RevenueBasis.NET));
        assertThat(net.size()).isEqualTo(1);
        assertThat(net.customerId(0).value()).isEqualTo("alice");
        assertThat(net.revenueMinorUnits(0)).isEqualTo(12_000);
        assertThat(net.purchaseCount(0)).isEqualTo(2);
        assertThat(net.lastPurchaseAt(0)).isEqualTo(Instant.parse("2026-01-03T00:00:00Z"));
        assertThat(net.stats()).isEqualTo(new PurchaseHistoryStats(4, 2, 0, 0, 2));

        PurchaseSummaries gross = PurchaseHistory.summarize(batch, options(RevenueBasis.GROSS));
        assertThat(gross.revenueMinorUnits(0)).isEqualTo(15_000);
        assertThat(gross.stats().returnsCounted()).isEqualTo(2);
    }

    @Test
    void costsGiveMarginOnTheRevenueBasis() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        int alice = b.customer(CustomerId.of("alice"));
        b.addSourced(alice, day(1), DONE, 10_000, 6_000, -1, 2);
        int second = b.addSourced(alice, day(3), DONE, 3_000, 1_500, -1, 3);
        b.addToRow(second, 2_000, 500); // a later line of the same order: 50.00 sold for 20.00 of goods
        b.addSourced(alice, day(4), DONE, -3_000, -1_800, -1, 5); // a return: goods back
        b.addSourced(alice, day(5), OrderStatusCategory.VOID, 9_000, 9_000, -1, 6); // not counted
        assertThatThrownBy(() -> b.addSourced(alice, day(6), DONE, 1, -1, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every row must have a cost");
        OrderBatch batch = b.build();
        assertThat(batch.hasCosts()).isTrue();
        assertThat(batch.costMinor(1)).hasValue(2_000);

        PurchaseSummaries net = PurchaseHistory.summarize(batch, options(RevenueBasis.NET));
        assertThat(net.hasMargin()).isTrue();
        assertThat(net.margin(0)).hasValue(Money.ofMinor(12_000 - 6_200, USD));
        PurchaseSummaries gross = PurchaseHistory.summarize(batch, options(RevenueBasis.GROSS));
        assertThat(gross.margin(0)).hasValue(Money.ofMinor(15_000 - 8_000, USD));
        // the block-partitioned pass gives the same margin
        PurchaseSummaries partitioned = new BatchSummarizer(batch, options(RevenueBasis.NET),
                new BatchSummarizer.Layout(java.util.Optional.of(true), 2, 1)).summarize();
        assertThat(partitioned).isEqualTo(net);

        OrderBatch.Builder noCost = OrderBatch.builder(USD);
        noCost.addSourced(noCost.customer(CustomerId.of("bob")), day(1), DONE, 100, -1, 2);
        assertThatThrownBy(() -> noCost.addSourced(0, day(2), DONE, 100, 50, -1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earlier rows have none");
        PurchaseSummaries without = PurchaseHistory.summarize(noCost.build(), options(RevenueBasis.NET));
        assertThat(without.hasMargin()).isFalse();
        assertThat(without.margin(0)).isEmpty();
    }

    @Test
    void anAccumulatorRefusesABatchWithReturns() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        int alice = b.customer(CustomerId.of("alice"));
        b.add(alice, OrderId.of("r1"), day(1), DONE, 0, -100);
        OrderBatch batch = b.build();
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 31)))
                        .purchaseUnit(PurchaseUnit.DAY).build());
        assertThatThrownBy(() -> acc.acceptAll(batch)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the batch has 1 returns");
    }

    @Test
    void furtherLinesAddToTheirRowAndRanksBreakSameInstantTies() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        int alice = b.customer(CustomerId.of("alice"));
        int first = b.addSourced(alice, day(1), DONE, 10_000, 0, 2);
        int second = b.addSourced(alice, day(1), DONE, 20_000, 1, 3);
        b.addSourced(alice, day(2), DONE, 1_000, 2, 4);
        b.addToRow(first, 20_000); // a later line of the first order: 300.00 in all
        assertThatThrownBy(() -> b.addToRow(second, Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
        assertThat(b.customerHandle(first)).isEqualTo(alice);
        // key 1's identifier sorts first
        b.rankOrderKeys(new int[] {1, 0, 2});
        OrderBatch batch = b.build();

        PurchaseSummaries s = PurchaseHistory.summarize(batch, PurchaseHistoryOptions
                .builder(AsOf.endOfDay(LocalDate.of(2026, 1, 31))).purchaseUnit(PurchaseUnit.ORDER).build());
        assertThat(batch.orderRank(first)).hasValue(1);
        assertThat(s.revenueMinorUnits(0)).isEqualTo(51_000);
        assertThat(s.firstPurchaseValue(0)).isEqualTo(Money.ofMinor(20_000, USD));
    }

    @Test
    void rowsOverManyPagesSummariseLikeTheObjectPath() {
        SplittableRandom random = new SplittableRandom(11);
        OrderBatch.Builder b = OrderBatch.builder(USD);
        List<Order> orders = new ArrayList<>();
        int rows = 3 * OrderBatch.Builder.PAGE_ROWS + 123;
        for (int k = 0; k < rows; k++) {
            CustomerId id = CustomerId.of("c" + random.nextInt(5_000));
            long micros = day(1 + random.nextInt(30)) + random.nextInt(1_000_000);
            long cents = random.nextInt(100_000);
            OrderStatusCategory category = random.nextInt(10) == 0 ? OrderStatusCategory.VOID : DONE;
            int row = b.addSourced(b.customer(id), micros, category, cents, -1, k + 2);
            assertThat(row).isEqualTo(k);
            orders.add(Order.builder(OrderId.of(String.format("line-%010d", k + 2)), id,
                    Instant.EPOCH.plusNanos(micros * 1_000), USD).grossAmount(Money.ofMinor(cents, USD))
                    .status(category == DONE ? io.crmkit.core.order.OrderStatus.COMPLETED
                            : io.crmkit.core.order.OrderStatus.CANCELLED).build());
        }
        OrderBatch batch = b.build();
        // the object path takes each customer's orders in time order (ADR 0008)
        orders.sort(java.util.Comparator.comparing(Order::placedAt).thenComparing(Order::id));
        assertThat(batch.rowCount()).isEqualTo(rows);
        assertThat(batch.sourceTag(rows - 1)).hasValue(rows + 1);
        for (PurchaseUnit unit : PurchaseUnit.values()) {
            PurchaseHistoryOptions o = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 20)))
                    .purchaseUnit(unit).build();
            assertThat(PurchaseHistory.summarize(batch, o)).as(unit.name())
                    .isEqualTo(PurchaseHistory.summarize(orders, o));
        }
    }
}
