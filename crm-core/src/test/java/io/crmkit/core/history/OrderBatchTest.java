package io.crmkit.core.history;

import io.crmkit.core.internal.LocalDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBatchTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final OrderStatusCategory DONE = OrderStatusCategory.COMPLETED;
    private static final long T = LocalDays.micros(Instant.parse("2026-01-05T10:00:00Z"));

    @Test
    void indexOfFindsACustomerInTheSortedDictionary() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        b.add(b.customer(CustomerId.of("carol")), T, DONE, 100, 100);
        b.add(b.customer(CustomerId.of("alice")), T, DONE, 100, 100);
        b.add(b.customer(CustomerId.of("bob")), T, DONE, 100, 100);
        OrderBatch batch = b.build();
        for (String name : new String[] {"alice", "bob", "carol"}) {
            int i = batch.indexOf(CustomerId.of(name));
            assertThat(batch.customerId(i)).isEqualTo(CustomerId.of(name));
        }
        assertThat(batch.indexOf(CustomerId.of("bea"))).isEqualTo(-1);
        assertThat(batch.indexOf(CustomerId.of("zed"))).isEqualTo(-1);
        assertThat(OrderBatch.builder(USD).build().indexOf(CustomerId.of("a"))).isEqualTo(-1);
    }

    @Test
    void rejectsBadRowsNamingTheRowAndTheValue() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        int alice = b.customer(CustomerId.of("alice"));
        b.add(alice, T, DONE, 100, 90);
        assertThatThrownBy(() -> b.add(alice, T, DONE, -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1: grossMinor must not be negative: -1");
        assertThatThrownBy(() -> b.add(alice, T, DONE, 100, 101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1: netMinor must be between 0 and grossMinor 100, or negative (a return) with grossMinor 0:"
                        + " 101");
        assertThatThrownBy(() -> b.add(alice, T, DONE, 100, -5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("row 1: netMinor must be between 0 and grossMinor 100, or negative");
        assertThatThrownBy(() -> b.add(7, T, DONE, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1: customer handle 7 was not returned by customer(); handles so far are 0 to 0");
        assertThatThrownBy(() -> b.add(alice, OrderBatch.MAX_MICROS + 1, DONE, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1: placedAtMicros 9089380483200000000 ")
                .hasMessageEndingWith("years -290000 to 290000");
        assertThatThrownBy(() -> b.add(alice, OrderId.of("o-9"), T, DONE, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 (order o-9): every row must have an order identifier, or none; earlier rows have"
                        + " none");
        assertThatThrownBy(() -> b.add(alice, T, null, 1, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("status must not be null");
        OrderBatch batch = b.build();
        assertThat(batch.rowCount()).isEqualTo(1);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.customer(CustomerId.of("bob"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsOrdersInAnotherCurrency() {
        Order euro = Order.of(OrderId.of("o-1"), CustomerId.of("alice"), Instant.parse("2026-01-05T10:00:00Z"),
                Money.parse("EUR 5.00"));
        assertThatThrownBy(() -> OrderBatch.of(USD, List.of(euro))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 0 (order o-1): currency EUR differs from the batch's USD (build one batch per"
                        + " currency)");
    }

    @Test
    void summariesMatchTheOptionsCurrencyRule() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        b.add(b.customer(CustomerId.of("alice")), T, OrderStatusCategory.OPEN, 100, 100);
        b.add(b.customer(CustomerId.of("bob")), T, DONE, 100, 100);
        OrderBatch batch = b.build();
        PurchaseHistoryOptions euro = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 31)))
                .currency(Currency.getInstance("EUR")).build();
        assertThatThrownBy(() -> PurchaseHistory.summarize(batch, euro)).isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("row 1 of customer bob");
        PurchaseHistoryOptions none = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 1))).build();
        PurchaseSummaries empty = PurchaseHistory.summarize(batch, none);
        assertThat(empty.size()).isZero();
        assertThat(empty.currency()).isEmpty();
        assertThat(empty.stats().excludedAfterAsOf()).isEqualTo(1);
        assertThat(empty.stats().excludedByStatus()).isEqualTo(1);
    }

    @Test
    void rejectsAnAsOfFinerThanMicroseconds() {
        OrderBatch batch = OrderBatch.builder(USD).build();
        PurchaseHistoryOptions options = PurchaseHistoryOptions
                .builder(AsOf.instant(Instant.parse("2026-01-05T10:00:00.000000001Z"))).build();
        assertThatThrownBy(() -> PurchaseHistory.summarize(batch, options))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole microsecond");
    }

    @Test
    void dictionaryIsSortedWhateverTheOrderOfFirstAppearance() {
        OrderBatch.Builder b = OrderBatch.builder(USD, 4);
        for (String id : List.of("c3", "c1", "c2", "c1")) {
            b.add(b.customer(CustomerId.of(id)), T, DONE, 1, 1);
        }
        OrderBatch batch = b.build();
        assertThat(List.of(batch.customerId(0), batch.customerId(1), batch.customerId(2)))
                .extracting(CustomerId::value).containsExactly("c1", "c2", "c3");
        assertThat(List.of(batch.customerIndex(0), batch.customerIndex(1), batch.customerIndex(2),
                batch.customerIndex(3))).containsExactly(2, 0, 1, 0);
        assertThat(batch).hasToString(
                "OrderBatch[rows=4, customers=3, currency=USD, returns=0, orderIds=false, orderKeys=false]");
    }

    @Test
    void aCustomerNamedTwiceByNewCustomerFailsTheBuildNamingBothHandles() {
        OrderBatch.Builder b = OrderBatch.builder(USD, 4);
        for (String id : List.of("c3", "c1", "c2", "c1", "c4")) {
            b.newCustomer(CustomerId.of(id));
        }
        b.add(0, T, DONE, 1, 1);
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a customer was added twice (handles 1 and 3); newCustomer() takes new customers only");
    }

    @Test
    void anAccumulatorNeedsOrderIdsToCombineOrderUnitBatches() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        b.add(b.customer(CustomerId.of("alice")), T, DONE, 100, 100);
        OrderBatch withoutIds = b.build();
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(PurchaseHistoryOptions
                .builder(AsOf.endOfDay(LocalDate.of(2026, 1, 31))).build());
        assertThatThrownBy(() -> acc.acceptAll(withoutIds)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("with PurchaseUnit.ORDER an accumulator needs the batch's order identifiers");
    }

    @Test
    void everyRowReadsBackAcrossTheGrowingFirstPageAndTheFullPagesAfterIt() {
        // past the first page's first size, a full page and into a third; the net column appears
        // (first discount and return) while the first page is still growing
        int n = 2 * OrderBatch.PAGE_ROWS + 777;
        OrderBatch.Builder b = OrderBatch.builder(USD);
        for (int r = 0; r < n; r++) {
            int c = b.customer(CustomerId.of("c" + (r % 97)));
            long gross = r < 1500 || r % 5 != 0 ? 100 + r : r % 10 == 0 ? 0 : 100 + r;
            long net = r < 1500 || r % 5 != 0 ? gross : r % 10 == 0 ? -(r % 7 + 1) : gross - 1;
            b.add(c, OrderId.of("o" + r), T + r, r % 3 == 0 ? OrderStatusCategory.OPEN : DONE, gross, net);
        }
        OrderBatch batch = b.build();
        assertThat(batch.rowCount()).isEqualTo(n);
        for (int r = 0; r < n; r++) {
            long gross = r < 1500 || r % 5 != 0 ? 100 + r : r % 10 == 0 ? 0 : 100 + r;
            long net = r < 1500 || r % 5 != 0 ? gross : r % 10 == 0 ? -(r % 7 + 1) : gross - 1;
            assertThat(batch.customerId(batch.customerIndex(r))).isEqualTo(CustomerId.of("c" + (r % 97)));
            assertThat(batch.placedAtMicros(r)).isEqualTo(T + r);
            assertThat(batch.category(r)).isEqualTo(r % 3 == 0 ? OrderStatusCategory.OPEN : DONE);
            assertThat(batch.netMinor(r)).as("net of row %d", r).isEqualTo(net);
            assertThat(batch.grossMinor(r)).as("gross of row %d", r).isEqualTo(net < 0 ? 0 : gross);
            assertThat(batch.orderId(r)).contains(OrderId.of("o" + r));
        }
    }

    @Test
    void sourcedRowsWithCostsReadBackAcrossTheGrowingFirstPage() {
        int n = OrderBatch.PAGE_ROWS + 5;
        OrderBatch.Builder b = OrderBatch.builder(USD);
        for (int r = 0; r < n; r++) {
            int c = b.customer(CustomerId.of("k" + (r % 13)));
            b.addSourced(c, T - r, DONE, r % 11 == 0 ? -r - 1 : r + 1, r * 3L - 7, r, r + 2);
        }
        OrderBatch batch = b.build();
        for (int r = 0; r < n; r++) {
            assertThat(batch.costMinor(r)).hasValue(r * 3L - 7);
            assertThat(batch.netMinor(r)).isEqualTo(r % 11 == 0 ? -r - 1 : r + 1);
            assertThat(batch.sourceTag(r)).hasValue(r + 2);
            assertThat(batch.placedAtMicros(r)).isEqualTo(T - r);
            assertThat(batch.orderRank(r)).hasValue(r);
        }
    }
}
