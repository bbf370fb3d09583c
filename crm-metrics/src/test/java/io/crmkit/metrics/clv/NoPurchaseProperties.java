package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link TransactionModel#probabilityNoTransactions}: range and monotonicity properties, a
 * hand-worked BG/NBD value (its formula is the implementation's, written out; the worked number
 * 0.52201 is the independent part), the Pareto/NBD form against a one-dimensional composite
 * Simpson integral of the same first-purchase density in the time variable (it checks the
 * substitution and the quadrature, not the derivation), and Monte-Carlo simulations from each of
 * the four models (customers drawn from the model with a fixed seed; predicted against observed
 * share without a purchase in {@code (T, T + t]}), which check the derivation independently.
 */
class NoPurchaseProperties {

    /** Published CDNOW estimates in weeks (Fader, Hardie and Lee 2005; Fader, Hardie and Lee 2005b). */
    static final ParetoNbdModel PARETO = ParetoNbdModel.of(0.5533, 10.5776, 0.6061, 11.6650, PeriodUnit.WEEKS);
    static final BgNbdModel BG = BgNbdModel.of(0.2426, 4.4135, 0.7930, 2.4259, PeriodUnit.WEEKS);
    static final MbgNbdModel MBG = MbgNbdModel.of(0.2426, 4.4135, 0.7930, 2.4259, PeriodUnit.WEEKS);
    static final NbdModel NBD = NbdModel.of(0.385, 12.0, PeriodUnit.WEEKS);
    static final List<TransactionModel> MODELS = List.of(PARETO, BG, MBG, NBD);

    @Property(tries = 300)
    void probabilityIsInRangeAndOneAtZeroHorizon(@ForAll @IntRange(min = 0, max = 3) int which,
            @ForAll @IntRange(min = 0, max = 200) int x, @ForAll @DoubleRange(min = 0, max = 1) double txShare,
            @ForAll @DoubleRange(min = 0, max = 400) double bigT, @ForAll @DoubleRange(min = 0, max = 500) double t) {
        TransactionModel m = MODELS.get(which);
        double tx = x == 0 ? 0 : txShare * bigT;
        double p = m.probabilityNoTransactions(x, tx, bigT, t);
        assertThat(p).isBetween(0.0, 1.0);
        assertThat(m.probabilityNoTransactions(x, tx, bigT, 0)).isEqualTo(1.0);
        // the decomposition the bulk callers use
        double alive = m.probabilityAlive(x, tx, bigT);
        assertThat(p).isCloseTo(1 - alive + alive * m.probabilityNoTransactionsIfAlive(x, bigT, t), within(1e-12));
        // at least the chance of being dead already
        assertThat(p).isGreaterThanOrEqualTo(1 - m.probabilityAlive(x, tx, bigT) - 1e-12);
    }

    @Property(tries = 200)
    void probabilityDoesNotIncreaseWithTheHorizon(@ForAll @IntRange(min = 0, max = 3) int which,
            @ForAll @IntRange(min = 0, max = 60) int x, @ForAll @DoubleRange(min = 0, max = 1) double txShare,
            @ForAll @DoubleRange(min = 0.5, max = 200) double bigT, @ForAll @DoubleRange(min = 0, max = 200) double t,
            @ForAll @DoubleRange(min = 0, max = 100) double more) {
        TransactionModel m = MODELS.get(which);
        double tx = x == 0 ? 0 : txShare * bigT;
        assertThat(m.probabilityNoTransactions(x, tx, bigT, t + more))
                .isLessThanOrEqualTo(m.probabilityNoTransactions(x, tx, bigT, t) + 1e-9);
    }

    @Property(tries = 200)
    void paretoPurchaseAtTheEndNeverRaisesTheProbability(@ForAll @IntRange(min = 0, max = 60) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double txShare, @ForAll @DoubleRange(min = 0.5, max = 200) double bigT,
            @ForAll @DoubleRange(min = 0.1, max = 200) double t) {
        double tx = x == 0 ? 0 : txShare * bigT;
        assertThat(PARETO.probabilityNoTransactions(x + 1, bigT, bigT, t))
                .isLessThanOrEqualTo(PARETO.probabilityNoTransactions(x, tx, bigT, t) + 1e-9);
    }

