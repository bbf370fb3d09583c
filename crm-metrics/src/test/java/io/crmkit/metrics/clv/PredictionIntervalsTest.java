package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.testkit.simulation.BgNbdProcess;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Intervals of expected transactions by the parametric bootstrap: their coverage of the truth
 * (the expectation under the parameters the data were simulated from) over many simulated data
 * sets, and their basic shape.
 */
class PredictionIntervalsTest {

    private static final LifetimeValue.Settings SETTINGS = new LifetimeValue.Settings(Horizon.parse("39w"),
            DiscountRate.of(0.1, PeriodUnit.YEARS), 1);

    /** Histories of reference customers, in weeks: x, t_x, T. */
    private static final double[][] REFERENCE = {{0, 0, 30}, {1, 5, 30}, {3, 20, 32}, {5, 29, 30}, {10, 25, 35},
        {2, 3, 35}, {7, 33, 34}};

    @Test
    void nominalNinetyPercentIntervalsCoverTheTruthNinetyPercentOfTheTime() {
        BgNbdModel truth = BgNbdModel.of(BgNbdProcess.CDNOW.r(), BgNbdProcess.CDNOW.alpha(), BgNbdProcess.CDNOW.a(),
                BgNbdProcess.CDNOW.b(), PeriodUnit.WEEKS);
        int[] xs = new int[REFERENCE.length];
        double[] tx = new double[REFERENCE.length];
        double[] bigT = new double[REFERENCE.length];
        for (int i = 0; i < REFERENCE.length; i++) {
            xs[i] = (int) REFERENCE[i][0];
            tx[i] = REFERENCE[i][1];
            bigT[i] = REFERENCE[i][2];
        }
        BtydData reference = BtydData.ofCustomers(xs, tx, bigT, PeriodUnit.WEEKS);
        double[] means = new double[REFERENCE.length];
        int seeds = 150;
        int covered = 0;
        int total = 0;
        double width = 0;
        for (int seed = 1; seed <= seeds; seed++) {
            BtydView view = ClvProperties.simulate(1200, 1000L + seed, BgNbdProcess.CDNOW);
            BgNbdModel fitted = BgNbdModel.fit(BtydData.of(view));
            List<PredictionIntervals.Bounds> bounds = PredictionIntervals.draws(fitted, Optional.empty(),
                    new PredictionIntervals.Options(0.9, 200, seed)).bounds(reference, xs, means, SETTINGS);
            for (int i = 0; i < REFERENCE.length; i++) {
                double expected = truth.conditionalExpectedTransactions(xs[i], tx[i], bigT[i], 39);
                PredictionIntervals.Bounds b = bounds.get(i);
                total++;
                width += b.transactionsUpper() - b.transactionsLower();
                if (b.transactionsLower() <= expected && expected <= b.transactionsUpper()) {
                    covered++;
                }
            }
        }
        double coverage = (double) covered / total;
        System.out.printf("coverage of nominal 90%% intervals: %.3f over %d seeds x %d customers (mean width %.3f)%n",
                coverage, seeds, REFERENCE.length, width / total);
        assertThat(coverage).isBetween(0.85, 0.95);
    }

    @Test
    void boundsBracketThePointPredictionAndWidenWithTheLevel() {
        BtydView view = ClvProperties.simulate(2000, 5L, BgNbdProcess.CDNOW);
        BgNbdModel m = BgNbdModel.fit(BtydData.of(view));
        GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
        List<CustomerValue> values = CustomerValue.of(m, spend, view, SETTINGS);
        List<PredictionIntervals.Bounds> b90 = PredictionIntervals.bootstrap(m, Optional.empty(), view, SETTINGS,
                PredictionIntervals.Options.of(0.9, 3));
        List<PredictionIntervals.Bounds> b50 = PredictionIntervals.bootstrap(m, Optional.empty(), view, SETTINGS,
                PredictionIntervals.Options.of(0.5, 3));
        assertThat(b90).hasSize(view.size());
        for (int i = 0; i < view.size(); i++) {
            double point = values.get(i).expectedTransactions();
            assertThat(b90.get(i).transactionsLower()).isLessThanOrEqualTo(point * (1 + 1e-6) + 1e-9);
            assertThat(b90.get(i).transactionsUpper()).isGreaterThanOrEqualTo(point * (1 - 1e-6) - 1e-9);
            assertThat(b90.get(i).transactionsUpper() - b90.get(i).transactionsLower())
                    .isGreaterThanOrEqualTo(b50.get(i).transactionsUpper() - b50.get(i).transactionsLower() - 1e-12);
            assertThat(b90.get(i).clvLower()).isEmpty();
        }
        // the same seed gives the same bounds
        assertThat(PredictionIntervals.bootstrap(m, Optional.empty(), view, SETTINGS,
                PredictionIntervals.Options.of(0.9, 3))).isEqualTo(b90);
    }

