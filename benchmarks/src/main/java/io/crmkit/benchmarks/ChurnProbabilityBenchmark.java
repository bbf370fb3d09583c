package io.crmkit.benchmarks;

import io.crmkit.segmentation.lifecycle.ChurnBacktest;
import io.crmkit.segmentation.lifecycle.ChurnBacktestReport;
import io.crmkit.segmentation.lifecycle.ChurnModel;
import io.crmkit.segmentation.lifecycle.ChurnModelOptions;
import io.crmkit.segmentation.lifecycle.ChurnProbability;
import io.crmkit.segmentation.lifecycle.ChurnScores;
import io.crmkit.segmentation.lifecycle.EngagementHistory;
import io.crmkit.segmentation.lifecycle.PurchaseTimelines;
import io.crmkit.segmentation.lifecycle.RiskLevel;
import io.crmkit.segmentation.lifecycle.TimelineOptions;
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
 * The fitted churn probability of issue 15 on the simulated base of {@code customers} customers
 * (about ten orders each), 26-week horizon.
 *
 * <ul>
 *   <li>{@code score}: probabilities of every customer as of 2025-06-30 under a fitted model (the
 *       fit excluded): transaction-model probabilities, features, logits.</li>
 *   <li>{@code scoreAndList}: the same plus the ranked list of the high level with reasons.</li>
 *   <li>{@code fit}: the fit as of 2025-06-30: Pareto/NBD on every customer, features at the
 *       training date 2024-12-30, the regression.</li>
 *   <li>{@code backtest}: a backtest at 2025-06-30 (fit, score, AUC, Brier, deciles, precision
 *       and recall at k for the probability and three baselines, overall and among the active).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ChurnProbabilityBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
public class ChurnProbabilityBenchmark {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    /** Number of simulated customers. */
    @Param("1000000")
    public int customers;

    private PurchaseTimelines timelines;
    private ChurnModelOptions options;
    private ChurnModel model;

    /** Builds the timelines (streaming the simulated orders) and fits the model once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        timelines = PurchaseTimelines.of(SyntheticOrders.simulator(customers, 20261203L).orders(),
                TimelineOptions.defaults());
        options = ChurnModelOptions.builder(AS_OF, 182).build();
        long t0 = System.nanoTime();
        model = ChurnProbability.fit(timelines, EngagementHistory.none(), options);
        System.out.printf("%n%s; first fit %.0f ms%n%s%n", timelines, (System.nanoTime() - t0) / 1e6,
                model.describe());
    }

    /**
     * Scores every customer (fit excluded).
     *
     * @return the scores
     */
    @Benchmark
    public ChurnScores score() {
        return model.score(timelines, EngagementHistory.none());
    }

    /**
     * Scores every customer and lists the high level, ranked, with reasons.
     *
     * @return the size of the list
     */
    @Benchmark
    public int scoreAndList() {
        return model.score(timelines, EngagementHistory.none()).atLeast(RiskLevel.HIGH).size();
    }

    /**
     * Fits the model.
     *
     * @return the model
     */
    @Benchmark
    public ChurnModel fit() {
        return ChurnProbability.fit(timelines, EngagementHistory.none(), options);
    }

    /**
     * Backtests at one split.
     *
     * @return the report
     */
    @Benchmark
    public ChurnBacktestReport backtest() {
        return ChurnBacktest.run(timelines, EngagementHistory.none(), options, List.of(AS_OF), 90, 0.1);
    }
}
