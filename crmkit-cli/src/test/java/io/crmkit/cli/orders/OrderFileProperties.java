package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.SalesChannel;
import io.crmkit.testkit.Orders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reading a file into an {@link io.crmkit.core.history.OrderBatch} with {@link OrderFileReader} and
 * summarising the batch gives exactly what crm-core's object path gives
 * for the same orders streamed in time order, whatever the order of the rows in the file (lines of
 * an order scattered, customers' orders out of time order), for both purchase units and clocks.
 */
class OrderFileProperties {

    private static final Currency USD = Currency.getInstance("USD");
    private static final String[] LABELS = {"paid", "delivered", "pending", "cancelled"};

    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    /** One status per label, in the category the default mapping gives it. */
    private static OrderStatus[] statuses() {
        OrderStatus[] out = new OrderStatus[LABELS.length];
        for (int i = 0; i < LABELS.length; i++) {
            out[i] = OrderStatus.of(LABELS[i], StatusMapping.defaults().categoryOf(LABELS[i]).orElseThrow());
        }
        return out;
    }

    /**
     * Up to 120 orders of 21 customers, in whole seconds over 40 days, 0 to 500.00 USD, each of
     * the four labels, with one to three lines (one file row per line).
     */
    @Provide
    Arbitrary<List<Order>> orders() {
        return Orders.inCurrency(USD).placedBetween(BASE, BASE.plusSeconds(40 * 86_400)).fromCustomerPool(21)
                .grossMinorUnitsBetween(0, 50_000).withLines(1, 3).withoutAdjustments().withStatuses(statuses())
                .inChannels(SalesChannel.UNKNOWN).withoutCampaigns().histories().ofMaxSize(120).withIdFormat("o%d");
    }

    @Property(tries = 300)
    void summarisesLikeCrmCore(@ForAll("orders") List<Order> orders, @ForAll long shuffleSeed,
            @ForAll("units") PurchaseUnit unit, @ForAll boolean dayClock, @ForAll("zones") String zone)
            throws IOException {
        ZoneId z = ZoneId.of(zone);
        List<Order> reference = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (Order o : orders) {
            // the file has no products: the reference is the order without its lines
            reference.add(Order.builder(o.id(), o.customerId(), o.placedAt(), USD).status(o.status())
                    .grossAmount(o.grossAmount()).build());
            for (OrderLine line : o.lines()) {
                rows.add(o.customerId() + "," + o.id() + "," + o.placedAt() + "," + line.amount().amount() + ","
                        + o.status().label());
            }
        }
        Collections.shuffle(rows, new Random(shuffleSeed));
        reference.sort(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
        AsOf asOf = dayClock ? AsOf.endOfDay(LocalDate.of(2024, 1, 30)) : AsOf.instant(BASE.plusSeconds(30 * 86_400));
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(asOf).zone(z).purchaseUnit(unit).currency(USD)
                .timeUnit(PeriodUnit.WEEKS).build();
        String csv = "customer_id,order_id,timestamp,amount,status\n" + String.join("\n", rows) + "\n";

        OrderFile in = new OrderFileReader(z, Optional.empty(), StatusMapping.defaults(), Map.of(), Optional.empty())
                .read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new FailingListener());
        PurchaseSummaries actual = PurchaseHistory.summarize(in.batch(), options);

        assertThat(in.rowsRejected()).isZero();
        assertThat(in.batch().rowCount()).isEqualTo(orders.size());
        PurchaseSummaries expected = PurchaseHistory.summarize(reference, options);
        assertThat(actual).isEqualTo(expected);

    }

    @Provide
    Arbitrary<PurchaseUnit> units() {
        return Arbitraries.of(PurchaseUnit.class);
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("UTC", "Europe/Paris", "America/New_York", "+09:00");
    }

    /** A listener for clean input: any warning or rejection fails the test. */
    static final class FailingListener implements ReadListener {
        @Override
        public void warning(String message) {
            throw new AssertionError("unexpected warning: " + message);
        }

        @Override
        public void rejected(long line, Rejection kind, String reason) {
            throw new AssertionError("unexpected rejection: line " + line + ": " + reason);
        }
    }
}