    @Property(tries = 100)
    void paretoWithoutDropOutTendsToTheNbd(@ForAll @IntRange(min = 0, max = 30) int x,
            @ForAll @DoubleRange(min = 0.5, max = 100) double bigT, @ForAll @DoubleRange(min = 0.1, max = 100) double t) {
        // s -> 0: no drop-out; P(alive) -> 1 and the integrand -> 1
        ParetoNbdModel nearlyNbd = ParetoNbdModel.of(0.55, 10.6, 1e-9, 11.7, PeriodUnit.WEEKS);
        NbdModel nbd = NbdModel.of(0.55, 10.6, PeriodUnit.WEEKS);
        double tx = x == 0 ? 0 : bigT;
        assertThat(nearlyNbd.probabilityNoTransactions(x, tx, bigT, t))
                .isCloseTo(nbd.probabilityNoTransactions(x, tx, bigT, t), within(1e-6));
    }

    /**
     * The Pareto/NBD {@code P(some | alive)} against the same integral in another variable,
     * {@code w = 1 - (b1 / (b1 + v))^a1} (the form used before the change of variable), over random
     * parameters and histories up to 500 repeat purchases, where the density of the first purchase
     * is steep and the range of the model's variable is cut.
     */
    @Property(tries = 300)
    void paretoSomeIfAliveAgreesWithTheIntegralInAnotherVariable(@ForAll @DoubleRange(min = 0.05, max = 5) double r,
            @ForAll @DoubleRange(min = 0.1, max = 200) double alpha, @ForAll @DoubleRange(min = 0.01, max = 5) double s,
            @ForAll @DoubleRange(min = 0.1, max = 500) double beta, @ForAll @IntRange(min = 0, max = 500) int x,
            @ForAll @DoubleRange(min = 0, max = 300) double bigT, @ForAll @DoubleRange(min = 0.01, max = 500) double t) {
        double a1 = r + x;
        double b1 = alpha + bigT;
        double b2 = beta + bigT;
        double upper = -Math.expm1(-a1 * Math.log1p(t / b1));
        double c = b1 / b2;
        double reference = Quadrature.integrate(w -> Math.exp(-s * Math.log1p(c * Math.expm1(-Math.log1p(-w) / a1))),
                0, upper, 1e-12);
        double some = NoPurchase.someIfAlivePareto(a1, b1, s, b2, t);
        assertThat(some).isBetween(0.0, upper);
        assertThat(some).isCloseTo(reference, within(1e-9 * reference + 1e-300));
    }

    @Example
    void bgNbdByHand() {
        // x = 2, t_x = 20, T = 30, t = 26 weeks:
        // P(alive) = 1 / (1 + a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))
        double r = 0.2426;
        double alpha = 4.4135;
        double a = 0.7930;
        double b = 2.4259;
        double alive = 1 / (1 + a / (b + 1) * Math.pow((alpha + 30) / (alpha + 20), r + 2));
        double expected = 1 - alive + alive * Math.pow((alpha + 30) / (alpha + 56), r + 2);
        assertThat(BG.probabilityAlive(2, 20, 30)).isCloseTo(alive, within(1e-12));
        assertThat(BG.probabilityNoTransactions(2, 20, 30, 26)).isCloseTo(expected, within(1e-12));
        // worked by hand: P(alive) = 0.66672, P(none | alive) = 0.28307, so 1 - 0.66672 + 0.66672 * 0.28307
        assertThat(expected).isCloseTo(0.52201, within(1e-5));
    }

    /**
     * An independent route: the first-purchase density after {@code T} integrated in the time
     * variable itself, {@code int_0^t (a1 / b1) (b1 / (b1 + v))^(a1 + 1) (b2 / (b2 + v))^s dv}, by
     * composite Simpson with 20,000 panels (the model substitutes and uses adaptive Gauss-Legendre).
     */
    @Example
    void paretoMatchesAnIndependentNumericIntegral() {
        double[][] cases = {{0, 0, 30, 26}, {1, 10, 39, 26}, {4, 35, 39, 39}, {12, 20, 60, 10}, {2, 1, 70, 52},
            {0, 0, 0.5, 200}, {40, 38, 39, 26}};
        for (double[] c : cases) {
            int x = (int) c[0];
            double a1 = PARETO.r() + x;
            double b1 = PARETO.alpha() + c[2];
            double b2 = PARETO.beta() + c[2];
            double t = c[3];
            int panels = 20_000;
            double h = t / panels;
            double sum = 0;
            for (int k = 0; k <= panels; k++) {
                double v = k * h;
                double f = a1 / b1 * Math.pow(b1 / (b1 + v), a1 + 1) * Math.pow(b2 / (b2 + v), PARETO.s());
                sum += f * (k == 0 || k == panels ? 1 : k % 2 == 1 ? 4 : 2);
            }
            double some = sum * h / 3;
            double expected = 1 - PARETO.probabilityAlive(x, c[1], c[2]) * some;
            assertThat(PARETO.probabilityNoTransactions(x, c[1], c[2], t)).as("case x=%d tx=%s T=%s t=%s", x, c[1],
                    c[2], t).isCloseTo(expected, within(1e-8));
        }
    }

