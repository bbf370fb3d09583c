package io.crmkit.benchmarks;

import io.crmkit.core.order.Order;
import io.crmkit.metrics.kpi.OrderKpiOptions;
import io.crmkit.metrics.kpi.OrderKpiReport;
import io.crmkit.metrics.kpi.OrderKpis;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.ReportingPeriod;
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
 * The monthly order-KPI time series (with the cohort matrix) in one pass over the simulated orders
 * of {@code customers} customers (about ten orders each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms12g", "-Xmx12g", "-XX:+UseParallelGC"})
public class KpiBenchmark {

    /** Number of simulated customers. */
    @Param("1000000")
    public int customers;

    private List<Order> orders;
    private OrderKpiOptions monthly;

    /** Generates the orders once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        orders = SyntheticOrders.orders(customers, 20261122L);
        PeriodGrid grid = PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC, LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31));
        monthly = OrderKpiOptions.of(grid, 90);
        System.out.printf("%n%d orders of %d customers%n", orders.size(), customers);
    }

    /**
     * 24 monthly periods, 90-day activity window.
     *
     * @return the report
     */
    @Benchmark
    public OrderKpiReport monthlyKpis() {
        return OrderKpis.compute(orders, monthly);
    }
}
