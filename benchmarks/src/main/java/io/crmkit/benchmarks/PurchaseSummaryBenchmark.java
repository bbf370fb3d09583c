package io.crmkit.benchmarks;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryAccumulator;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.Order;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The purchase-history summary step (crm-core's single-pass accumulator) on a simulated base of
 * {@code customers} customers with about ten orders each: one operation summarises every order.
 * Rows per second = orders / (seconds per operation); the order count is printed at setup.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PurchaseSummaryBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms12g", "-Xmx12g", "-XX:+UseParallelGC"})
public class PurchaseSummaryBenchmark {

    /** Number of simulated customers. */
    @Param("1000000")
    public int customers;

    private List<Order> orders;
    private OrderBatch batch;
    private PurchaseHistoryOptions orderUnitExactClock;
    private PurchaseHistoryOptions btydConvention;

    /** Generates the orders once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        orders = SyntheticOrders.orders(customers, 20261122L);
        orderUnitExactClock = PurchaseHistoryOptions.builder(AsOf.instant(SyntheticOrders.END)).build();
        btydConvention = PurchaseHistoryOptions.btydConvention(LocalDate.of(2025, 12, 31), ZoneOffset.UTC,
                PeriodUnit.WEEKS);
        batch = SyntheticOrders.batch(orders);
        System.out.printf("%n%d orders of %d customers%n", orders.size(), customers);
    }

    /**
     * Each order is a purchase; exact clock.
     *
     * @return the summaries
     */
    @Benchmark
    public PurchaseSummaries orderUnit() {
        return PurchaseHistory.summarize(orders, orderUnitExactClock);
    }

    /**
     * Same-day orders collapsed into one purchase; day clock in UTC (the BTYD convention).
     *
     * @return the summaries
     */
    @Benchmark
    public PurchaseSummaries dayUnit() {
        return PurchaseHistory.summarize(orders, btydConvention);
    }

    /**
     * Each order is a purchase; exact clock; from the orders held in columns.
     *
     * @return the summaries
     */
    @Benchmark
    public PurchaseSummaries orderUnitColumnar() {
        return PurchaseHistory.summarize(batch, orderUnitExactClock);
    }

    /**
     * Same-day orders collapsed; day clock in UTC; from the orders held in columns.
     *
     * @return the summaries
     */
    @Benchmark
    public PurchaseSummaries dayUnitColumnar() {
        return PurchaseHistory.summarize(batch, btydConvention);
    }

    /**
     * Builds the columnar batch from the in-memory orders (ingestion: interning customers,
     * converting amounts, sorting the customer dictionary).
     *
     * @return the batch
     */
    @Benchmark
    public OrderBatch batchFromOrders() {
        return SyntheticOrders.batch(orders);
    }

    /**
     * Two partitions summarised on two threads and combined (the mergeable path).
     *
     * @return the summaries
     */
    @Benchmark
    public PurchaseSummaries dayUnitTwoPartitions() throws InterruptedException {
        int half = orders.size() / 2;
        // split between customers so that no customer's history is interleaved across partitions
        while (half < orders.size() && half > 0
                && orders.get(half).customerId().equals(orders.get(half - 1).customerId())) {
            half++;
        }
        PurchaseHistoryAccumulator left = new PurchaseHistoryAccumulator(btydConvention, customers / 2);
        PurchaseHistoryAccumulator right = new PurchaseHistoryAccumulator(btydConvention, customers / 2);
        int split = half;
        Thread t = new Thread(() -> orders.subList(split, orders.size()).forEach(right));
        t.start();
        orders.subList(0, split).forEach(left);
        t.join();
        return left.combine(right).toSummaries();
    }
}
