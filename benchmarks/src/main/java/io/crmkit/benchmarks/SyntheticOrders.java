package io.crmkit.benchmarks;

import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.order.Order;
import io.crmkit.testkit.simulation.BgNbdProcess;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import io.crmkit.testkit.simulation.GammaGammaSpend;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark data set: a simulated customer base whose size and purchase rate give about ten
 * orders per customer over two years (1 million customers give about 10 million orders).
 * Customers are acquired during 2024; observation ends on 2026-01-01.
 */
final class SyntheticOrders {

    /** The observation end of the data set. */
    static final Instant END = Instant.parse("2026-01-01T00:00:00Z");

    private SyntheticOrders() {
    }

    static CustomerBaseSimulator simulator(int customers, long seed) {
        return CustomerBaseSimulator.builder()
                .customers(customers)
                .acquisition(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"))
                .observationEnd(END)
                .process(new BgNbdProcess(1.2, 7.8, 0.4, 9.0, PeriodUnit.WEEKS))
                .spend(GammaGammaSpend.CDNOW)
                .seed(seed)
                .build();
    }

    /** Orders customer by customer, each customer's in time order (as the simulator streams them). */
    static List<Order> orders(int customers, long seed) {
        return simulator(customers, seed).orders().toList();
    }

    /**
     * The same orders as columns, one row per order in list order, without order identifiers, as a
     * host holding orders in a data frame or a columnar store would have them (customer, time,
     * gross and net amounts, status category).
     */
    static OrderBatch batch(List<Order> orders) {
        OrderBatch.Builder b = OrderBatch.builder(orders.get(0).currency(), orders.size());
        for (Order o : orders) {
            long gross = o.grossAmount().toMinorUnits();
            long net = o.netRevenueMinorUnits();
            long micros = o.placedAt().getEpochSecond() * 1_000_000L + o.placedAt().getNano() / 1_000;
            b.add(b.customer(o.customerId()), micros, o.status().category(), gross, net);
        }
        return b.build();
    }
}