    @Test
    void clvBoundsNeedASpendModelWithACovarianceAndOptionsAreChecked() {
        BtydView view = ClvProperties.simulate(500, 9L, BgNbdProcess.CDNOW);
        BgNbdModel m = BgNbdModel.fit(BtydData.of(view));
        assertThatThrownBy(() -> PredictionIntervals.bootstrap(m, Optional.of(GammaGammaModel.of(6.25, 3.74, 15.44)),
                view, SETTINGS, PredictionIntervals.Options.of(0.9, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma-gamma has no covariance");
        assertThatThrownBy(() -> new PredictionIntervals.Options(1.0, 200, 1)).hasMessageContaining("level")
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> new PredictionIntervals.Options(0.9, 5, 1)).hasMessageContaining("draws")
                .hasMessageContaining("5");
        assertThat(PredictionIntervals.quantile(new double[] {1, 2, 3, 4}, 0.5)).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void drawsAppliedToPartsOfTheCustomersGiveTheBoundsOfTheWhole() throws Exception {
        BtydView view = ClvProperties.simulate(600, 21L, BgNbdProcess.CDNOW);
        BgNbdModel m = BgNbdModel.fit(BtydData.of(view));
        GammaGammaModel spend = GammaGammaModel.fit(view);
        PredictionIntervals.Options options = new PredictionIntervals.Options(0.8, 40, 77);
        List<PredictionIntervals.Bounds> whole = PredictionIntervals.bootstrap(m, Optional.of(spend), view, SETTINGS,
                options);
        assertThat(whole.get(0).clvLower()).isPresent();
        PredictionIntervals.Draws draws = PredictionIntervals.draws(m, Optional.of(spend), options);
        assertThat(draws.size()).isEqualTo(40);
        assertThat(draws.hasSpend()).isTrue();
        // shipped as bytes, as a distributed engine does, and applied to each customer alone
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(draws);
        }
        PredictionIntervals.Draws shipped;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (PredictionIntervals.Draws) in.readObject();
        }
        for (int i = 0; i < view.size(); i += 37) {
            BtydView one = BtydView.of(view.unit(), List.of(view.customerId(i)), new int[] {view.x(i)},
                    new double[] {view.tx(i)}, new double[] {view.bigT(i)}, new double[] {view.meanRepeatValue(i)});
            assertThat(shipped.bounds(one, SETTINGS)).containsExactly(whole.get(i));
        }
        assertThat(draws.bounds(BtydView.of(view.unit(), List.of(), new int[0], new double[0], new double[0],
                new double[0]), SETTINGS)).isEmpty();
    }

    @Test
    void intervalsAreForTheFourTransactionModelsAndTheirDrawsSaySo() {
        BtydView view = ClvProperties.simulate(500, 9L, BgNbdProcess.CDNOW);
        NbdModel nbd = NbdModel.fit(BtydData.of(view));
        PredictionIntervals.Draws draws = PredictionIntervals.draws(nbd, Optional.empty(),
                PredictionIntervals.Options.of(0.9, 1));
        assertThat(draws.hasSpend()).isFalse();
        assertThat(draws.toString()).contains("nbd").contains("draws=200").contains("spend=false");
        List<PredictionIntervals.Bounds> b = draws.bounds(view, SETTINGS);
        assertThat(b).hasSize(view.size()).allSatisfy(x -> assertThat(x.clvLower()).isEmpty());
        assertThatThrownBy(() -> PredictionIntervals.withParameters("bg-bb", PeriodUnit.WEEKS, new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not bg-bb");
        for (String kind : List.of(BgNbdModel.NAME, MbgNbdModel.NAME, ParetoNbdModel.NAME)) {
            assertThat(PredictionIntervals.withParameters(kind, PeriodUnit.DAYS, new double[] {0.5, 4, 0.8, 2.5}))
                    .satisfies(t -> {
                        assertThat(t.name()).isEqualTo(kind);
                        assertThat(t.unit()).isEqualTo(PeriodUnit.DAYS);
                        assertThat(t.parameters().get(1).value()).isEqualTo(4.0);
                    });
        }
    }
}
