package io.crmkit.benchmarks;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.metrics.clv.BgNbdModel;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.clv.ModelFitException;
import io.crmkit.metrics.clv.ParetoNbdModel;
import java.util.SplittableRandom;
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
 * BG/NBD against Pareto/NBD fits on heavy, real-shape data (issue 14): 3,300 customers simulated
 * from Pareto/NBD processes, most light buyers and a share of heavy ones (hundreds of purchases in
 * 26-104 weeks), with long silent tails after drop-out. Shapes:
 * <ul>
 *   <li>{@code mixed}: light buyers (r 0.5, alpha 5) who drop out slowly (s 0.05, beta 50), 5 %
 *       heavy buyers (about 5 a week) who never drop out;
 *   <li>{@code heavy-dropout}: light buyers with s 0.3, beta 20 and 20 % heavy buyers (3 a week);
 *   <li>{@code no-dropout}: nobody drops out (the fit ends at the boundary; timed until it says so);
 *   <li>{@code ridge}: light buyers without drop-out, 10 % heavy buyers who drop out at 0.002 a
 *       week (the shape that sent Pareto/NBD along beta -> infinity).
 * </ul>
 * One operation is one fit from the pattern data (a fit at the boundary ends in the exception
 * that reports it, which is the outcome timed).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HeavyClvBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
public class HeavyClvBenchmark {

    /** The data shape. */
    @Param({"mixed", "heavy-dropout", "no-dropout", "ridge"})
    public String shape;

    private BtydData data;

    /** Simulates the customers once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        data = switch (shape) {
            case "mixed" -> mix(3300, new double[] {0.5, 5, 0.05, 50, 0.05, 5, 0}, 7);
            case "heavy-dropout" -> mix(3300, new double[] {0.5, 5, 0.3, 20, 0.2, 3, 0}, 7);
            case "no-dropout" -> mix(3300, new double[] {0.7, 3, 0, 1, 0.1, 10, 0}, 7);
            case "ridge" -> mix(3300, new double[] {0.5, 5, 0, 50, 0.1, 5, 0.002}, 7);
            default -> throw new IllegalArgumentException("shape " + shape);
        };
    }

    /**
     * Fits BG/NBD.
     *
     * @return the log-likelihood reached
     */
    @Benchmark
    public double bgNbd() {
        try {
            return BgNbdModel.fit(data).fit().orElseThrow().logLikelihood();
        } catch (ModelFitException e) {
            return e.report().logLikelihood();
        }
    }

    /**
     * Fits Pareto/NBD.
     *
     * @return the log-likelihood reached
     */
    @Benchmark
    public double paretoNbd() {
        try {
            return ParetoNbdModel.fit(data).fit().orElseThrow().logLikelihood();
        } catch (ModelFitException e) {
            return e.report().logLikelihood();
        }
    }

    /** Light buyers from (r, alpha, s, beta) = p[0..3]; a share p[4] of heavy buyers with mean rate p[5], drop-out rate p[6]. */
    static BtydData mix(int n, double[] p, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int heavy = (int) (n * p[4]);
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        for (int i = 0; i < n; i++) {
            boolean h = i >= n - heavy;
            double lambda = h ? gamma(rnd, 20, 20 / p[5]) : gamma(rnd, p[0], p[1]);
            double mu = h ? p[6] : p[2] == 0 ? 0 : gamma(rnd, p[2], p[3]);
            double life = mu == 0 ? Double.POSITIVE_INFINITY : -Math.log(rnd.nextDouble()) / mu;
            double observed = 26 + 78 * rnd.nextDouble();
            double end = Math.min(life, observed);
            double t = -Math.log(rnd.nextDouble()) / lambda;
            while (t <= end) {
                x[i]++;
                tx[i] = t;
                t += -Math.log(rnd.nextDouble()) / lambda;
            }
            // to whole days, as exports give them
            tx[i] = Math.round(tx[i] * 7) / 7.0;
            bigT[i] = Math.round(observed * 7) / 7.0;
            tx[i] = Math.min(tx[i], bigT[i]);
        }
        return BtydData.ofCustomers(x, tx, bigT, PeriodUnit.WEEKS);
    }

    /** A Gamma(shape, rate) draw (Marsaglia and Tsang). */
    static double gamma(SplittableRandom rnd, double shape, double rate) {
        if (shape < 1) {
            return gamma(rnd, shape + 1, rate) * Math.pow(rnd.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = rnd.nextGaussian();
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            if (Math.log(rnd.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v / rate;
            }
        }
    }
}
