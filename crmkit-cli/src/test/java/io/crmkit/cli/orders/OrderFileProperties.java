package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
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
import net.jqwik.api.Combinators;
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

    /** One order: customer, seconds after 2024-01-01T00:00Z, cents, status label, number of lines. */
    record Spec(int customer, int second, int cents, int label, int lines) {
    }

    @Provide
    Arbitrary<List<Spec>> orders() {
        return Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 40 * 86_400),
                Arbitraries.integers().between(0, 50_000), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 3)).as(Spec::new).list().ofMaxSize(120);
    }

    @Property(tries = 300)
    void summarisesLikeCrmCore(@ForAll("orders") List<Spec> specs, @ForAll long shuffleSeed,
            @ForAll("units") PurchaseUnit unit, @ForAll boolean dayClock, @ForAll("zones") String zone)
            throws IOException {
        ZoneId z = ZoneId.of(zone);
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        List<Order> reference = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            Spec s = specs.get(k);
            Instant at = base.plusSeconds(s.second());
            String label = LABELS[s.label()];
            OrderStatusCategory category = StatusMapping.defaults().categoryOf(label).orElseThrow();
            reference.add(Order.builder(OrderId.of("o" + k), CustomerId.of("c" + s.customer()), at, USD)
                    .status(OrderStatus.of(label, category)).grossAmount(Money.ofMinor(s.cents(), USD)).build());
            for (int l = 0; l < s.lines(); l++) {
                long share = s.cents() / s.lines() + (l == 0 ? s.cents() % s.lines() : 0);
                rows.add("c" + s.customer() + ",o" + k + "," + at + "," + Money.ofMinor(share, USD).amount() + ","
                        + label);
            }
        }
        Collections.shuffle(rows, new Random(shuffleSeed));
        reference.sort(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
        AsOf asOf = dayClock ? AsOf.endOfDay(LocalDate.of(2024, 1, 30)) : AsOf.instant(base.plusSeconds(30 * 86_400));
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(asOf).zone(z).purchaseUnit(unit).currency(USD)
                .timeUnit(PeriodUnit.WEEKS).build();
        String csv = "customer_id,order_id,timestamp,amount,status\n" + String.join("\n", rows) + "\n";

        OrderFile in = new OrderFileReader(z, Optional.empty(), StatusMapping.defaults(), Map.of(), Optional.empty())
                .read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new FailingListener());
        PurchaseSummaries actual = PurchaseHistory.summarize(in.batch(), options);

        assertThat(in.rowsRejected()).isZero();
        assertThat(in.batch().rowCount()).isEqualTo(specs.size());
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
