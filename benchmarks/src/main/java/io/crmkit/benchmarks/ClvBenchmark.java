package io.crmkit.benchmarks;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.order.Order;
import io.crmkit.metrics.clv.BgNbdModel;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.clv.FitOptions;
import io.crmkit.metrics.clv.Horizon;
import io.crmkit.metrics.clv.ParetoNbdModel;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
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
 * The probabilistic CLV models at the scale of the comparison: BG/NBD fitted on one
 * million customers simulated from the CDNOW estimates (testkit simulator, BTYD day convention in
 * weeks), with P(alive) and 39-week conditional expectations for every customer; and Pareto/NBD
 * fitted on the CDNOW sample (2,357 customers; read from {@code ../shared/data}, path in the
 * system property {@code crmkit.shared.data}). Summarising orders is not timed (see
 * {@link PurchaseSummaryBenchmark}); one operation starts from the BTYD view.
 *
 * <p>Run: {@code java -Dcrmkit.shared.data=../shared/data -jar benchmarks/target/benchmarks.jar ClvBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class ClvBenchmark {

    /** Number of simulated customers for BG/NBD. */
    @Param("1000000")
    public int customers;

    private io.crmkit.core.history.BtydView simulated;
    private BtydData simulatedData;
    private BtydData cdnow;

    /** Simulates the customers and reads CDNOW once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(customers)
                .acquisition(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-03-25T00:00:00Z"))
                .observationEnd(Instant.parse("2024-10-01T00:00:00Z")).seed(20261122L).build();
        simulated = PurchaseHistory.summarize(sim.orders(),
                PurchaseHistoryOptions.btydConvention(LocalDate.of(2024, 9, 30), ZoneOffset.UTC, PeriodUnit.WEEKS))
                .btyd();
        simulatedData = BtydData.of(simulated);
        cdnow = BtydData.of(PurchaseHistory.summarize(cdnowOrders(),
                PurchaseHistoryOptions.btydConvention(LocalDate.of(1997, 9, 30), ZoneOffset.UTC, PeriodUnit.WEEKS))
                .btyd());
        System.out.printf("%n%s; %s%n", simulatedData, cdnow);
    }

    private static List<Order> cdnowOrders() {
        Path file = Path.of(System.getProperty("crmkit.shared.data", "../shared/data"), "cdnow", "CDNOW_sample.txt");
        Currency usd = Currency.getInstance("USD");
        List<Order> orders = new ArrayList<>();
        try {
            int line = 0;
            for (String row : Files.readAllLines(file)) {
                line++;
                String[] f = row.trim().split("\\s+");
                orders.add(Order.of(OrderId.of("L" + line), CustomerId.of(String.valueOf(Integer.parseInt(f[1]))),
                        LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        Money.of(new BigDecimal(f[4]), usd)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CDNOW sample not found at " + file + " (set -Dcrmkit.shared.data)", e);
        }
        return orders;
    }

    /**
     * BG/NBD on one million customers: compress to patterns, fit (default options: up to 3
     * starts, stop when 2 agree), then P(alive) and 39-week expectations per customer.
     *
     * @return the expectations
     */
    @Benchmark
    public double[] bgNbdFitAndPredictMillion() {
        BtydData data = BtydData.of(simulated);
        BgNbdModel m = BgNbdModel.fit(data);
        double[] alive = m.probabilityAlive(data);
        double[] e = m.conditionalExpectedTransactions(data, Horizon.of(39, PeriodUnit.WEEKS));
        e[0] += alive[0] * 0;
        return e;
    }

    /**
     * BG/NBD fit only, one start, on the precompressed patterns.
     *
     * @return the model
     */
    @Benchmark
    public BgNbdModel bgNbdFitMillionSingleStart() {
        return BgNbdModel.fit(simulatedData, FitOptions.defaults().withStarts(1, 1));
    }

    /**
     * Pareto/NBD fit on CDNOW (default options).
     *
     * @return the model
     */
    @Benchmark
    public ParetoNbdModel paretoNbdFitCdnow() {
        return ParetoNbdModel.fit(cdnow);
    }

    /**
     * Pareto/NBD fit on CDNOW with a single start (the work lifetimes does).
     *
     * @return the model
     */
    @Benchmark
    public ParetoNbdModel paretoNbdFitCdnowSingleStart() {
        return ParetoNbdModel.fit(cdnow, FitOptions.defaults().withStarts(1, 1));
    }
}
