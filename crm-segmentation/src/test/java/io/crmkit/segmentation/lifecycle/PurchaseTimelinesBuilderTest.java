package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timeline builder's inputs: the revenue basis (net of discount and refund, or gross) for
 * orders and for batches, the currency check of a batch, and the fluent calls.
 */
class PurchaseTimelinesBuilderTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate D0 = LocalDate.of(2025, 3, 1);

    private static Instant at(int day) {
        return D0.plusDays(day).atTime(9, 30).toInstant(ZoneOffset.UTC);
    }

    /** 100.00 EUR of goods, 10.00 discount, 5.00 refunded: 85.00 net. */
    private static Order discounted(String customer, int day) {
        return Order.builder(OrderId.of("o-" + customer + day), CustomerId.of(customer), at(day), EUR)
                .grossAmount(Money.of("100.00", "EUR")).discountAmount(Money.of("10.00", "EUR"))
                .refundedAmount(Money.of("5.00", "EUR")).build();
    }

    private static TimelineOptions basis(RevenueBasis basis) {
        return TimelineOptions.builder().revenueBasis(basis).build();
    }

    @Test
    void ordersCountTheirNetOrGrossValueAsTheOptionsSay() {
        PurchaseTimelines.Builder net = PurchaseTimelines.builder(basis(RevenueBasis.NET));
        net.accept(discounted("a", 0));
        PurchaseTimelines.Builder gross = PurchaseTimelines.builder(basis(RevenueBasis.GROSS));
        gross.accept(discounted("a", 0));
        assertThat(net.build().purchaseValue(0, 0)).isEqualTo(Money.of("85.00", "EUR"));
        assertThat(gross.build().purchaseValue(0, 0)).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(TimelineOptions.defaults().revenueBasis()).isEqualTo(RevenueBasis.NET);
    }

    @Test
    void batchesCountTheirNetOrGrossColumnAsTheOptionsSay() {
        OrderBatch.Builder batch = OrderBatch.builder(EUR);
        batch.add(batch.customer(CustomerId.of("b")), LocalDays.micros(at(2)), OrderStatusCategory.COMPLETED, 10_000,
                8_500);
        OrderBatch built = batch.build();
        assertThat(PurchaseTimelines.builder(basis(RevenueBasis.NET)).acceptAll(built).build().purchaseValue(0, 0)
                .toMinorUnits()).isEqualTo(8_500);
        assertThat(PurchaseTimelines.builder(basis(RevenueBasis.GROSS)).acceptAll(built).build().purchaseValue(0, 0)
                .toMinorUnits()).isEqualTo(10_000);
    }

    @Test
    void aBatchInAnotherCurrencyFailsOnlyWhenOneOfItsOrdersCounts() {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        b.accept(discounted("a", 0));
        OrderBatch.Builder voided = OrderBatch.builder(USD);
        voided.add(voided.customer(CustomerId.of("c")), LocalDays.micros(at(1)), OrderStatusCategory.VOID, 500, 500);
        b.acceptAll(voided.build()); // nothing counted: no currency to compare
        OrderBatch.Builder counted = OrderBatch.builder(USD);
        counted.add(counted.customer(CustomerId.of("c")), LocalDays.micros(at(1)), OrderStatusCategory.COMPLETED,
                500, 500);
        OrderBatch dollars = counted.build();
        assertThatThrownBy(() -> b.acceptAll(dollars)).isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("row 0 of an order batch");
        PurchaseTimelines t = b.build();
        // the void order's customer is known (a prospect) and its order seen, not counted
        assertThat(t.indexOf(CustomerId.of("c"))).isPresent();
        assertThat(t.ordersSeen()).isEqualTo(3);
        assertThat(t.ordersCounted()).isEqualTo(1);
        // a batch in the same currency as the orders before it is accepted
        OrderBatch.Builder euros = OrderBatch.builder(EUR);
        euros.add(euros.customer(CustomerId.of("c")), LocalDays.micros(at(4)), OrderStatusCategory.COMPLETED, 700,
                700);
        PurchaseTimelines.Builder again = PurchaseTimelines.builder(TimelineOptions.defaults());
        again.accept(discounted("a", 0));
        PurchaseTimelines both = again.acceptAll(euros.build()).build();
        assertThat(both.purchaseValue(both.indexOf(CustomerId.of("c")).orElseThrow(), 0).toMinorUnits())
                .isEqualTo(700);
    }

    @Test
    void builderCallsChain() {
        PurchaseTimelines t = PurchaseTimelines.builder(TimelineOptions.defaults()).customer(CustomerId.of("p"))
                .add(CustomerId.of("q"), at(0), OrderStatusCategory.COMPLETED, 1_000, EUR)
                .add(CustomerId.of("q"), at(3), OrderStatusCategory.COMPLETED, 2_000, EUR).build();
        assertThat(t.size()).isEqualTo(2);
        int q = t.indexOf(CustomerId.of("q")).orElseThrow();
        assertThat(t.purchaseDays(q)).containsExactly(D0, D0.plusDays(3));
        assertThat(t.purchaseDays(t.indexOf(CustomerId.of("p")).orElseThrow())).isEmpty();
    }

    /**
     * A batch large enough to be read on two threads gives the timelines of the same batch copied
     * into the builder's rows first (one thread, row by row): customers, days, values, order counts.
     */
    @Test
    void aLargeBatchReadOnTwoThreadsEqualsItsRows() {
        java.util.Random random = new java.util.Random(42);
        OrderBatch.Builder b = OrderBatch.builder(EUR);
        int customers = 7_000;
        int[] handle = new int[customers];
        for (int c = 0; c < customers; c++) {
            handle[c] = b.customer(CustomerId.of("c" + c));
        }
        OrderStatusCategory[] categories = OrderStatusCategory.values();
        int rows = PurchaseTimelines.Builder.PARALLEL_MIN_ROWS + 54_321;
        for (int r = 0; r < rows; r++) {
            // a few heavy customers (rows sorted through keys), returns and every status
            int c = random.nextInt(10) == 0 ? random.nextInt(5) : random.nextInt(customers);
            long amount = random.nextInt(20) == 0 ? -random.nextInt(5_000) - 1 : random.nextInt(50_000);
            b.add(handle[c], LocalDays.micros(at(random.nextInt(700)).plusSeconds(random.nextInt(86_400))),
                    categories[random.nextInt(categories.length)], amount < 0 ? 0 : amount, amount);
        }
        OrderBatch batch = b.build();
        for (TimelineOptions options : List.of(TimelineOptions.defaults(),
                TimelineOptions.builder().purchaseUnit(io.crmkit.core.history.PurchaseUnit.DAY)
                        .revenueBasis(RevenueBasis.GROSS).build())) {
            PurchaseTimelines direct = PurchaseTimelines.builder(options).acceptAll(batch).build();
            PurchaseTimelines.Builder copied = PurchaseTimelines.builder(options).acceptAll(batch);
            assertThat(copied.asBytes()).isNotEmpty(); // copies the batch into the rows
            PurchaseTimelines expected = copied.build();
            assertThat(direct.size()).isEqualTo(expected.size()).isGreaterThan(customers / 2);
            assertThat(direct.ordersSeen()).isEqualTo(expected.ordersSeen());
            assertThat(direct.ordersCounted()).isEqualTo(expected.ordersCounted());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(direct.customerId(i)).isEqualTo(expected.customerId(i));
                assertThat(direct.purchaseDays(i)).isEqualTo(expected.purchaseDays(i));
                assertThat(direct.purchaseCount(i)).isEqualTo(expected.purchaseCount(i));
                for (int k = 0; k < expected.dayCount(i); k++) {
                    assertThat(direct.purchaseValue(i, k)).isEqualTo(expected.purchaseValue(i, k));
                }
            }
        }
    }
}
