package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.history.PeriodUnit;
import org.junit.jupiter.api.Test;

/** Data that cannot identify a model gives a clear error carrying a report, never a silent estimate. */
class DegenerateDataTest {

    private static final PeriodUnit W = PeriodUnit.WEEKS;

    @Test
    void nobodyRepeats() {
        BtydData d = BtydData.ofCustomers(new int[] {0, 0, 0}, new double[3], new double[] {10, 20, 30}, W);
        for (Runnable fit : new Runnable[] {() -> BgNbdModel.fit(d), () -> MbgNbdModel.fit(d),
            () -> ParetoNbdModel.fit(d)}) {
            assertThatThrownBy(fit::run).isInstanceOf(ModelFitException.class)
                    .hasMessageContaining("no customer made a repeat purchase")
                    .satisfies(e -> assertThat(((ModelFitException) e).report().status()).isEqualTo(FitStatus.FAILED));
        }
    }

    @Test
    void oneCustomer() {
        BtydData d = BtydData.ofCustomers(new int[] {3}, new double[] {20}, new double[] {30}, W);
        assertThatThrownBy(() -> BgNbdModel.fit(d)).isInstanceOf(ModelFitException.class)
                .hasMessageContaining("one customer");
    }

    @Test
    void everybodyAtTimeZero() {
        BtydData d = BtydData.ofCustomers(new int[] {0, 0}, new double[2], new double[2], W);
        assertThatThrownBy(() -> ParetoNbdModel.fit(d)).isInstanceOf(ModelFitException.class)
                .hasMessageContaining("T = 0");
    }

    @Test
    void predictionsAtTimeZeroAreBoundaryValues() {
        BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, W);
        assertThat(m.conditionalExpectedTransactions(0, 0, 0, 0)).isZero();
        assertThat(m.probabilityAlive(0, 0, 0)).isEqualTo(1.0);
        assertThat(m.probabilityOfTransactions(0, 0)).isEqualTo(1.0);
        assertThat(m.probabilityOfTransactions(3, 0)).isZero();
        assertThat(MbgNbdModel.of(0.5, 6, 0.9, 1.6, W).probabilityAlive(0, 0, 0)).isLessThan(1.0);
    }

    @Test
    void spendNeedsTwoPositiveRepeatMeansAndFiniteQ() {
        assertThatThrownBy(() -> GammaGammaModel.fit(new int[] {1, 0}, new double[] {10, 0}, FitOptions.defaults()))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("fewer than two");
        GammaGammaModel heavy = GammaGammaModel.of(2, 0.8, 10);
        assertThat(heavy.populationMeanSpend()).isEmpty();
        assertThatThrownBy(() -> heavy.conditionalExpectedSpend(0, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("q=0.8");
        assertThat(heavy.conditionalExpectedSpend(2, 30)).isEqualTo(2 * (10 + 60) / (4 + 0.8 - 1));
        // a refund-netted non-positive mean counts as 0
        assertThat(heavy.conditionalExpectedSpend(2, -5)).isEqualTo(2 * 10 / (4 + 0.8 - 1));
        var view = ClvProperties.simulate(3000, 11L, io.crmkit.testkit.simulation.BgNbdProcess.CDNOW);
        int[] x = view.x();
        double[] mean = view.meanRepeatValue();
        int refunded = 0;
        while (x[refunded] == 0) {
            refunded++;
        }
        mean[refunded] = -3; // a customer whose refunds outweigh the purchases
        GammaGammaModel fitted = GammaGammaModel.fit(x, mean, FitOptions.defaults());
        assertThat(fitted.excludedNonPositive()).isEqualTo(1);
        assertThat(fitted.conditionalExpectedSpend(x[refunded], -3)).isLessThan(fitted.populationMeanSpend().orElseThrow());
    }

    @Test
    void sbgAndBgBbBoundaries() {
        assertThatThrownBy(() -> SbgModel.fit(new long[] {100, 100, 100}, FitOptions.defaults()))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("nobody churned");
        assertThatThrownBy(() -> SbgModel.fit(new long[] {100, 120}, FitOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not increase");
        assertThatThrownBy(() -> BgBbModel.fit(new int[] {0}, new int[] {0}, new int[] {6}, new double[] {10},
                FitOptions.defaults())).isInstanceOf(ModelFitException.class).hasMessageContaining("no customer");
    }

    @Test
    void invalidHistoriesNameTheValue() {
        assertThatThrownBy(() -> BtydData.ofCustomers(new int[] {1}, new double[] {5}, new double[] {3}, W))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t_x of customer 0");
        assertThatThrownBy(() -> BtydData.ofCustomers(new int[] {0}, new double[] {1}, new double[] {3}, W))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 0 when x = 0");
        assertThatThrownBy(() -> BgNbdModel.of(-1, 1, 1, 1, W)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r must be positive");
        assertThatThrownBy(() -> Horizon.parse("52")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Horizon.parse("12m").in(PeriodUnit.WEEKS)).isEqualTo(12 * 30.436875 / 7);
    }

    @Test
    void fitsAreDeterministic() {
        BtydData d = BtydData.of(ClvProperties.simulate(2000, 3L, io.crmkit.testkit.simulation.BgNbdProcess.CDNOW));
        BgNbdModel a = BgNbdModel.fit(d);
        BgNbdModel b = BgNbdModel.fit(d);
        assertThat(a.parameters()).isEqualTo(b.parameters());
        assertThat(a.fit()).isEqualTo(b.fit());
    }

    @Test
    void penaltyShrinksAndComparisonRanks() {
        BtydData d = BtydData.of(ClvProperties.simulate(2000, 5L, io.crmkit.testkit.simulation.BgNbdProcess.CDNOW));
        BgNbdModel plain = BgNbdModel.fit(d);
        BgNbdModel penalised = BgNbdModel.fit(d, FitOptions.defaults().withL2Penalty(0.1));
        assertThat(penalised.alpha()).isLessThan(plain.alpha());
        assertThat(penalised.fit().orElseThrow().logLikelihood()).isLessThan(plain.fit().orElseThrow().logLikelihood());
        ModelComparison c = ModelComparison.of(d, java.util.List.of(plain, ParetoNbdModel.fit(d)));
        assertThat(c.rows()).hasSize(2);
        assertThat(c.rows().get(0).aic()).isLessThanOrEqualTo(c.rows().get(1).aic());
        assertThat(c.rows().get(0).bic()).isGreaterThan(c.rows().get(0).aic());
    }
}
