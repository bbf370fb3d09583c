package io.crmkit.benchmarks;

import io.crmkit.metrics.finance.DatedCashFlow;
import io.crmkit.metrics.finance.Irr;
import io.crmkit.metrics.finance.Npv;
import io.crmkit.metrics.finance.RateResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * IRR, XIRR and NPV on long series ({@code periods} flows): a conventional series (an outlay, then
 * inflows: one sign change, the bracketing fast path) and a series with a terminal outflow (two
 * sign changes: the full scan for every root).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FinanceBenchmark {

    /** Length of the series. */
    @Param("5000")
    public int periods;

    private double[] conventional;
    private double[] twoSignChanges;
    private List<DatedCashFlow> dated;

    /** Builds the series. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        conventional = new double[periods];
        conventional[0] = -1_000_000;
        for (int t = 1; t < periods; t++) {
            conventional[t] = 500 + random.nextDouble() * 1_000;
        }
        twoSignChanges = conventional.clone();
        twoSignChanges[periods - 1] = -2_000_000;
        dated = new ArrayList<>(periods);
        LocalDate start = LocalDate.of(2000, 1, 1);
        for (int t = 0; t < periods; t++) {
            dated.add(DatedCashFlow.of(start.plusDays(3L * t + random.nextInt(3)), conventional[t]));
        }
    }

    /**
     * IRR with one sign change.
     *
     * @return the result
     */
    @Benchmark
    public RateResult irrConventional() {
        return Irr.irr(conventional);
    }

    /**
     * IRR with two sign changes (every root searched).
     *
     * @return the result
     */
    @Benchmark
    public RateResult irrTwoSignChanges() {
        return Irr.irr(twoSignChanges);
    }

    /**
     * XIRR of dated flows (irregular dates).
     *
     * @return the result
     */
    @Benchmark
    public RateResult xirr() {
        return Irr.xirr(dated);
    }

    /**
     * NPV in the time-zero convention.
     *
     * @return the value
     */
    @Benchmark
    public double npv() {
        return Npv.fromTimeZero(0.001, conventional);
    }
}
