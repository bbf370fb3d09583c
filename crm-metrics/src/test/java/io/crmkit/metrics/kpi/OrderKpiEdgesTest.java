package io.crmkit.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Order KPIs on the edges the other tests do not reach, worked by hand: orders left out by status
 * or for lying at the grid's end (through one order at a time, a batch and a combination), orders
 * less than a second apart, an activity window ending exactly at the grid's end, the gross revenue
 * basis, and more customers than the accumulator's first buffers hold.
 */
class OrderKpiEdgesTest {

    private static final Currency USD = Currency.getInstance("USD");
    /** January, February and March 2026 in UTC; the grid ends at 2026-04-01T00:00:00Z. */
    private static final PeriodGrid Q1 = PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    private static final OrderKpiOptions OPTIONS = OrderKpiOptions.of(Q1, 31);

    private static Order order(String id, String customer, String at, String amount) {
        return Order.of(OrderId.of(id), CustomerId.of(customer), Instant.parse(at), Money.parse("USD " + amount));
    }

    private static Order withStatus(String id, String customer, String at, OrderStatus status) {
        return Order.builder(OrderId.of(id), CustomerId.of(customer), Instant.parse(at), USD)
                .grossAmount(Money.parse("USD 5.00")).status(status).build();
    }

    private static OrderBatch batch(List<Order> orders) {
        return OrderBatch.builder(USD).addAll(orders).build();
    }

    private static List<Order> edgeOrders() {
        return List.of(
                order("1", "c1", "2026-01-05T00:00:00Z", "10.00"),
                withStatus("2", "c1", "2026-01-06T00:00:00Z", OrderStatus.CANCELLED),
                withStatus("3", "c3", "2026-01-07T00:00:00Z", OrderStatus.OPEN),
                order("4", "c2", "2026-03-31T23:59:59.999999Z", "7.00"),
                order("5", "c2", "2026-04-01T00:00:00Z", "9.00"));
    }

    @Test
    void ordersLeftOutByStatusOrAtTheGridsEndAreCountedAsSuch() {
        OrderKpiReport r = OrderKpis.compute(edgeOrders(), OPTIONS);
        assertThat(r.ordersSeen()).isEqualTo(5);
        assertThat(r.ordersCounted()).isEqualTo(2);
        assertThat(r.excludedByStatus()).isEqualTo(2);
        assertThat(r.excludedAfterGrid()).isEqualTo(1);
        assertThat(r.periods()).extracting(PeriodOrderKpis::orders).containsExactly(1L, 0L, 1L);
        assertThat(r.periods().get(2).revenue()).isEqualTo(Money.parse("USD 7.00"));
        // the same through a batch, and through two accumulators combined
        OrderKpiReport b = OrderKpis.compute(batch(edgeOrders()), OPTIONS);
        KpiTalliesProperties.assertSameReport(b, r);
        OrderKpis.Accumulator left = OrderKpis.accumulator(OPTIONS);
        OrderKpis.Accumulator right = OrderKpis.accumulator(OPTIONS);
        for (Order o : edgeOrders()) {
            (o.customerId().value().equals("c2") ? right : left).accept(o);
        }
        KpiTalliesProperties.assertSameReport(left.combine(right).report(), r);
        OrderKpis.Accumulator batched = OrderKpis.accumulator(OPTIONS).acceptAll(batch(edgeOrders().subList(0, 3)));
        batched.combine(OrderKpis.accumulator(OPTIONS).acceptAll(batch(edgeOrders().subList(3, 5))));
        KpiTalliesProperties.assertSameReport(batched.report(), r);
    }