    @Example
    void paretoMatchesASimulationFromTheModel() {
        checkSimulation(PARETO, "pareto", 200_000, 11L);
    }

    @Example
    void bgNbdMatchesASimulationFromTheModel() {
        checkSimulation(BG, "bg", 200_000, 12L);
    }

    @Example
    void mbgNbdMatchesASimulationFromTheModel() {
        // MBG/NBD: a customer may also drop out at time 0, before any purchase
        checkSimulation(MBG, "mbg", 200_000, 13L);
    }

    @Example
    void nbdMatchesASimulationFromTheModel() {
        // NBD: no drop-out; P(none) = ((alpha + T) / (alpha + T + t))^(r + x)
        checkSimulation(NBD, "nbd", 200_000, 14L);
    }

    /**
     * Simulates customers from the model over 39 weeks of observation and a 26-week horizon;
     * the mean predicted probability must match the observed share without a purchase, overall
     * and in five bands of the prediction, within four standard errors.
     */
    static void checkSimulation(TransactionModel m, String kind, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double bigT = 39;
        double t = 26;
        double[] sumPredicted = new double[5];
        double[] sumObserved = new double[5];
        int[] count = new int[5];
        double[] params = m.parameters().stream().mapToDouble(Estimate::value).toArray();
        for (int k = 0; k < n; k++) {
            double lambda = gamma(rng, params[0]) / params[1];
            double life;
            if (kind.equals("pareto")) {
                double mu = gamma(rng, params[2]) / params[3];
                life = -Math.log(1 - rng.nextDouble()) / mu;
            } else if (kind.equals("nbd")) {
                life = Double.POSITIVE_INFINITY;
            } else {
                double p = beta(rng, params[2], params[3]);
                life = Double.POSITIVE_INFINITY;
                // drop-out after each purchase with probability p: decided as purchases happen
                double time = 0;
                int x = 0;
                double tx = 0;
                boolean alive = !(kind.equals("mbg") && rng.nextDouble() < p);
                boolean boughtInHorizon = false;
                while (alive) {
                    time += -Math.log(1 - rng.nextDouble()) / lambda;
                    if (time > bigT + t) {
                        break;
                    }
                    if (time <= bigT) {
                        x++;
                        tx = time;
                    } else {
                        boughtInHorizon = true;
                        break;
                    }
                    if (rng.nextDouble() < p) {
                        alive = false;
                    }
                }
                record(m, x, tx, bigT, t, boughtInHorizon, sumPredicted, sumObserved, count);
                continue;
            }
            double time = 0;
            int x = 0;
            double tx = 0;
            boolean boughtInHorizon = false;
            while (true) {
                time += -Math.log(1 - rng.nextDouble()) / lambda;
                if (time > life || time > bigT + t) {
                    break;
                }
                if (time <= bigT) {
                    x++;
                    tx = time;
                } else {
                    boughtInHorizon = true;
                    break;
                }
            }
            record(m, x, tx, bigT, t, boughtInHorizon, sumPredicted, sumObserved, count);
        }
        double allPredicted = 0;
        double allObserved = 0;
        for (int b = 0; b < 5; b++) {
            allPredicted += sumPredicted[b];
            allObserved += sumObserved[b];
            if (count[b] > 2000) {
                double mean = sumPredicted[b] / count[b];
                double se = Math.sqrt(Math.max(mean * (1 - mean), 1e-4) / count[b]);
                assertThat(sumObserved[b] / count[b]).as("band %d of %s (%d customers)", b, m.name(), count[b])
                        .isCloseTo(mean, within(4 * se));
            }
        }
        double mean = allPredicted / n;
        assertThat(allObserved / n).isCloseTo(mean, within(4 * Math.sqrt(mean * (1 - mean) / n)));
    }

    private static void record(TransactionModel m, int x, double tx, double bigT, double t, boolean bought,
            double[] sumPredicted, double[] sumObserved, int[] count) {
        double p = m.probabilityNoTransactions(x, tx, bigT, t);
        int band = Math.min(4, (int) (p * 5));
        sumPredicted[band] += p;
        sumObserved[band] += bought ? 0 : 1;
        count[band]++;
    }

    /** Marsaglia-Tsang gamma(shape, 1), with the shape < 1 boost. */
    static double gamma(SplittableRandom rng, double shape) {
        if (shape < 1) {
            return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(rng);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double beta(SplittableRandom rng, double a, double b) {
        double g1 = gamma(rng, a);
        return g1 / (g1 + gamma(rng, b));
    }

    static double normal(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
