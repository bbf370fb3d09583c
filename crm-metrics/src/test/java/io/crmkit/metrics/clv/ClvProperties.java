package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.testkit.simulation.BgNbdProcess;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * Properties of the fitted models: the estimate is a maximum, simulated parameters are
 * recovered, and predictions stay finite and in range for heavy buyers.
 */
class ClvProperties {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant ACQUIRED = Instant.parse("2024-03-25T00:00:00Z");
    private static final Instant END = Instant.parse("2025-06-30T00:00:00Z");

    private static BtydData small;
    private static List<TransactionModel> fitted;

    /** Simulated customers summarised on the exact clock (continuous times), in weeks. */
    static BtydView simulate(int customers, long seed, BgNbdProcess process) {
        CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(customers).acquisition(START, ACQUIRED)
                .observationEnd(END).process(process).seed(seed).build();
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.instant(END)).timeUnit(PeriodUnit.WEEKS)
                .build();
        return PurchaseHistory.summarize(sim.orders(), options).btyd();
    }

    private static synchronized List<TransactionModel> fitted() {
        if (fitted == null) {
            small = BtydData.of(simulate(3000, 7L, BgNbdProcess.CDNOW));
            fitted = List.of(BgNbdModel.fit(small), MbgNbdModel.fit(small), ParetoNbdModel.fit(small));
        }
        return fitted;
    }

    @Property(tries = 60)
    void fittedLogLikelihoodIsNotBelowItsValueAtPerturbations(@ForAll @IntRange(min = 0, max = 2) int which,
            @ForAll @DoubleRange(min = -0.3, max = 0.3) double d0, @ForAll @DoubleRange(min = -0.3, max = 0.3) double d1,
            @ForAll @DoubleRange(min = -0.3, max = 0.3) double d2, @ForAll @DoubleRange(min = -0.3, max = 0.3) double d3) {
        TransactionModel m = fitted().get(which);
        double[] t = m.parameters().stream().mapToDouble(Estimate::value).toArray();
        double[] f = {Math.exp(d0), Math.exp(d1), Math.exp(d2), Math.exp(d3)};
        TransactionModel perturbed = switch (m.name()) {
            case BgNbdModel.NAME -> BgNbdModel.of(t[0] * f[0], t[1] * f[1], t[2] * f[2], t[3] * f[3], m.unit());
            case MbgNbdModel.NAME -> MbgNbdModel.of(t[0] * f[0], t[1] * f[1], t[2] * f[2], t[3] * f[3], m.unit());
            default -> ParetoNbdModel.of(t[0] * f[0], t[1] * f[1], t[2] * f[2], t[3] * f[3], m.unit());
        };
        double best = m.fit().orElseThrow().logLikelihood();
        assertThat(perturbed.logLikelihood(small)).isLessThanOrEqualTo(best + 1e-8 * Math.abs(best));
    }

    /**
     * A statistical claim: with random seeds about one try in a hundred lands beyond 3 standard
     * errors on some parameter by chance, so the seeds are fixed to keep the build deterministic.
     * Seed 1972 once stalled the optimiser at the optimum (the decrease left was below the
     * objective's floating-point resolution); it is checked here for good.
     */
    @Property(tries = 3, seed = "20261122", edgeCases = net.jqwik.api.EdgeCasesMode.NONE)
    void simulatedParametersAreRecoveredWithinThreeStandardErrors(@ForAll @IntRange(min = 1, max = 1_000_000) int seed) {
        BgNbdProcess truth = BgNbdProcess.CDNOW;
        BtydData data = BtydData.of(simulate(100_000, seed, truth));
        BgNbdModel m = BgNbdModel.fit(data);
        double[] expected = {truth.r(), truth.alpha(), truth.a(), truth.b()};
        List<Estimate> est = m.parameters();
        for (int i = 0; i < 4; i++) {
            double se = est.get(i).standardError().orElseThrow();
            assertThat(Math.abs(est.get(i).value() - expected[i])).as("%s: %s vs %s (SE %s)", est.get(i).name(),
                    est.get(i).value(), expected[i], se).isLessThanOrEqualTo(3 * se);
        }
    }

    @Example
    void theSeedThatOnceStalledNowConverges() {
        BtydData data = BtydData.of(simulate(100_000, 1972, BgNbdProcess.CDNOW));
        BgNbdModel m = BgNbdModel.fit(data);
        assertThat(m.fit().orElseThrow().report().status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(m.parameters().get(2).value()).isCloseTo(0.7895, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Provide
    Arbitrary<double[]> histories() {
        Arbitrary<Integer> x = Arbitraries.oneOf(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 10_000));
        Arbitrary<Double> bigT = Arbitraries.doubles().between(0, 200);
        Arbitrary<Double> share = Arbitraries.doubles().between(0, 1);
        Arbitrary<Double> horizon = Arbitraries.doubles().between(0, 520);
        return Combinators.combine(x, bigT, share, horizon).as((xv, t, s, h) -> new double[] {xv,
                xv == 0 ? 0 : s * t, t, h});
    }

    @Provide
    Arbitrary<double[]> parameters() {
        Arbitrary<Double> p = Arbitraries.doubles().between(0.05, 20);
        return Combinators.combine(p, p, p, p).as((a, b, c, d) -> new double[] {a, b, c, d});
    }

    @Property(tries = 300)
    void predictionsStayFiniteAndInRangeForHeavyBuyers(@ForAll("histories") double[] h,
            @ForAll("parameters") double[] p) {
        int x = (int) h[0];
        double tx = h[1];
        double bigT = h[2];
        double t = h[3];
        for (TransactionModel m : List.<TransactionModel>of(BgNbdModel.of(p[0], p[1], p[2], p[3], PeriodUnit.WEEKS),
                MbgNbdModel.of(p[0], p[1], p[2], p[3], PeriodUnit.WEEKS),
                ParetoNbdModel.of(p[0], p[1], p[2], p[3], PeriodUnit.WEEKS))) {
            assertThat(m.logLikelihood(x, tx, bigT)).as(m.name()).isFinite();
            assertThat(m.probabilityAlive(x, tx, bigT)).as(m.name()).isBetween(0.0, 1.0);
            double e = m.conditionalExpectedTransactions(x, tx, bigT, t);
            assertThat(e).as(m.name()).isFinite().isGreaterThanOrEqualTo(0.0);
            assertThat(m.expectedTransactions(t)).as(m.name()).isFinite().isGreaterThanOrEqualTo(0.0);
        }
        GammaGammaModel g = GammaGammaModel.of(p[0], 1 + p[1], p[2]);
        assertThat(g.conditionalExpectedSpend(x, 35.0)).isFinite().isPositive();
    }

    @Property(tries = 100)
    void paretoDertIsFiniteAndGrowsWithPatience(@ForAll("histories") double[] h, @ForAll("parameters") double[] p,
            @ForAll @DoubleRange(min = 0.001, max = 0.05) @Scale(5) double delta) {
        ParetoNbdModel m = ParetoNbdModel.of(p[0], p[1], p[2], p[3], PeriodUnit.WEEKS);
        int x = (int) h[0];
        double d1 = m.dert(x, h[1], h[2], delta);
        double d2 = m.dert(x, h[1], h[2], delta / 2);
        assertThat(d1).isFinite().isGreaterThanOrEqualTo(0.0);
        assertThat(d2).isGreaterThanOrEqualTo(d1 * (1 - 1e-9));
    }
}
