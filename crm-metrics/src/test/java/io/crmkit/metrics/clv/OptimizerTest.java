package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The optimiser every BTYD fit runs, on functions whose minima are known by hand: BFGS on a
 * quadratic and on Rosenbrock's valley, Nelder-Mead alone, the fallback to Nelder-Mead when BFGS
 * cannot start, several starts (which run counts as best, when to stop, which runs agree, a flat
 * ridge towards a limit), a function defined nowhere, and the Cholesky inverse of the covariance.
 * The fits' own tests reach only the paths real likelihoods take.
 */
class OptimizerTest {

    private static final Optimizer.Settings SETTINGS = new Optimizer.Settings(1e-8, 1_000, 1);

    /** An objective with an analytic gradient. */
    private static Objective analytic(int n, Function<double[], Double> value,
            BiFunction<double[], double[], double[]> gradient) {
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                if (g != null) {
                    System.arraycopy(gradient.apply(x, g), 0, g, 0, n);
                }
                return value.apply(x);
            }
        };
    }

    /** An objective without gradient (the optimiser differentiates it numerically). */
    private static Objective valueOnly(int n, Function<double[], Double> value) {
        return new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                return value.apply(x);
            }

            @Override
            public boolean hasGradient() {
                return false;
            }
        };
    }

    /** (x - 1)^2 + 10 (y + 2)^2 + 3 (z - 0.5)^2 + (x - 1)(y + 2) + 7: minimum 7 at (1, -2, 0.5). */
    private static final Objective QUADRATIC = analytic(3,
            x -> sq(x[0] - 1) + 10 * sq(x[1] + 2) + 3 * sq(x[2] - 0.5) + (x[0] - 1) * (x[1] + 2) + 7,
            (x, g) -> new double[] {2 * (x[0] - 1) + (x[1] + 2), 20 * (x[1] + 2) + (x[0] - 1), 6 * (x[2] - 0.5)});

    private static double sq(double v) {
        return v * v;
    }

    @Test
    void bfgsFindsTheMinimumOfAQuadratic() {
        Optimizer.Result r = Optimizer.minimize(QUADRATIC, new double[][] {{4, 4, 4}}, SETTINGS);
        assertThat(r.status()).isEqualTo(Optimizer.Status.CONVERGED);
        assertThat(r.method()).isEqualTo("BFGS");
        assertThat(r.x()[0]).isCloseTo(1, within(1e-7));
        assertThat(r.x()[1]).isCloseTo(-2, within(1e-7));
        assertThat(r.x()[2]).isCloseTo(0.5, within(1e-7));
        assertThat(r.value()).isCloseTo(7, within(1e-12));
        assertThat(r.gradientNorm()).isLessThanOrEqualTo(1e-8);
        // BFGS on a quadratic of three variables: a handful of iterations, not a crawl
        assertThat(r.iterations()).isBetween(1, 30);
        assertThat(r.evaluations()).isGreaterThan(r.iterations());
        assertThat(r.startsRun()).isEqualTo(1);
        assertThat(r.startsAgreeing()).isEqualTo(1);
    }

    @Test
    void bfgsFollowsRosenbrocksValleyWithANumericGradient() {
        Objective rosenbrock = valueOnly(2, x -> sq(1 - x[0]) + 100 * sq(x[1] - x[0] * x[0]));
        Optimizer.Result r = Optimizer.minimize(rosenbrock, new double[][] {{-1.2, 1}},
                new Optimizer.Settings(1e-6, 2_000, 1));
        assertThat(r.status()).isEqualTo(Optimizer.Status.CONVERGED);
        assertThat(r.x()[0]).isCloseTo(1, within(1e-4));
        assertThat(r.x()[1]).isCloseTo(1, within(1e-4));
        assertThat(r.value()).isLessThan(1e-8);
    }

    @Test
    void theIterationBudgetEndsARunThatHasNotConverged() {
        Objective rosenbrock = valueOnly(2, x -> sq(1 - x[0]) + 100 * sq(x[1] - x[0] * x[0]));
        Optimizer.Run run = Optimizer.bfgs(Objective.withNumericGradient(rosenbrock), new double[] {-1.2, 1},
                new Optimizer.Settings(1e-10, 3, 1));
        assertThat(run.status).isEqualTo(Optimizer.Status.MAX_ITERATIONS);
        assertThat(run.iterations).isEqualTo(3);
        // three accepted steps went downhill from the start's 24.2
        assertThat(run.f).isLessThan(24.2).isGreaterThan(0);
    }

    @Test
    void nelderMeadAloneFindsTheMinimum() {
        Optimizer.Run run = Optimizer.nelderMead(QUADRATIC, new double[] {4, 4, 4}, SETTINGS);
        // Nelder-Mead has no gradient test of its own: it ends when the simplex's values agree
        assertThat(run.status).isEqualTo(Optimizer.Status.MAX_ITERATIONS);
        assertThat(run.method).isEqualTo("Nelder-Mead");
        assertThat(run.f).isCloseTo(7, within(1e-9));
        assertThat(run.x[0]).isCloseTo(1, within(1e-3));
        assertThat(run.x[1]).isCloseTo(-2, within(1e-3));
        assertThat(run.x[2]).isCloseTo(0.5, within(1e-3));
        // the gradient is evaluated at the end: small, but not to BFGS's tolerance
        assertThat(Optimizer.normInf(run.g)).isLessThan(1e-2);
        assertThat(run.iterations).isPositive().isLessThan(2_000);
        assertThat(run.evaluations).isGreaterThan(run.iterations);
    }

    @Test
    void nelderMeadShrinksTowardsTheBestVertexWhenNothingElseHelps() {
        // |x| + |y|: a kink at the minimum, where reflections and contractions alone stall
        Objective kink = valueOnly(2, x -> Math.abs(x[0]) + Math.abs(x[1]));
        Optimizer.Run run = Optimizer.nelderMead(kink, new double[] {0.3, -0.2}, SETTINGS);
        assertThat(run.f).isLessThan(1e-9);
        assertThat(Math.abs(run.x[0]) + Math.abs(run.x[1])).isLessThan(1e-9);
    }

    @Test
    void whereBfgsCannotStartNelderMeadLeadsItIntoTheDomain() {
        // defined only for x > 0: the start (-0.2, 3) is outside, its neighbour (0.3, 3) inside
        Objective halfPlane = valueOnly(2, x -> x[0] <= 0 ? Double.NaN : sq(Math.log(x[0]) - 1) + sq(x[1] - 2));
        Optimizer.Result r = Optimizer.minimize(halfPlane, new double[][] {{-0.2, 3}}, SETTINGS);
        assertThat(r.method()).isEqualTo("Nelder-Mead then BFGS");
        assertThat(r.status()).isEqualTo(Optimizer.Status.CONVERGED);
        assertThat(r.x()[0]).isCloseTo(Math.E, within(1e-5));
        assertThat(r.x()[1]).isCloseTo(2, within(1e-6));
        // the failed BFGS start, Nelder-Mead and the polishing BFGS are all counted
        assertThat(r.evaluations()).isGreaterThan(r.iterations());
    }

    /** Rosenbrock's function with its analytic gradient: minimum 0 at (1, 1), a curved valley. */
    private static final Objective ROSENBROCK = analytic(2, x -> sq(1 - x[0]) + 100 * sq(x[1] - x[0] * x[0]),
            (x, g) -> new double[] {-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]), 200 * (x[1] - x[0] * x[0])});

    @Test
    void bothMethodsTakeTheStepsTheTextbookMethodsTake() {
        // bounds at about 1.5 times what the methods take (deterministic: 16, 53, 195 and 187
        // evaluations): a mutated reflection, expansion, contraction, shrink, line search or update
        // still often converges, but not this fast
        Optimizer.Run quadratic = Optimizer.bfgs(QUADRATIC, new double[] {4, 4, 4}, SETTINGS);
        assertThat(quadratic.status).isEqualTo(Optimizer.Status.CONVERGED);
        assertThat(quadratic.evaluations).isLessThanOrEqualTo(25);
        Optimizer.Run valley = Optimizer.bfgs(ROSENBROCK, new double[] {-1.2, 1}, SETTINGS);
        assertThat(valley.status).isEqualTo(Optimizer.Status.CONVERGED);
        assertThat(valley.f).isLessThan(1e-16);
        assertThat(valley.evaluations).isLessThanOrEqualTo(80);
        assertThat(valley.iterations).isLessThanOrEqualTo(65);
        Optimizer.Run simplex = Optimizer.nelderMead(QUADRATIC, new double[] {4, 4, 4}, SETTINGS);
        assertThat(simplex.evaluations).isLessThanOrEqualTo(300);
        Optimizer.Run simplexValley = Optimizer.nelderMead(ROSENBROCK, new double[] {-1.2, 1}, SETTINGS);
        assertThat(simplexValley.f).isLessThan(1e-12);
        assertThat(simplexValley.x[0]).isCloseTo(1, within(1e-5));
        assertThat(simplexValley.x[1]).isCloseTo(1, within(1e-5));
        assertThat(simplexValley.evaluations).isLessThanOrEqualTo(300);
    }

    @Test
    void whereNoStepDecreasesTheValueAnyMoreTheRunStalls() {
        // a value that no step changes while the gradient says 1: far above both the tolerance and
        // what rounding of the value could explain, so the run has stalled, not converged
        Objective flat = analytic(2, x -> 3.0, (x, g) -> new double[] {1, -1});
        Optimizer.Run run = Optimizer.bfgs(flat, new double[] {0.5, 0.5}, SETTINGS);
        assertThat(run.status).isEqualTo(Optimizer.Status.STALLED);
        assertThat(run.f).isEqualTo(3.0);
        // the only steps "accepted" are those too short to change the value in floating point
        assertThat(run.x[0]).isCloseTo(0.5, within(1e-9));
        assertThat(run.x[1]).isCloseTo(0.5, within(1e-9));
        // the same where the claimed slope is below what the value resolves: converged
        Objective resolved = analytic(2, x -> 3.0, (x, g) -> new double[] {1e-14, 0});
        Optimizer.Run quiet = Optimizer.bfgs(resolved, new double[] {0.5, 0.5},
                new Optimizer.Settings(1e-20, 1_000, 1));
        assertThat(quiet.status).isEqualTo(Optimizer.Status.CONVERGED);
        // the optimiser then tries Nelder-Mead, which cannot do better either
        Optimizer.Result r = Optimizer.minimize(flat, new double[][] {{0.5, 0.5}}, SETTINGS);
        assertThat(r.status()).isEqualTo(Optimizer.Status.STALLED);
        assertThat(r.value()).isEqualTo(3.0);
    }

    @Test
    void aFunctionDefinedNowhereFails() {
        Objective nowhere = valueOnly(2, x -> Double.POSITIVE_INFINITY);
        Optimizer.Result r = Optimizer.minimize(nowhere, new double[][] {{0, 0}, {1, 1}}, SETTINGS);
        assertThat(r.status()).isEqualTo(Optimizer.Status.FAILED);
        assertThat(r.value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.gradientNorm()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.startsRun()).isEqualTo(2);
        Optimizer.Run run = Optimizer.bfgs(Objective.withNumericGradient(nowhere), new double[] {0, 0}, SETTINGS);
        assertThat(run.status).isEqualTo(Optimizer.Status.FAILED);
        assertThat(run.evaluations).isEqualTo(1);
    }

    /** (x^2 - 1)^2 + tilt x + y^2: two minima near x = -1 and x = +1, the lower one on the side the tilt favours. */
    private static Objective doubleWell(double tilt) {
        return analytic(2, x -> sq(x[0] * x[0] - 1) + tilt * x[0] + sq(x[1]),
                (x, g) -> new double[] {4 * x[0] * (x[0] * x[0] - 1) + tilt, 2 * x[1]});
    }

    @Test
    void ofSeveralStartsTheLowestMinimumWins() {
        // the first start falls into the higher well (near +1), the second into the lower one
        Optimizer.Result r = Optimizer.minimize(doubleWell(0.2), new double[][] {{2, 1}, {-2, 1}},
                new Optimizer.Settings(1e-10, 1_000, 2));
        assertThat(r.startsRun()).isEqualTo(2);
        assertThat(r.x()[0]).isCloseTo(-1.0241, within(1e-3));
        assertThat(r.value()).isLessThan(-0.19);
        assertThat(r.startsAgreeing()).isEqualTo(1);
        // and the other way round: the better first run is kept
        Optimizer.Result reversed = Optimizer.minimize(doubleWell(0.2), new double[][] {{-2, 1}, {2, 1}},
                new Optimizer.Settings(1e-10, 1_000, 2));
        assertThat(reversed.x()[0]).isCloseTo(-1.0241, within(1e-3));
        assertThat(reversed.value()).isEqualTo(r.value(), within(1e-12));
    }

    @Test
    void startsStopOnceEnoughAgree() {
        // (2, 1) ends in the other well; the others in the lower one
        double[][] starts = {{-2, 1}, {-1.5, -1}, {2, 1}, {-0.8, 0.3}};
        Optimizer.Result first = Optimizer.minimize(doubleWell(0.2), starts, new Optimizer.Settings(1e-10, 1_000, 1));
        assertThat(first.startsRun()).isEqualTo(1);
        Optimizer.Result two = Optimizer.minimize(doubleWell(0.2), starts, new Optimizer.Settings(1e-10, 1_000, 2));
        // the first two starts reach the same minimum: no need for the other two
        assertThat(two.startsRun()).isEqualTo(2);
        assertThat(two.startsAgreeing()).isEqualTo(2);
        Optimizer.Result three = Optimizer.minimize(doubleWell(0.2), starts, new Optimizer.Settings(1e-10, 1_000, 3));
        // the third start ends in the other well: the fourth is needed for three to agree
        assertThat(three.startsRun()).isEqualTo(4);
        assertThat(three.startsAgreeing()).isEqualTo(3);
        assertThat(three.iterations()).isGreaterThan(two.iterations());
    }

    @Test
    void runsThatEndOnAFlatRidgeTowardsTheLimitAgreeWhereverTheyEnd() {
        // exp(-(x + y)) + 5: its infimum 5 is only approached, along the ridge x + y -> infinity;
        // runs from different starts stop at different points of it
        Objective ridge = analytic(2, x -> Math.exp(-(x[0] + x[1])) + 5,
                (x, g) -> new double[] {-Math.exp(-(x[0] + x[1])), -Math.exp(-(x[0] + x[1]))});
        double[][] starts = {{0, 0}, {4, -6}};
        Optimizer.Result plain = Optimizer.minimize(ridge, starts, new Optimizer.Settings(1e-6, 1_000, 2));
        assertThat(plain.status()).isEqualTo(Optimizer.Status.CONVERGED);
        assertThat(plain.startsRun()).isEqualTo(2);
        // both end within 1e-6 of 5, far apart along the ridge: without a limit they do not agree
        assertThat(plain.startsAgreeing()).isEqualTo(1);
        Optimizer.Result limited = Optimizer.minimize(ridge, starts,
                new Optimizer.Settings(1e-6, 1_000, 2, 5.0, 1e-5));
        assertThat(limited.startsAgreeing()).isEqualTo(2);
        // runs that end more than the tolerance below the stated limit are not at it: no agreement
        Optimizer.Result below = Optimizer.minimize(ridge, starts,
                new Optimizer.Settings(1e-6, 1_000, 2, 6.0, 0.5));
        assertThat(below.startsAgreeing()).isEqualTo(1);
        Optimizer.Result within = Optimizer.minimize(ridge, starts,
                new Optimizer.Settings(1e-6, 1_000, 2, 6.0, 1.5));
        assertThat(within.startsAgreeing()).isEqualTo(2);
    }

    @Test
    void invertSpdInvertsAndRefusesWhatIsNotPositiveDefinite() {
        double[][] m = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 2}};
        double[][] inv = Optimizer.invertSpd(m);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += m[i][k] * inv[k][j];
                }
                assertThat(v).as("(M M^-1)[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(1e-14));
            }
        }
        assertThat(Optimizer.invertSpd(new double[][] {{1, 2}, {2, 1}})).isNull();
        assertThat(Optimizer.invertSpd(new double[][] {{0, 0}, {0, 1}})).isNull();
        assertThat(Optimizer.invertSpd(new double[][] {{Double.NaN}})).isNull();
        assertThat(Optimizer.invertSpd(new double[][] {{Double.POSITIVE_INFINITY}})).isNull();
        assertThat(Optimizer.invertSpd(new double[][] {{4}})[0][0]).isEqualTo(0.25);
    }
}
