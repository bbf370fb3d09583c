package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CustomerId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.service.CaseType;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import io.crmkit.metrics.internal.LogisticRegression;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the fitted churn probability: probabilities in [0, 1], contributions adding up to
 * the difference from the base, a purchase on the as-of date never raising a customer's
 * probability, more complaints never lowering it; and hand-worked regression and AUC examples.
 */
class ChurnProbabilityProperties {

    static final Currency USD = Currency.getInstance("USD");
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final int HORIZON = 182;
    static PurchaseTimelines base;
    static EngagementHistory complaints;
    static ChurnModel model;

    /**
     * 4,000 simulated customers; complaints in the 60 days before the training date and before the
     * as-of date, more often (one half against one tenth) for customers who then did not buy in
     * the horizon, so that the complaint feature is kept with a positive coefficient.
     */
    static synchronized ChurnModel model() {
        if (model == null) {
            CustomerBaseSimulator s = CustomerBaseSimulator.builder().customers(4000)
                    .acquisition(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2024-12-31T00:00:00Z"))
                    .observationEnd(Instant.parse("2025-12-31T00:00:00Z")).seed(3L).build();
            base = PurchaseTimelines.of(s.orders(), TimelineOptions.defaults());
            SplittableRandom rng = new SplittableRandom(5);
            EngagementHistory.Builder b = EngagementHistory.builder(ZoneOffset.UTC);
            int n = 0;
            for (LocalDate d : List.of(AS_OF.minusDays(HORIZON), AS_OF)) {
                int day = (int) d.toEpochDay();
                for (int i = 0; i < base.size(); i++) {
                    int c = base.countUntil(i, day);
                    if (c == 0) {
                        continue;
                    }
                    int next = base.offsets[i] + c;
                    boolean lost = !(next < base.offsets[i + 1] && base.days[next] <= day + HORIZON);
                    if (rng.nextDouble() < (lost ? 0.5 : 0.1)) {
                        b.add(complaint("k" + n++, base.customerId(i), d.minusDays(rng.nextInt(60))));
                    }
                }
            }
            complaints = b.build();
            model = ChurnProbability.fit(base, complaints, ChurnModelOptions.builder(AS_OF, HORIZON).build());
        }
        return model;
    }

    static ServiceCase complaint(String id, CustomerId customer, LocalDate day) {
        return ServiceCase.builder(ServiceCaseId.of(id), customer, CaseType.COMPLAINT, InteractionChannel.EMAIL,
                day.atTime(12, 0).toInstant(ZoneOffset.UTC)).build();
    }

    @Example
    void complaintsAreKeptWithAPositiveCoefficientAndEverySettingIsDescribed() {
        ChurnModel m = model();
        assertThat(m.features()).contains(ChurnFeature.MODEL, ChurnFeature.COMPLAINTS);
        assertThat(m.coefficient(ChurnFeature.COMPLAINTS)).isPositive();
        for (ChurnFeature f : m.features()) {
            assertThat(m.coefficient(f) * f.direction()).as("%s", f).isGreaterThanOrEqualTo(0);
        }
        assertThat(m.removed()).containsKey(ChurnFeature.DISSATISFACTION);
        assertThat(m.describe()).contains("L2 penalty 1.0", "trained at 2024-12-30", "pareto-nbd", "complaints ",
                "removed: ", "levels on the probability: low >= 0.5");
    }

    @Property(tries = 200)
    void probabilitiesAreInRangeAndContributionsAddUpToTheDifferenceFromTheBase(
            @ForAll @IntRange(min = 0, max = 3999) int row) {
        ChurnModel m = model();
        ChurnScores scores = m.score(base, complaints);
        CustomerId id = base.customerId(row);
        ChurnScore s = scores.scoreOf(id).orElseThrow();
        assertThat(s.probability()).isBetween(0.0, 1.0);
        double sum = s.contributions().stream().mapToDouble(Contribution::amount).sum();
        assertThat(sum).isCloseTo(s.probability() - s.base(), within(1e-12));
        for (int k = 1; k < s.contributions().size(); k++) {
            assertThat(Math.abs(s.contributions().get(k).amount()))
                    .isLessThanOrEqualTo(Math.abs(s.contributions().get(k - 1).amount()));
        }
        assertThat(s.level()).isEqualTo(m.options().levels().of(s.probability()));
        assertThat(s.reasons()).doesNotContain(id.value());
        // order-free: every contribution is its logit term times one common slope (p - base) / S
        int k = 0;
        while (scores.features().rows[k] != row) {
            k++;
        }
        double total = 0;
        for (ChurnFeature f : m.features()) {
            total += m.term(scores.features(), f, k);
        }
        for (Contribution c : s.contributions()) {
            double t = m.term(scores.features(), c.feature(), k);
            double expected = Math.abs(total) < 1e-6 ? Double.NaN : t * (s.probability() - s.base()) / total;
            if (!Double.isNaN(expected)) {
                assertThat(c.amount()).as(c.feature().toString()).isCloseTo(expected, within(1e-9));
            }
            assertThat(Math.signum(c.amount())).isEqualTo(Math.signum(t));
        }
    }

    @Provide
    Arbitrary<int[]> histories() {
        // purchase days before the as-of date (0 = the as-of date), as offsets back in time
        return Arbitraries.integers().between(0, 700).array(int[].class).ofMinSize(1).ofMaxSize(25);
    }

    static PurchaseTimelines history(int[] back, boolean plusAsOf, long cents) {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        CustomerId c = CustomerId.of("c");
        for (int d : back) {
            b.add(c, AS_OF.minusDays(d).atTime(10, 0).toInstant(ZoneOffset.UTC), OrderStatusCategory.COMPLETED,
                    1000 + 37L * d, USD);
        }
        if (plusAsOf) {
            b.add(c, AS_OF.atTime(15, 0).toInstant(ZoneOffset.UTC), OrderStatusCategory.COMPLETED, cents, USD);
        }
        return b.build();
    }

    @Property(tries = 150)
    void aPurchaseOnTheAsOfDateNeverRaisesTheProbability(@ForAll("histories") int[] back,
            @ForAll @IntRange(min = 0, max = 100_000) int cents) {
        ChurnModel m = model();
        CustomerId c = CustomerId.of("c");
        double before = m.score(history(back, false, 0), EngagementHistory.none()).probabilityOf(c).getAsDouble();
        double after = m.score(history(back, true, cents), EngagementHistory.none()).probabilityOf(c).getAsDouble();
        assertThat(after).isLessThanOrEqualTo(before + 1e-12);
    }

    @Property(tries = 150)
    void moreComplaintsNeverLowerTheProbability(@ForAll("histories") int[] back,
            @ForAll @IntRange(min = 0, max = 5) int complaintsBefore, @ForAll @IntRange(min = 0, max = 200) int ago) {
        ChurnModel m = model();
        CustomerId c = CustomerId.of("c");
        PurchaseTimelines t = history(back, false, 0);
        EngagementHistory.Builder fewer = EngagementHistory.builder(ZoneOffset.UTC);
        EngagementHistory.Builder more = EngagementHistory.builder(ZoneOffset.UTC);
        for (int k = 0; k < complaintsBefore; k++) {
            fewer.add(complaint("a" + k, c, AS_OF.minusDays(3L * k)));
            more.add(complaint("a" + k, c, AS_OF.minusDays(3L * k)));
        }
        more.add(complaint("extra", c, AS_OF.minusDays(ago)));
        // an empty history switches the complaint feature's data off; give both sides a customer with events
        fewer.add(complaint("other", CustomerId.of("z"), AS_OF));
        more.add(complaint("other", CustomerId.of("z"), AS_OF));
        double p = m.score(t, fewer.build()).probabilityOf(c).getAsDouble();
        double q = m.score(t, more.build()).probabilityOf(c).getAsDouble();
        assertThat(q).isGreaterThanOrEqualTo(p - 1e-12);
    }

    @Example
    void aLargeBaseFitsTheTransactionModelAndTrainsOnEveryKthCustomer() {
        model();
        int day = (int) AS_OF.toEpochDay();
        int bought = 0;
        for (int i = 0; i < base.size(); i++) {
            if (base.countUntil(i, day) > 0) {
                bought++;
            }
        }
        // 4,000 customers, at most 1,000: every 4th
        assertThat(ChurnProbability.sample(base, day, 1000).customerCount()).isEqualTo(Math.ceil(bought / 4.0));
        assertThat(ChurnProbability.sample(base, day, 100_000).customerCount()).isEqualTo(bought);
        ChurnModel sampled = ChurnProbability.fit(base, complaints, ChurnModelOptions.builder(AS_OF, HORIZON)
                .fitSample(1000).trainSample(1000).build());
        assertThat(sampled.describe()).contains("every ceil(n / 1000)-th customer");
        int trainingBought = 0;
        for (int i = 0; i < base.size(); i++) {
            if (base.countUntil(i, day - HORIZON) > 0) {
                trainingBought++;
            }
        }
        int step = (trainingBought + 999) / 1000;
        assertThat(sampled.trainingCustomers()).isEqualTo((trainingBought + step - 1) / step);
        assertThat(model().trainingCustomers()).isEqualTo(trainingBought);
        // four population parameters from a quarter of the customers: close to the full fit
        assertThat(sampled.score(base, complaints).meanProbability())
                .isCloseTo(model().score(base, complaints).meanProbability(), within(0.02));
    }

    @Example
    void logisticRegressionReproducesGroupRatesByHand() {
        // z = -1: 1 of 4 churned, z = +1: 3 of 4: the unpenalised MLE is b0 = 0, b1 = ln 3
        double[][] z = {{-1, -1, -1, -1, 1, 1, 1, 1}};
        boolean[] y = {true, false, false, false, true, true, true, false};
        LogisticRegression.Fit fit = LogisticRegression.fit(z, y, 1e-9);
        assertThat(fit.beta()[0]).isCloseTo(0, within(1e-9));
        assertThat(fit.beta()[1]).isCloseTo(Math.log(3), within(1e-9));
        // a penalty shrinks the slope towards 0
        assertThat(LogisticRegression.fit(z, y, 2).beta()[1]).isBetween(0.1, Math.log(3) - 0.1);
        assertThat(fit.converged()).isTrue();
    }

    @Example
    void precisionAtKCreditsTheStraddlingTieGroupByItsChurnedShare() {
        // k = 2: 0.9 (churned) is in; one place left for the three tied at 0.5, one of them churned: 1/3 expected
        // (in timeline order the first tied, who bought, would take it: precision 0.5)
        boolean[] all = {true, true, true, true, true};
        ChurnBacktestReport.Scorecard c = ChurnBacktest.card("x", new double[] {0.9, 0.5, 0.5, 0.5, 0.1}, false,
                new boolean[] {true, false, false, true, false}, all, 0.4);
        assertThat(c.k()).isEqualTo(2);
        assertThat(c.precisionAtK()).isCloseTo((1 + 1 / 3.0) / 2, within(1e-12));
        assertThat(c.recallAtK()).isCloseTo((1 + 1 / 3.0) / 2, within(1e-12));
    }

    @Example
    void aucByHand() {
        // churned at 0.35 and 0.8, bought at 0.1 and 0.4: pairs (0.35 > 0.1), (0.8 > both): 3 of 4
        assertThat(ChurnBacktest.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
                .isEqualTo(0.75);
        // a tie counts one half
        assertThat(ChurnBacktest.auc(new double[] {0.5, 0.5}, new boolean[] {false, true})).isEqualTo(0.5);
    }

    @Property(tries = 200)
    void scorecardMatchesPlainPairwiseCounting(@ForAll("scores") int[] raw, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = raw.length;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        boolean[] in = new boolean[n];
        for (int k = 0; k < n; k++) {
            s[k] = raw[k] / 10.0;
            y[k] = rng.nextBoolean();
            in[k] = rng.nextInt(4) > 0;
        }
        double pairs = 0;
        double wins = 0;
        int positives = 0;
        for (int a = 0; a < n; a++) {
            if (in[a] && y[a]) {
                positives++;
                for (int b = 0; b < n; b++) {
                    if (in[b] && !y[b]) {
                        pairs++;
                        wins += s[a] > s[b] ? 1 : s[a] == s[b] ? 0.5 : 0;
                    }
                }
            }
        }
        ChurnBacktestReport.Scorecard c = ChurnBacktest.card("x", s, false, y, in, 0.3);
        assertThat(c.auc()).isCloseTo(pairs == 0 ? 0.5 : wins / pairs, within(1e-12));
        assertThat(c.churned()).isEqualTo(positives);
        // top k by descending score; the tie group straddling k gets its churned share per remaining place
        double hits = 0;
        int left = c.k();
        java.util.TreeMap<Double, int[]> groups = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        for (int k = 0; k < n; k++) {
            if (in[k]) {
                int[] g = groups.computeIfAbsent(s[k], v -> new int[2]);
                g[0]++;
                g[1] += y[k] ? 1 : 0;
            }
        }
        for (int[] g : groups.values()) {
            int take = Math.min(left, g[0]);
            hits += g[1] * (double) take / g[0];
            left -= take;
        }
        assertThat(c.precisionAtK()).isCloseTo(c.k() == 0 ? 0 : hits / c.k(), within(1e-12));
        assertThat(c.recallAtK()).isCloseTo(positives == 0 ? 0 : hits / positives, within(1e-12));
        int[] asc = ChurnBacktest.ascending(s);
        for (int k = 1; k < n; k++) {
            assertThat(s[asc[k - 1]] < s[asc[k]] || s[asc[k - 1]] == s[asc[k]] && asc[k - 1] < asc[k]).isTrue();
        }
    }

    @Provide
    Arbitrary<int[]> scores() {
        return Arbitraries.integers().between(0, 10).array(int[].class).ofMinSize(1).ofMaxSize(60);
    }

    @Example
    void levelsAreCutOffsOnTheProbability() {
        ProbabilityLevels l = ProbabilityLevels.DEFAULT;
        assertThat(l.of(0.49)).isEqualTo(RiskLevel.NONE);
        assertThat(l.of(0.5)).isEqualTo(RiskLevel.LOW);
        assertThat(l.of(0.7)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(l.of(0.85)).isEqualTo(RiskLevel.HIGH);
        assertThatThrownBy(() -> new ProbabilityLevels(0.6, 0.5, 0.9)).hasMessageContaining("medium cut-off");
    }

    @Example
    void optionsRejectATrainingDateWhoseLabelsAreNotKnown() {
        assertThatThrownBy(() -> ChurnModelOptions.builder(AS_OF, HORIZON)
                .trainingAsOf(java.util.Optional.of(AS_OF.minusDays(10))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trainingAsOf 2025-06-20");
        assertThatThrownBy(() -> ChurnModelOptions.builder(AS_OF, 0).build()).hasMessageContaining("horizonDays");
        // ridge 0 would let separated labels run the coefficients to infinity
        assertThatThrownBy(() -> ChurnModelOptions.builder(AS_OF, HORIZON).ridge(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ridge must be positive");
        // a backtest trains each split at split - horizon: an explicit training date is refused, not dropped
        ChurnModelOptions explicit = ChurnModelOptions.builder(AS_OF, HORIZON)
                .trainingAsOf(java.util.Optional.of(AS_OF.minusDays(HORIZON + 30))).build();
        model();
        assertThatThrownBy(() -> ChurnBacktest.run(base, EngagementHistory.none(),
                explicit, List.of(AS_OF), 90, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options.trainingAsOf");
    }
}
