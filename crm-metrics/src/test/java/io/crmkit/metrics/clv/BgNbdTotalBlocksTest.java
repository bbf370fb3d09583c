package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD total log-likelihood in blocks: summed on two threads or on one (from a pool's thread)
 * it is the same to the bit, and it is the sum of the patterns' log-likelihoods; the gradient is
 * the same on both paths and matches central differences.
 */
class BgNbdTotalBlocksTest {

    /** Patterns sorted by x: x from 0 to 30, t_x at most T, weights 1 to 5. */
    private static double[][] patterns(int n, long seed) {
        Random random = new Random(seed);
        double[] xs = new double[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int x = (int) ((long) i * 31 / n);
            double t = 1 + random.nextInt(500) / 7.0;
            xs[i] = x;
            bigT[i] = t;
            tx[i] = x == 0 ? 0 : t * random.nextDouble();
            w[i] = 1 + random.nextInt(5);
        }
        return new double[][] {xs, tx, bigT, w};
    }

    private static int[] ints(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    @Test
    void twoThreadsAndOneGiveTheSameBitsAndThePlainSum() {
        int n = BgNbdMath.PARALLEL_MIN + 12_345;
        for (boolean modified : new boolean[] {false, true}) {
            double[][] p = patterns(n, modified ? 7 : 11);
            int[] xs = ints(p[0]);
            double[] theta = {0.24, 4.4, 0.79, 2.4};
            double[] gradTwo = new double[4];
            double two = BgNbdMath.total(modified, theta, xs, p[1], p[2], p[3], gradTwo);
            double[] gradOne = new double[4];
            // from a pool's thread (a CompletableFuture's join waits, where a ForkJoinTask's get may run
            // the task on this thread)
            ForkJoinPool pool = new ForkJoinPool(1);
            double one;
            try {
                one = CompletableFuture.supplyAsync(() -> {
                    assertThat(Thread.currentThread()).isInstanceOf(ForkJoinWorkerThread.class);
                    return BgNbdMath.total(modified, theta, xs, p[1], p[2], p[3], gradOne);
                }, pool).join();
            } finally {
                pool.shutdown();
            }
            assertThat(Double.doubleToRawLongBits(two)).isEqualTo(Double.doubleToRawLongBits(one));
            assertThat(gradTwo).containsExactly(gradOne);
            double plain = 0;
            for (int i = 0; i < n; i++) {
                plain += p[3][i] * BgNbdMath.logLikelihood(modified, theta[0], theta[1], theta[2], theta[3], xs[i],
                        p[1][i], p[2][i]);
            }
            assertThat(two).isCloseTo(plain, within(1e-9 * Math.abs(plain)));
            for (int j = 0; j < 4; j++) {
                double h = 1e-6 * theta[j];
                double[] up = theta.clone();
                double[] down = theta.clone();
                up[j] += h;
                down[j] -= h;
                double numeric = (BgNbdMath.total(modified, up, xs, p[1], p[2], p[3], null)
                        - BgNbdMath.total(modified, down, xs, p[1], p[2], p[3], null)) / (2 * h);
                assertThat(gradTwo[j]).as("d/d theta[%d]", j)
                        .isCloseTo(numeric, within(1e-5 * (Math.abs(numeric) + n)));
            }
        }
    }
}
