package io.crmkit.benchmarks;

import io.crmkit.core.order.Order;
import io.crmkit.segmentation.lifecycle.ChurnRiskReport;
import io.crmkit.segmentation.lifecycle.ChurnWarning;
import io.crmkit.segmentation.lifecycle.EngagementHistory;
import io.crmkit.segmentation.lifecycle.ForecastOptions;
import io.crmkit.segmentation.lifecycle.Lifecycle;
import io.crmkit.segmentation.lifecycle.LifecycleReport;
import io.crmkit.segmentation.lifecycle.NextPurchase;
import io.crmkit.segmentation.lifecycle.NextPurchaseReport;
import io.crmkit.segmentation.lifecycle.PurchaseTimelines;
import io.crmkit.segmentation.lifecycle.RhythmOptions;
import io.crmkit.segmentation.lifecycle.StageOptions;
import io.crmkit.segmentation.lifecycle.StageThresholds;
import io.crmkit.segmentation.lifecycle.TimelineOptions;
import io.crmkit.segmentation.lifecycle.WarningOptions;
import java.time.LocalDate;
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
 * Lifecycle analyses of issue 6 on the simulated base of {@code customers} customers with about
 * ten orders each (1 million customers, about 10 million orders), as of the simulation's end.
 *
 * <ul>
 *   <li>{@code timelines}: building the purchase-day timelines from the in-memory orders.</li>
 *   <li>{@code stages}: lifecycle stages with rhythm-relative thresholds.</li>
 *   <li>{@code warnings}: the churn warning with the default signals (overdue, decline), ranked.</li>
 *   <li>{@code nextPurchase}: next-purchase forecasts of every repeat customer.</li>
 *   <li>{@code allThree}: stages, warnings and forecasts on one timeline.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LifecycleBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms12g", "-Xmx12g", "-XX:+UseParallelGC"})
public class LifecycleBenchmark {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    /** Number of simulated customers. */
    @Param("1000000")
    public int customers;

    private List<Order> orders;
    private PurchaseTimelines timelines;
    private StageOptions stages;
    private WarningOptions warnings;
    private ForecastOptions forecast;

    /** Generates the orders and builds the timelines once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        orders = SyntheticOrders.orders(customers, 20261122L);
        timelines = PurchaseTimelines.of(orders.stream(), TimelineOptions.defaults());
        stages = new StageOptions(AS_OF, new StageThresholds.Relative(2, 4, RhythmOptions.defaults()));
        warnings = WarningOptions.builder(AS_OF).build();
        forecast = new ForecastOptions(AS_OF, 0.8);
        System.out.printf("%n%d orders of %d customers, %s%n", orders.size(), customers, timelines);
    }

    /**
     * Builds the timelines from ten million orders.
     *
     * @return the timelines
     */
    @Benchmark
    public PurchaseTimelines timelines() {
        return PurchaseTimelines.of(orders.stream(), TimelineOptions.defaults());
    }

    /**
     * Assigns one million customers their stage.
     *
     * @return the report
     */
    @Benchmark
    public LifecycleReport stages() {
        return Lifecycle.assign(timelines, stages);
    }

    /**
     * Assesses one million customers' churn risk.
     *
     * @return the report
     */
    @Benchmark
    public ChurnRiskReport warnings() {
        return ChurnWarning.score(timelines, EngagementHistory.none(), warnings);
    }

    /**
     * Forecasts every repeat customer's next purchase.
     *
     * @return the report
     */
    @Benchmark
    public NextPurchaseReport nextPurchase() {
        return NextPurchase.forecast(timelines, forecast);
    }

    /**
     * Stages, warnings and forecasts together.
     *
     * @return the number of warnings, so that nothing is optimised away
     */
    @Benchmark
    public int allThree() {
        Lifecycle.assign(timelines, stages);
        int w = ChurnWarning.score(timelines, EngagementHistory.none(), warnings).warnings().size();
        return w + NextPurchase.forecast(timelines, forecast).forecasts().size();
    }
}
