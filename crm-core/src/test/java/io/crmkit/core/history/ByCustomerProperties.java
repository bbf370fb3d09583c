package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.order.OrderStatusCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link OrderBatch#byCustomer(RevenueBasis)} holds every row once, grouped by customer in index
 * order, each customer's rows in time order with same-instant ties broken by the batch's rule (rank,
 * else order identifier, else row): checked against a plain sort of the rows, for batches without
 * identifiers, with identifiers and with ranked order keys, customers with few rows (insertion sort)
 * and with many (merge sort), and many ties.
 */
class ByCustomerProperties {

    enum Ties { ROW, ORDER_ID, RANK }

    private static final long DAY = 86_400_000_000L;
    private static final OrderStatusCategory[] STATUSES = OrderStatusCategory.values();

    @Property(tries = 80)
    void byCustomerIsEveryRowInCustomerAndTimeOrder(@ForAll Ties ties, @ForAll RevenueBasis basis,
            @ForAll @IntRange(min = 1, max = 6) int customers, @ForAll @IntRange(min = 0, max = 400) int rows,
            @ForAll @IntRange(min = 1, max = 25) int instants, @ForAll long seed) {
        OrderBatch batch = batch(ties, customers, rows, instants, new SplittableRandom(seed));
        OrderBatch.CustomerRows byCustomer = batch.byCustomer(basis);

        List<Integer> expected = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            expected.add(r);
        }
        expected.sort(Comparator.<Integer>comparingInt(batch::customerIndex)
                .thenComparingLong(batch::placedAtMicros)
                .thenComparing((a, b) -> tie(batch, a, b)));

        assertThat(byCustomer.start(batch.customerCount())).isEqualTo(batch.rowCount());
        for (int c = 0; c < batch.customerCount(); c++) {
            for (int k = byCustomer.start(c); k < byCustomer.start(c + 1); k++) {
                assertThat(batch.customerIndex(byCustomer.row(k))).isEqualTo(c);
            }
        }
        for (int k = 0; k < batch.rowCount(); k++) {
            int row = byCustomer.row(k);
            assertThat(row).as("position %d", k).isEqualTo(expected.get(k));
            assertThat(byCustomer.placedAtMicros(k)).isEqualTo(batch.placedAtMicros(row));
            assertThat(byCustomer.isReturn(k)).isEqualTo(batch.isReturn(row));
            assertThat(byCustomer.category(k)).isEqualTo(batch.category(row));
            // a return is money paid back on the net basis and nothing on the gross basis
            assertThat(byCustomer.value(k))
                    .isEqualTo(basis == RevenueBasis.NET ? batch.netMinor(row) : batch.grossMinor(row));
        }
    }

    private static int tie(OrderBatch batch, int a, int b) {
        if (batch.orderRank(a).isPresent()) {
            int byRank = Integer.compare(batch.orderRank(a).getAsInt(), batch.orderRank(b).getAsInt());
            return byRank != 0 ? byRank : Integer.compare(a, b);
        }
        if (batch.hasOrderIds()) {
            int byId = batch.orderId(a).orElseThrow().compareTo(batch.orderId(b).orElseThrow());
            return byId != 0 ? byId : Integer.compare(a, b);
        }
        return Integer.compare(a, b);
    }

    private static OrderBatch batch(Ties ties, int customers, int rows, int instants, SplittableRandom rng) {
        OrderBatch.Builder b = OrderBatch.builder(Currency.getInstance("EUR"));
        int[] handle = new int[customers];
        for (int c = customers - 1; c >= 0; c--) { // handles in reverse identifier order
            handle[c] = b.customer(CustomerId.of("c" + c));
        }
        int keys = Math.max(1, rows / 2);
        for (int r = 0; r < rows; r++) {
            // one customer in two rows goes to customer 0, so that one customer has many rows
            int c = rng.nextBoolean() ? 0 : rng.nextInt(customers);
            long at = DAY * 20_000 + DAY * rng.nextInt(instants);
            OrderStatusCategory status = STATUSES[rng.nextInt(STATUSES.length)];
            boolean isReturn = rng.nextInt(8) == 0;
            long gross = isReturn ? 0 : rng.nextLong(0, 100_000);
            long net = isReturn ? -rng.nextLong(1, 5_000) : rng.nextLong(0, gross + 1);
            switch (ties) {
                case ROW -> b.add(handle[c], at, status, gross, net);
                case ORDER_ID -> b.add(handle[c], OrderId.of("o" + rng.nextInt(rows * 3 + 1) + "-" + r), at, status,
                        gross, net);
                case RANK -> b.addSourced(handle[c], at, status, isReturn ? net : gross, rng.nextInt(keys), r);
            }
        }
        if (ties == Ties.RANK) {
            int[] rank = new int[keys];
            for (int k = 0; k < keys; k++) {
                rank[k] = keys - 1 - k; // ranks reverse the keys' order
            }
            b.rankOrderKeys(rank);
        }
        return b.build();
    }
}
