package io.crmkit.examples;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.Order;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/**
 * The simulated shop every quick start reads: crm-testkit's {@link CustomerBaseSimulator} with its
 * CDNOW defaults (BG/NBD buying, Gamma-Gamma spending in US dollars), first purchases over the
 * first quarter of 2025, observed to the end of {@link #LAST_DAY}. In a host application these
 * orders come from its own database (see {@link HostRepositoryExample}).
 *
 * <p>Deterministic: the same number of customers and seed give the same orders. Stateless and
 * thread-safe.
 */
public final class ShopData {

    /** The last day observed: 2025-12-31 (UTC). */
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    /** The number of simulated customers the quick starts use. */
    public static final int CUSTOMERS = 2_000;

    /** The seed of the simulation. */
    public static final long SEED = 42;

    private ShopData() {
    }

    /**
     * Returns the simulator of the quick starts' shop.
     *
     * @param customers the number of customers, at least 1
     * @return the simulator, never null
     */
    public static CustomerBaseSimulator simulator(int customers) {
        return CustomerBaseSimulator.builder()
                .customers(customers)
                .acquisition(LocalDate.of(2025, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        LocalDate.of(2025, 4, 1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .observationEnd(LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .seed(SEED)
                .build();
    }

    /**
     * Streams every order of the shop ({@link #CUSTOMERS} customers), customer by customer.
     *
     * @return the orders, never null
     */
    public static Stream<Order> orders() {
        return simulator(CUSTOMERS).orders();
    }

    /**
     * Summarises the shop's purchase histories in the BTYD convention (day clock through
     * {@link #LAST_DAY} in UTC, same-day orders one purchase, durations in weeks).
     *
     * @return the summaries, never null
     */
    public static PurchaseSummaries summaries() {
        try (Stream<Order> orders = orders()) {
            return PurchaseHistory.summarize(orders,
                    PurchaseHistoryOptions.btydConvention(LAST_DAY, ZoneOffset.UTC, PeriodUnit.WEEKS));
        }
    }
}