    @Test
    void ordersLessThanASecondApartStayInTimeOrder() {
        // 0.9 s and then 1.0 s past ten: in order, so accepted
        List<Order> orders = List.of(order("1", "c1", "2026-02-03T10:00:00.900Z", "1.00"),
                order("2", "c1", "2026-02-03T10:00:01Z", "2.00"));
        OrderKpiReport r = OrderKpis.compute(orders, OPTIONS);
        assertThat(r.periods().get(1).orders()).isEqualTo(2);
        assertThat(r.periods().get(1).multiPurchaseBuyers()).isEqualTo(1);
        KpiTalliesProperties.assertSameReport(OrderKpis.compute(batch(orders), OPTIONS), r);
        // 0.2 s after 0.5 s is earlier
        OrderKpis.Accumulator acc = OrderKpis.accumulator(OPTIONS);
        acc.accept(order("3", "c1", "2026-02-03T10:00:00.500Z", "1.00"));
        assertThatThrownBy(() -> acc.accept(order("4", "c1", "2026-02-03T10:00:00.200Z", "1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order 4 of customer")
                .hasMessageContaining("is earlier than a previous order");
    }

    @Test
    void aBatchRowEarlierThanAnOrderFedBeforeIsRefusedAndAnEqualOneIsNot() {
        OrderKpis.Accumulator acc = OrderKpis.accumulator(OPTIONS);
        acc.accept(order("1", "c1", "2026-02-03T10:00:00Z", "1.00"));
        acc.acceptAll(batch(List.of(order("2", "c1", "2026-02-03T10:00:00Z", "2.00"))));
        assertThat(acc.report().periods().get(1).orders()).isEqualTo(2);
        assertThatThrownBy(() -> acc.acceptAll(batch(List.of(order("3", "c1", "2026-02-03T09:59:59Z", "1.00")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row")
                .hasMessageContaining("is earlier than an order of that customer fed before");
    }

    @Test
    void aWindowEndingExactlyAtTheGridsEndKeepsTheCustomerActiveThere() {
        // bought on March 1: active on (March 1, April 1], so at the end of March, not at its start
        OrderKpiReport r = OrderKpis.compute(List.of(order("1", "c1", "2026-03-01T00:00:00Z", "1.00")), OPTIONS);
        assertThat(r.periods().get(2).activeAtStart()).isZero();
        assertThat(r.periods().get(2).activeAtEnd()).isEqualTo(1);
        assertThat(r.periods().get(2).newCustomers()).isEqualTo(1);
        // bought a second earlier: active at the start of March, and the window ends a second before
        // the grid's end
        OrderKpiReport earlier = OrderKpis.compute(List.of(order("1", "c1", "2026-02-28T23:59:59Z", "1.00")),
                OPTIONS);
        assertThat(earlier.periods().get(2).activeAtStart()).isEqualTo(1);
        assertThat(earlier.periods().get(2).activeAtEnd()).isZero();
        // bought exactly at the start of February: not active at that instant, active at its end
        OrderKpiReport feb = OrderKpis.compute(List.of(order("1", "c1", "2026-02-01T00:00:00Z", "1.00")), OPTIONS);
        assertThat(feb.periods().get(1).activeAtStart()).isZero();
        assertThat(feb.periods().get(1).activeAtEnd()).isEqualTo(1);
        assertThat(feb.periods().get(2).activeAtStart()).isEqualTo(1);
        assertThat(feb.periods().get(2).activeAtEnd()).isZero();
    }

    @Test
    void grossBasisCountsTheAmountBeforeDiscountAndRefunds() {
        Order discounted = Order.builder(OrderId.of("1"), CustomerId.of("c1"), Instant.parse("2026-01-10T00:00:00Z"),
                USD).grossAmount(Money.parse("USD 10.00")).discountAmount(Money.parse("USD 2.00"))
                .refundedAmount(Money.parse("USD 3.00")).status(OrderStatus.COMPLETED).build();
        OrderKpiOptions gross = OrderKpiOptions.builder(Q1, 31).revenueBasis(RevenueBasis.GROSS).build();
        assertThat(OrderKpis.compute(List.of(discounted), gross).periods().get(0).revenue())
                .isEqualTo(Money.parse("USD 10.00"));
        assertThat(OrderKpis.compute(List.of(discounted), OPTIONS).periods().get(0).revenue())
                .isEqualTo(Money.parse("USD 5.00"));
    }

    @Test
    void moreCustomersThanTheFirstBuffersHold() {
        List<Order> orders = new ArrayList<>();
        for (int k = 0; k < 2500; k++) {
            orders.add(order("o" + k, "c" + k, "2026-01-10T00:00:00Z", "1.00"));
        }
        OrderKpiReport one = OrderKpis.compute(orders, OPTIONS);
        assertThat(one.periods().get(0).buyers()).isEqualTo(2500);
        assertThat(one.periods().get(0).newCustomers()).isEqualTo(2500);
        assertThat(one.periods().get(0).revenue()).isEqualTo(Money.parse("USD 2500.00"));
        KpiTalliesProperties.assertSameReport(OrderKpis.compute(batch(orders), OPTIONS), one);
        OrderKpis.Accumulator a = OrderKpis.accumulator(OPTIONS);
        orders.subList(0, 1200).forEach(a::accept);
        OrderKpis.Accumulator b = OrderKpis.accumulator(OPTIONS).acceptAll(batch(orders.subList(1200, 2500)));
        KpiTalliesProperties.assertSameReport(a.combine(b).report(), one);
        // each customer again in February: all retained, none new
        List<Order> again = new ArrayList<>(orders);
        for (int k = 0; k < 2500; k++) {
            again.add(order("p" + k, "c" + k, "2026-02-05T00:00:00Z", "1.00"));
        }
        again.sort(java.util.Comparator.comparing(Order::customerId).thenComparing(Order::placedAt));
        PeriodOrderKpis feb = OrderKpis.compute(again, OPTIONS).periods().get(1);
        assertThat(feb.buyers()).isEqualTo(2500);
        assertThat(feb.newCustomers()).isZero();
        assertThat(feb.retained()).isEqualTo(2500);
    }
}
