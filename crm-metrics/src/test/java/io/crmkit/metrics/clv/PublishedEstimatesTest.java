package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.core.history.PeriodUnit;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the published estimates of {@code ../shared/data/expected/clv-published.json}:
 * parameters to 3 significant digits, log-likelihoods to 0.1, worked predictions to 1e-3
 * relative. Skipped with a message when the shared data is absent.
 */
class PublishedEstimatesTest {

    private static final PeriodUnit W = PeriodUnit.WEEKS;

    static void sig3(double actual, double published) {
        BigDecimal a = new BigDecimal(actual).round(new MathContext(3));
        BigDecimal p = new BigDecimal(published).round(new MathContext(3));
        assertThat(a).as("3 significant digits of %s vs published %s", actual, published).isEqualByComparingTo(p);
    }

    static void rel(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, withinPercentage(0.1));
    }

    private static JsonNode cdnow() {
        return SharedData.expected().get("cdnow_sample");
    }

    @Test
    void bgNbdOnCdnow() {
        JsonNode e = cdnow().get("bgnbd");
        BgNbdModel m = BgNbdModel.fit(SharedData.cdnow());
        JsonNode p = e.get("params_published");
        sig3(m.r(), p.get("r").asDouble());
        sig3(m.alpha(), p.get("alpha").asDouble());
        sig3(m.a(), p.get("a").asDouble());
        sig3(m.b(), p.get("b").asDouble());
        assertThat(m.fit().orElseThrow().logLikelihood()).isCloseTo(e.get("params_full_precision_BTYD").get("LL").asDouble(),
                within(0.1));
        assertThat(m.logLikelihood(SharedData.cdnow())).isCloseTo(m.fit().orElseThrow().logLikelihood(), within(1e-6));
        assertThat(m.fit().orElseThrow().report().converged()).isTrue();
        assertThat(m.parameters()).allSatisfy(est -> assertThat(est.standardError()).isPresent());
    }

    @Test
    void bgNbdWorkedPredictions() {
        JsonNode e = cdnow().get("bgnbd");
        JsonNode full = e.get("params_full_precision_BTYD");
        BgNbdModel m = BgNbdModel.of(full.get("r").asDouble(), full.get("alpha").asDouble(), full.get("a").asDouble(),
                full.get("b").asDouble(), W);
        for (JsonNode c : e.get("cond_expected_tx")) {
            rel(m.conditionalExpectedTransactions(c.get("x").asInt(), c.get("t_x").asDouble(), c.get("T").asDouble(),
                    c.get("t").asDouble()), c.get("value").asDouble());
        }
        for (JsonNode c : e.get("p_alive")) {
            rel(m.probabilityAlive(c.get("x").asInt(), c.get("t_x").asDouble(), c.get("T").asDouble()),
                    c.get("value").asDouble());
        }
        double[] ts = SharedData.doubles(e.get("expected_tx_new_customer").get("t"));
        double[] vs = SharedData.doubles(e.get("expected_tx_new_customer").get("value"));
        for (int i = 0; i < ts.length; i++) {
            // published to 4 decimals: 1e-3 relative, or half a unit of the last digit
            assertThat(m.expectedTransactions(ts[i])).isCloseTo(vs[i], within(Math.max(1e-3 * vs[i], 5e-5)));
        }
        rel(m.expectedTransactions(Horizon.of(52, W)), e.get("expected_tx_new_customer_52w").get("value").asDouble());
        JsonNode pmf = e.get("pmf");
        BgNbdModel pub = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, W);
        rel(pub.probabilityOfTransactions(10, 2), pmf.get("P(X(2)=10)").asDouble());
        rel(pub.probabilityOfTransactions(0, 39), pmf.get("P(X(39)=0)").asDouble());
        double[] p30 = SharedData.doubles(pmf.get("P(X(30)=11..20)"));
        for (int n = 11; n <= 20; n++) {
            rel(pub.probabilityOfTransactions(n, 30), p30[n - 11]);
        }
        for (JsonNode c : e.get("logp_single_customer")) {
            JsonNode q = c.get("params");
            BgNbdModel mq = BgNbdModel.of(q.get("r").asDouble(), q.get("alpha").asDouble(), q.get("a").asDouble(),
                    q.get("b").asDouble(), W);
            rel(mq.logLikelihood(c.get("x").asInt(), c.get("t_x").asDouble(), c.get("T").asDouble()),
                    c.get("value").asDouble());
        }
    }

    @Test
    void bgNbdHoldoutAndTracking() {
        JsonNode e = cdnow().get("bgnbd");
        CalibrationHoldout split = CalibrationHoldout.split(SharedData.cdnowOrders(), SharedData.CALIBRATION_END,
                SharedData.HOLDOUT_END, java.time.ZoneOffset.UTC, W);
        assertThat(split.holdoutLength()).isCloseTo(39.0, within(1e-12));
        BgNbdModel m = BgNbdModel.fit(split.data());
        HoldoutScorecard card = HoldoutScorecard.evaluate(m, split);
        JsonNode h = e.get("holdout_by_calib_freq_0_to_7plus");
        double[] exp = SharedData.doubles(h.get("expected"));
        double[] act = SharedData.doubles(h.get("actual"));
        double[] sizes = SharedData.doubles(h.get("bin_sizes"));
        for (int k = 0; k < 8; k++) {
            HoldoutScorecard.FrequencyBin bin = card.byFrequency().get(k);
            assertThat(bin.customers()).isEqualTo((int) sizes[k]);
            rel(bin.expectedMean(), exp[k]);
            rel(bin.actualMean(), act[k]);
        }
        JsonNode total = e.get("holdout_total_39w");
        assertThat(card.actualTotal()).isEqualTo(total.get("actual").asDouble());
        assertThat(card.expectedTotal()).isCloseTo(total.get("expected").asDouble(), within(0.1));
        assertThat(card.mae()).isCloseTo(total.get("MAE").asDouble(), within(1e-4));
        assertThat(card.rmse()).isCloseTo(total.get("RMSE").asDouble(), within(1e-3));
        JsonNode tr = e.get("cumulative_tracking");
        double[] weeks = SharedData.doubles(tr.get("weeks"));
        double[] trA = SharedData.doubles(tr.get("actual"));
        double[] trE = SharedData.doubles(tr.get("expected"));
        for (int i = 0; i < weeks.length; i++) {
            HoldoutScorecard.TrackingPeriod p = card.tracking().get((int) weeks[i] - 1);
            assertThat(p.cumulativeActual()).isEqualTo(trA[i]);
            rel(p.cumulativeExpected(), trE[i]);
        }
        HoldoutScorecard.TrackingPeriod last = card.tracking().get(77);
        assertThat(last.cumulativeActual()).isEqualTo(e.get("cumulative_week78").get("actual").asDouble());
        assertThat(last.cumulativeExpected()).isCloseTo(e.get("cumulative_week78").get("expected").asDouble(),
                within(0.1));
        assertThat(card.tracking()).hasSize(78);
    }

    @Test
    void mbgNbdOnCdnow() {
        JsonNode e = cdnow().get("mbgnbd");
        MbgNbdModel m = MbgNbdModel.fit(SharedData.cdnow());
        JsonNode p = e.get("params");
        sig3(m.r(), p.get("r").asDouble());
        sig3(m.alpha(), p.get("alpha").asDouble());
        sig3(m.a(), p.get("a").asDouble());
        sig3(m.b(), p.get("b").asDouble());
        assertThat(m.fit().orElseThrow().logLikelihood()).isCloseTo(e.get("LL_computed").asDouble(), within(0.1));
    }

    @Test
    void paretoNbdOnCdnow() {
        JsonNode e = cdnow().get("pareto_nbd");
        ParetoNbdModel m = ParetoNbdModel.fit(SharedData.cdnow());
        JsonNode p = e.get("params_published");
        sig3(m.r(), p.get("r").asDouble());
        sig3(m.alpha(), p.get("alpha").asDouble());
        sig3(m.s(), p.get("s").asDouble());
        sig3(m.beta(), p.get("beta").asDouble());
        assertThat(m.fit().orElseThrow().logLikelihood()).isCloseTo(e.get("params_BTYD").get("LL").asDouble(),
                within(0.1));
        JsonNode se = e.get("standard_errors_CLVTools_test");
        List<Estimate> est = m.parameters();
        String[] names = {"r", "alpha", "s", "beta"};
        for (int i = 0; i < 4; i++) {
            assertThat(est.get(i).name()).isEqualTo(names[i]);
            sig3(est.get(i).standardError().orElseThrow(), se.get(names[i]).asDouble());
        }
    }

    @Test
    void paretoNbdWorkedPredictions() {
        JsonNode e = cdnow().get("pareto_nbd");
        JsonNode b = e.get("params_BTYD");
        ParetoNbdModel m = ParetoNbdModel.of(b.get("r").asDouble(), b.get("alpha").asDouble(), b.get("s").asDouble(),
                b.get("beta").asDouble(), W);
        for (JsonNode c : e.get("cond_expected_tx")) {
            // published to 4 significant digits (25.46 for 25.45647)
            assertThat(m.conditionalExpectedTransactions(c.get("x").asInt(), c.get("t_x").asDouble(),
                    c.get("T").asDouble(), c.get("t").asDouble())).isCloseTo(c.get("value").asDouble(), within(0.005));
        }
        ParetoNbdModel walk = ParetoNbdModel.of(0.5534, 10.5802, 0.6061, 11.6562, W);
        for (JsonNode c : e.get("p_alive")) {
            rel(walk.probabilityAlive(c.get("x").asInt(), c.get("t_x").asDouble(), c.get("T").asDouble()),
                    c.get("value").asDouble());
        }
        double[] newTx = SharedData.doubles(e.get("expected_tx_new_customer_t0_to_9").get("value"));
        // the R BTYD manual's example parameters
        ParetoNbdModel manual = ParetoNbdModel.of(0.55, 10.56, 0.61, 11.64, W);
        for (int t = 0; t < newTx.length; t++) {
            assertThat(manual.expectedTransactions(t)).isCloseTo(newTx[t], within(Math.max(1e-3 * newTx[t], 1e-12)));
        }
        rel(m.expectedTransactions(Horizon.of(52, W)), e.get("expected_tx_new_customer_52w").get("value").asDouble());
        double delta = Math.log(1.15) / 52;
        for (JsonNode c : e.get("DERT_weekly_d_ln1.15_over_52")) {
            rel(m.dert(c.get("x").asInt(), c.get("t_x").asDouble(), c.get("T").asDouble(), delta),
                    c.get("value").asDouble());
        }
        // holdout expectations by calibration frequency and cumulative tracking (BTYD walkthrough)
        CalibrationHoldout split = CalibrationHoldout.split(SharedData.cdnowOrders(), SharedData.CALIBRATION_END,
                SharedData.HOLDOUT_END, java.time.ZoneOffset.UTC, W);
        HoldoutScorecard card = HoldoutScorecard.evaluate(m, split);
        double[] byFreq = SharedData.doubles(e.get("holdout_by_calib_freq_0_to_7plus_expected"));
        for (int k = 0; k < 8; k++) {
            // published to 3 decimals
            assertThat(card.byFrequency().get(k).expectedMean()).isCloseTo(byFreq[k],
                    within(Math.max(1e-3 * byFreq[k], 5e-4)));
        }
        double[] cum = SharedData.doubles(e.get("cumulative_tracking_expected_weeks20_25"));
        for (int i = 0; i < cum.length; i++) {
            rel(card.tracking().get(19 + i).cumulativeExpected(), cum[i]);
        }
    }

    @Test
    void gammaGammaOnCdnow() {
        JsonNode e = cdnow().get("gamma_gamma");
        var view = SharedData.cdnowSummaries().btyd();
        GammaGammaModel g = GammaGammaModel.fit(view);
        JsonNode p = e.get("params_published");
        sig3(g.p(), p.get("p").asDouble());
        sig3(g.q(), p.get("q").asDouble());
        sig3(g.gamma(), p.get("gamma").asDouble());
        assertThat(g.fit().orElseThrow().logLikelihood()).isCloseTo(e.get("LL_CLVTools_test").asDouble(), within(0.1));
        assertThat(g.excludedNonPositive()).isZero();
        assertThat(g.fit().orElseThrow().report().observations()).isEqualTo(946);
        // the first ten customers of the published summary (IDs 1..10)
        double[] first10 = SharedData.doubles(e.get("cond_expected_spend_first10_customers"));
        for (int id = 1; id <= 10; id++) {
            int i = SharedData.cdnowSummaries().indexOf(io.crmkit.core.CustomerId.of(String.valueOf(id))).orElseThrow();
            // published to cents
            assertThat(g.conditionalExpectedSpend(view.x(i), view.meanRepeatValue(i))).isCloseTo(first10[id - 1],
                    within(Math.max(1e-3 * first10[id - 1], 0.005)));
        }
    }

    @Test
    void clvUsesTheModelsUnitNotAGuess() {
        // lifetimes' documented CLV of customer 1 used days for a weekly model; the correct weekly value is 36.28
        JsonNode e = cdnow().get("lifetimes_docs_clv_customer1");
        BgNbdModel m = BgNbdModel.fit(SharedData.cdnow());
        GammaGammaModel g = GammaGammaModel.fit(SharedData.cdnowSummaries().btyd());
        double spend = g.conditionalExpectedSpend(2, SharedData.cdnowSummaries().btyd().meanRepeatValue(0));
        rel(spend, e.get("E[M]").asDouble());
        BtydData one = BtydData.ofCustomers(new int[] {2}, new double[] {30.43}, new double[] {38.86}, W);
        double clv = LifetimeValue.compute(m, one, new double[] {spend},
                new LifetimeValue.Settings(Horizon.of(12, PeriodUnit.MONTHS), DiscountRate.of(0.01, PeriodUnit.MONTHS), 1))[0];
        assertThat(clv).isCloseTo(36.28, within(0.05));
        assertThat(clv).isNotCloseTo(e.get("value").asDouble(), within(50.0));
        var view = SharedData.cdnowSummaries().btyd();
        List<CustomerValue> all = CustomerValue.of(m, g, view,
                new LifetimeValue.Settings(Horizon.parse("12m"), DiscountRate.of(0.01, PeriodUnit.MONTHS), 1));
        assertThat(all).hasSize(2357);
        CustomerValue first = all.get(SharedData.cdnowSummaries().indexOf(io.crmkit.core.CustomerId.of("1")).orElseThrow());
        // the summary file rounds t_x and T to 2 decimals; the view holds them exactly
        assertThat(first.clv().orElseThrow()).isCloseTo(clv, within(0.01));
        assertThat(first.expectedSpend().orElseThrow()).isCloseTo(spend, within(1e-9));
        assertThat(all).allSatisfy(v -> assertThat(v.probabilityAlive()).isBetween(0.0, 1.0));
    }

    @Test
    void bgBbOnDonations() throws IOException {
        JsonNode e = SharedData.expected().get("donations_bgbb");
        List<String> lines = Files.readAllLines(SharedData.dir().resolve("donations/donations.csv"));
        int m = lines.size() - 1;
        int[] x = new int[m];
        int[] tx = new int[m];
        int[] n = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            String[] f = lines.get(i + 1).split(",");
            x[i] = Integer.parseInt(f[0].trim());
            tx[i] = Integer.parseInt(f[1].trim());
            n[i] = Integer.parseInt(f[2].trim());
            w[i] = Double.parseDouble(f[3].trim());
        }
        BgBbModel b = BgBbModel.fit(x, tx, n, w, FitOptions.defaults());
        JsonNode p = e.get("params_published");
        sig3(b.alpha(), p.get("alpha").asDouble());
        sig3(b.beta(), p.get("beta").asDouble());
        sig3(b.gamma(), p.get("gamma").asDouble());
        sig3(b.delta(), p.get("delta").asDouble());
        assertThat(b.fit().orElseThrow().logLikelihood()).isCloseTo(p.get("LL").asDouble(), within(0.1));
        JsonNode full = e.get("params_BTYD");
        BgBbModel r = BgBbModel.of(full.get("alpha").asDouble(), full.get("beta").asDouble(), full.get("gamma").asDouble(),
                full.get("delta").asDouble());
        for (JsonNode c : e.get("p_alive_2002")) {
            // published to 2 decimals
            assertThat(r.probabilityAlive(c.get("x").asInt(), c.get("t_x").asInt(), 6)).isCloseTo(c.get("value").asDouble(),
                    within(0.005));
        }
        double sum = 0;
        for (int i = 0; i < m; i++) {
            sum += w[i] * r.conditionalExpectedTransactions(x[i], tx[i], n[i], 5);
        }
        assertThat(sum).isCloseTo(e.get("sum_cond_expected_next5").asDouble(), within(0.1));
        double[] newTx = SharedData.doubles(e.get("expected_tx_new_customer_n1_to_11"));
        for (int k = 1; k <= 11; k++) {
            assertThat(r.expectedTransactions(k)).isCloseTo(newTx[k - 1], within(Math.max(1e-3 * newTx[k - 1], 5e-5)));
        }
        rel(r.conditionalExpectedTransactions(0, 0, 6, 10), e.get("customer_A_x0_n10").asDouble());
        rel(r.conditionalExpectedTransactions(4, 5, 6, 10), e.get("customer_B_x4_tx5_n10").asDouble());
        rel(r.expectedTransactions(10), e.get("new_customer_n10").asDouble());
        double cohort = 0;
        for (double wi : w) {
            cohort += wi;
        }
        double[] tracking = SharedData.doubles(e.get("annual_tracking_expected"));
        for (int k = 1; k <= 11; k++) {
            rel(cohort * (r.expectedTransactions(k) - r.expectedTransactions(k - 1)), tracking[k - 1]);
        }
        JsonNode byCount = e.get("expected_customers_by_repeat_count_in_first_6_periods");
        assertThat(cohort * b.probabilityOfTransactions(0, 6)).isCloseTo(byCount.get("0_transactions").asDouble(),
                within(0.1));
        assertThat(cohort * b.probabilityOfTransactions(6, 6)).isCloseTo(byCount.get("6_transactions").asDouble(),
                within(0.1));
    }

    @Test
    void sbgOnBothCohorts() {
        JsonNode e = SharedData.expected().get("sbg_fader_hardie_2007");
        for (String cohort : new String[] {"regular", "highend"}) {
            double[] all = SharedData.doubles(e.get("survivors_per_1000_years0_12").get(cohort));
            long[] firstSeven = new long[8];
            for (int t = 0; t < 8; t++) {
                firstSeven[t] = (long) all[t];
            }
            SbgModel m = SbgModel.fit(firstSeven, FitOptions.defaults());
            JsonNode fit = e.get("fit_on_years_1_7").get(cohort);
            sig3(m.alpha(), fit.get("alpha").asDouble());
            sig3(m.beta(), fit.get("beta").asDouble());
            assertThat(m.fit().orElseThrow().logLikelihood()).isCloseTo(fit.get("LL_computed").asDouble(), within(0.1));
            double[] projected = SharedData.doubles(e.get("projected_survivors_years8_12").get(cohort));
            for (int t = 8; t <= 12; t++) {
                // published to 0.1 of 1000
                assertThat(1000 * m.survival(t)).isCloseTo(projected[t - 8], within(Math.max(1e-3 * projected[t - 8], 0.05)));
            }
            for (int t = 1; t <= 12; t++) {
                assertThat(m.retentionRate(t)).isCloseTo(m.survival(t) / m.survival(t - 1), within(1e-12));
            }
            if (cohort.equals("highend")) {
                rel(m.discountedExpectedResidualLifetime(0.10, 8), e.get("DERL_highend_d0.10_n8").asDouble());
            }
        }
    }
}
