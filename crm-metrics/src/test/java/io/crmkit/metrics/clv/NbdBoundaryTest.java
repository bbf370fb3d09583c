package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.history.PeriodUnit;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The NBD as the no-drop-out limit of Pareto/NBD and BG/NBD, and fits at that boundary: planted
 * data without drop-out end at {@link FitStatus#BOUNDARY} with the explanation and the NBD fit.
 */
class NbdBoundaryTest {

    /** Customers who never drop out; purchase rates Gamma(r, alpha) per week. */
    static BtydData noDropOut(int n, double r, double alpha, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        for (int i = 0; i < n; i++) {
            double lambda = 0;
            for (int k = 0; k < (int) r; k++) {
                lambda -= Math.log(rnd.nextDouble());
            }
            lambda /= alpha;
            bigT[i] = 20 + 60 * rnd.nextDouble();
            double t = -Math.log(rnd.nextDouble()) / lambda;
            while (t <= bigT[i]) {
                x[i]++;
                tx[i] = t;
                t += -Math.log(rnd.nextDouble()) / lambda;
            }
        }
        return BtydData.ofCustomers(x, tx, bigT, PeriodUnit.WEEKS);
    }

    @Test
    void theExplanationsNumbersShowNoNegativeZero() {
        // a boundary fit's gain over the NBD can be a rounding's -4e-6: shown as 0.0000, not -0.0000
        assertThat(MaximumLikelihood.fixed(-3.5e-6)).isEqualTo("0.0000");
        assertThat(MaximumLikelihood.fixed(-0.0)).isEqualTo("0.0000");
        assertThat(MaximumLikelihood.fixed(-6e-5)).isEqualTo("-0.0001");
        assertThat(MaximumLikelihood.fixed(-1855266.00048599)).isEqualTo("-1855266.0005");
        assertThat(MaximumLikelihood.fixed(1.92)).isEqualTo("1.9200");
    }

    @Test
    void nbdRecoversItsParametersAndIsTheLimitOfTheOthers() {
        BtydData data = noDropOut(4000, 2, 4, 1);
        NbdModel nbd = NbdModel.fit(data);
        assertThat(nbd.r()).isCloseTo(2, within(0.25));
        assertThat(nbd.alpha()).isCloseTo(4, within(0.6));
        assertThat(nbd.fit().orElseThrow().estimates()).allSatisfy(e -> assertThat(e.standardError()).isPresent());
        assertThat(nbd.fit().orElseThrow().standardErrorNote()).isEmpty();
        // Pareto/NBD with a vanishing drop-out rate has the NBD's likelihood and predictions
        ParetoNbdModel almost = ParetoNbdModel.of(nbd.r(), nbd.alpha(), 1e-12, 1, PeriodUnit.WEEKS);
        assertThat(almost.logLikelihood(data)).isCloseTo(nbd.logLikelihood(data), within(1e-5));
        assertThat(almost.conditionalExpectedTransactions(7, 30, 52, 26))
                .isCloseTo(nbd.conditionalExpectedTransactions(7, 30, 52, 26), within(1e-6));
        assertThat(nbd.probabilityAlive(7, 1, 52)).isEqualTo(1.0);
        double sum = 0;
        for (int k = 0; k < 400; k++) {
            sum += nbd.probabilityOfTransactions(k, 26);
        }
        assertThat(sum).isCloseTo(1, within(1e-9));
    }

    @Test
    void modelsWithDropOutEndAtTheBoundaryWithTheNbdOffered() {
        BtydData data = noDropOut(3000, 2, 4, 2);
        NbdModel nbd = NbdModel.fit(data);
        for (String model : new String[] {"pareto-nbd", "bg-nbd", "mbg-nbd"}) {
            assertThatThrownBy(() -> {
                switch (model) {
                    case "pareto-nbd" -> ParetoNbdModel.fit(data);
                    case "bg-nbd" -> BgNbdModel.fit(data);
                    default -> MbgNbdModel.fit(data);
                }
            }).as(model).isInstanceOfSatisfying(ModelFitException.class, e -> {
                assertThat(e.report().status()).isEqualTo(FitStatus.BOUNDARY);
                // two starts that both end at the NBD's likelihood agree wherever on the flat ridge
                // they stopped: the third default start is not run
                assertThat(e.report().startsRun()).isEqualTo(2);
                assertThat(e.report().startsAgreeing()).isEqualTo(2);
                assertThat(e.getMessage()).contains(model + " fit is at the boundary")
                        .contains("no drop-out is visible in these data: the purchase process fits an NBD without churn");
                FitBoundary b = e.boundary().orElseThrow();
                assertThat(b.model()).isEqualTo(model);
                assertThat(b.parameter()).isEqualTo(model.equals("pareto-nbd") ? "s/beta" : "a/(a+b)");
                assertThat(b.atEdge()).hasSize(4).allSatisfy(est -> assertThat(est.standardError()).isEmpty());
                assertThat(b.logLikelihood()).isCloseTo(nbd.logLikelihood(data),
                        within(FitOptions.DEFAULT_BOUNDARY_TOLERANCE));
                TransactionModel nested = b.nested().orElseThrow();
                assertThat(nested).isInstanceOf(NbdModel.class);
                assertThat(((NbdModel) nested).r()).isCloseTo(nbd.r(), within(1e-6 * nbd.r()));
            });
        }
    }

    @Test
    void aZeroToleranceKeepsAWeakInteriorDropOut() {
        // a little drop-out: BG/NBD with a small, real dropout probability; with the boundary test
        // off (tolerance 0) an interior optimum is reported as CONVERGED
        BtydData data = noDropOut(3000, 2, 4, 3);
        FitOptions strict = FitOptions.defaults().withBoundaryTolerance(0);
        try {
            BgNbdModel m = BgNbdModel.fit(data, strict);
            assertThat(m.fit().orElseThrow().report().status()).isEqualTo(FitStatus.CONVERGED);
            assertThat(m.logLikelihood(data)).isGreaterThan(NbdModel.fit(data).logLikelihood(data));
        } catch (ModelFitException e) {
            assertThat(e.report().status()).isEqualTo(FitStatus.BOUNDARY);
        }
        assertThatThrownBy(() -> FitOptions.defaults().withBoundaryTolerance(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boundaryTolerance").hasMessageContaining("-1");
    }

    @Property(tries = 200)
    void nbdPredictionsAreConsistent(@ForAll @DoubleRange(min = 0.05, max = 20) double r,
            @ForAll @DoubleRange(min = 0.05, max = 100) double alpha, @ForAll @IntRange(max = 300) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double share, @ForAll @DoubleRange(min = 0.1, max = 200) double bigT,
            @ForAll @DoubleRange(min = 0, max = 100) double t) {
        NbdModel m = NbdModel.of(r, alpha, PeriodUnit.WEEKS);
        double tx = x == 0 ? 0 : share * bigT;
        double e = m.conditionalExpectedTransactions(x, tx, bigT, t);
        assertThat(e).isFinite().isNotNegative();
        // one more purchase in the same time never lowers the expectation; more time without one lowers it
        assertThat(m.conditionalExpectedTransactions(x + 1, bigT, bigT, t)).isGreaterThanOrEqualTo(e);
        assertThat(m.conditionalExpectedTransactions(x, tx, bigT + 1, t)).isLessThanOrEqualTo(e);
        assertThat(m.probabilityOfTransactions(x, t)).isBetween(0.0, 1.0);
        assertThat(m.logLikelihood(x, tx, bigT)).isFinite();
    }
}
