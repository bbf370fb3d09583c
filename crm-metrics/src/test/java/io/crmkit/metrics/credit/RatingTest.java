package io.crmkit.metrics.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;
import io.crmkit.metrics.internal.LogisticRegression;
import io.crmkit.testkit.simulation.ReceivablesSimulator;
import io.crmkit.testkit.simulation.ReceivablesSimulator.PayerType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scorecard, its fit and its backtest on a simulated ledger with known payer types. */
class RatingTest {

    static final LocalDate D0 = LocalDate.of(2025, 1, 1);
    static final CustomerId C = CustomerId.of("c1");

    static Money eur(String a) {
        return Money.of(a, "EUR");
    }

    @Test
    void behaviourIsComputedFromTheAllocation() {
        // A due day 30, paid day 30 (on time); B due day 60, paid day 90 (30 late); C due day 100, open at day 130
        List<Invoice> inv = List.of(
                Invoice.issued(InvoiceId.of("A"), C, D0, D0.plusDays(30), eur("100")),
                Invoice.issued(InvoiceId.of("B"), C, D0.plusDays(30), D0.plusDays(60), eur("100")),
                Invoice.issued(InvoiceId.of("C"), C, D0.plusDays(70), D0.plusDays(100), eur("100")),
                Invoice.issued(InvoiceId.of("D"), C, D0.plusDays(120), D0.plusDays(150), eur("100")));
        List<Payment> pay = List.of(
                Payment.of(PaymentId.of("p1"), C, D0.plusDays(30), eur("100"), InvoiceId.of("A")),
                Payment.of(PaymentId.of("p2"), C, D0.plusDays(90), eur("100"), InvoiceId.of("B")));
        Allocation a = Ledger.of(Money.currency("EUR"), inv, pay).allocate(D0.plusDays(130));
        PaymentBehaviour b = PaymentBehaviour.of(a, Map.of(C, CreditTerms.of(C, eur("400"), 30))).get(0);
        assertThat(b.invoicesDue()).isEqualTo(3);
        assertThat(b.onTimeShare()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(b.meanDaysLate()).isCloseTo((0 + 30 + 30) / 3.0, within(1e-12));
        assertThat(b.longestDaysLate()).isEqualTo(30);
        assertThat(b.utilisation()).isCloseTo(200.0 / 400, within(1e-12));
        assertThat(b.tenureYears()).isCloseTo(130 / 365.2425, within(1e-12)); // mean Gregorian year, ADR 0003
        assertThat(PaymentBehaviour.of(a, Map.of()).get(0).utilisation()).isZero();
        assertThat(PaymentBehaviour.of(a, Map.of(C, CreditTerms.of(C, eur("0"), 30))).get(0).utilisation())
                .isEqualTo(2.0);
    }

    @Test
    void aCreditLimitInAnotherCurrencyIsRefusedNotMixed() {
        Allocation a = Ledger.of(Money.currency("EUR"),
                List.of(Invoice.issued(InvoiceId.of("A"), C, D0, D0.plusDays(30), eur("100"))), List.of())
                .allocate(D0.plusDays(10));
        assertThatThrownBy(() -> PaymentBehaviour.of(a, Map.of(C, CreditTerms.of(C, Money.of("400", "USD"), 30))))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("credit limit of customer")
                .hasMessageContaining("USD");
    }

    @Test
    void handSetScorecardAsDocumented() {
        PaymentBehaviour perfect = new PaymentBehaviour(C, 5, 1.0, 0, 0, 0, 0);
        assertThat(RatingModel.HAND_SET.probability(perfect)).isCloseTo(1 / (1 + Math.exp(4)), within(1e-12));
        assertThat(RatingScale.DEFAULT.classOf(RatingModel.HAND_SET.probability(perfect))).isEqualTo("AAA");
        PaymentBehaviour half = new PaymentBehaviour(C, 4, 0.5, 15, 30, 0.5, 0);
        double p = RatingModel.HAND_SET.probability(half);
        assertThat(p).isCloseTo(1 / (1 + Math.exp(1.7)), within(1e-12));
        assertThat(RatingScale.DEFAULT.classOf(p)).isEqualTo("B");
        assertThat(RatingModel.HAND_SET.describe()).startsWith("intercept=-4.000, late_share=2.000");
    }

    @Test
    void ratingScaleEdgesAndParsing() {
        RatingScale s = RatingScale.DEFAULT;
        assertThat(s.classOf(0.0)).isEqualTo("AAA");
        assertThat(s.classOf(0.02)).isEqualTo("AAA");
        assertThat(s.classOf(0.0200001)).isEqualTo("AA");
        assertThat(s.classOf(0.2)).isEqualTo("B");
        assertThat(s.classOf(1.0)).isEqualTo("C");
        assertThat(RatingScale.parse(s.describe())).isEqualTo(s);
        assertThat(RatingScale.parse("good:0.1,bad").classOf(0.5)).isEqualTo("bad");
        assertThatThrownBy(() -> RatingScale.parse("A:0.2,B:0.1,C")).hasMessageContaining("rise strictly");
        assertThatThrownBy(() -> RatingScale.parse("A,B")).hasMessageContaining("'A,B'");
    }

    @Test
    void logisticRegressionRecoversKnownWeights() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        int n = 20_000;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble() * 2;
            x[i][1] = r.nextGaussian();
            double p = LogisticRegression.sigmoid(-1.0 + 1.5 * x[i][0] - 0.7 * x[i][1]);
            y[i] = r.nextDouble() < p ? 1 : 0;
        }
        LogisticRegression.Fit fit = fit(x, y, true);
        assertThat(fit.converged()).isTrue();
        assertThat(fit.beta()[0]).isCloseTo(-1.0, within(0.1));
        assertThat(fit.beta()[1]).isCloseTo(1.5, within(0.1));
        assertThat(fit.beta()[2]).isCloseTo(-0.7, within(0.05));
    }

    @Test
    void logisticRegressionStaysFiniteOnSeparableDataAndSolvesByHand() {
        double[][] x = {{0}, {1}, {2}, {3}};
        int[] y = {0, 0, 1, 1};
        LogisticRegression.Fit fit = fit(x, y, true);
        assertThat(fit.converged()).as("the ridge keeps separable data finite, so Newton converges").isTrue();
        assertThat(java.util.Arrays.stream(fit.beta()).allMatch(Double::isFinite)).isTrue();
        assertThat(LogisticRegression.sigmoid(fit.beta()[0] + fit.beta()[1] * 3)).isGreaterThan(0.99);
        // intercept only: the fit is the log-odds of the mean
        LogisticRegression.Fit mean = fit(new double[][] {{}, {}, {}, {}}, new int[] {1, 0, 0, 0}, true);
        assertThat(mean.beta()[0]).isCloseTo(Math.log(1.0 / 3), within(1e-9));
        assertThat(LogisticRegression.solve(new double[][] {{4, 2}, {2, 3}}, new double[] {2, 1}))
                .containsExactly(new double[] {0.5, 0.0}, within(1e-12));
        assertThat(LogisticRegression.sigmoid(-1000)).isZero();
        assertThat(LogisticRegression.sigmoid(1000)).isEqualTo(1.0);
    }

    @Test
    void stepHalvingConvergesWherePlainNewtonDiverges() {
        // separable in two features: the first plain Newton step overshoots into saturation, where the Hessian is
        // only the ridge, and the next steps run off to 1e11; halving until the penalised likelihood rises converges
        double[][] x = {{4, 12}, {3, -9}, {-11, 21}, {5, -11}, {-18, 16}};
        int[] y = {1, 0, 0, 1, 0};
        LogisticRegression.Fit plain = fit(x, y, false);
        assertThat(plain.converged()).isFalse();
        LogisticRegression.Fit fit = fit(x, y, true);
        assertThat(fit.converged()).isTrue();
        double[] w = fit.beta();
        assertThat(java.util.Arrays.stream(w).allMatch(v -> Math.abs(v) < 100)).as(java.util.Arrays.toString(w)).isTrue();
        // a maximum: every small move lowers the penalised log-likelihood
        double best = objective(x, y, w);
        for (int j = 0; j < w.length; j++) {
            for (double d : new double[] {-1e-3, 1e-3}) {
                double[] moved = w.clone();
                moved[j] += d;
                assertThat(objective(x, y, moved)).isLessThan(best);
            }
        }
        // and the cases are classified correctly
        for (int r = 0; r < x.length; r++) {
            double p = LogisticRegression.sigmoid(w[0] + w[1] * x[r][0] + w[2] * x[r][1]);
            assertThat(p > 0.5).isEqualTo(y[r] == 1);
        }
        // far-apart features saturate the sigmoid: 1 - mu is taken without cancellation, so the fit still converges
        assertThat(fit(new double[][] {{-1000}, {1000}}, new int[] {0, 1}, true).converged()).isTrue();
    }

    /** The shared regression on row-major cases with the rating's ridge, as RatingModel.fit calls it. */
    private static LogisticRegression.Fit fit(double[][] x, int[] y, boolean damped) {
        return LogisticRegression.fit(columns(x), labels(y), RatingModel.RIDGE, damped);
    }

    private static double objective(double[][] x, int[] y, double[] w) {
        return LogisticRegression.objective(columns(x), labels(y), w, RatingModel.RIDGE);
    }

    private static double[][] columns(double[][] x) {
        int p = x[0].length;
        double[][] c = new double[p][x.length];
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < p; j++) {
                c[j][r] = x[r][j];
            }
        }
        return c;
    }

    private static boolean[] labels(int[] y) {
        boolean[] b = new boolean[y.length];
        for (int r = 0; r < y.length; r++) {
            b[r] = y[r] == 1;
        }
        return b;
    }

    @Test
    void aucCountsTiesHalfAndIsEmptyWithOneOutcome() {
        assertThat(RatingBacktest.auc(new double[] {0.1, 0.2, 0.3, 0.4}, new boolean[] {false, false, true, true})
                .getAsDouble()).isEqualTo(1.0);
        assertThat(RatingBacktest.auc(new double[] {0.4, 0.3, 0.2, 0.1}, new boolean[] {false, false, true, true})
                .getAsDouble()).isEqualTo(0.0);
        assertThat(RatingBacktest.auc(new double[] {0.5, 0.5}, new boolean[] {false, true}).getAsDouble())
                .isEqualTo(0.5);
        // positives 0.3, 0.6; negatives 0.1, 0.6, 0.2: pairs won 2 + 2.5 of 6
        assertThat(RatingBacktest.auc(new double[] {0.3, 0.1, 0.6, 0.6, 0.2},
                new boolean[] {true, false, true, false, false}).getAsDouble()).isCloseTo(4.5 / 6, within(1e-12));
        assertThat(RatingBacktest.auc(new double[] {0.1}, new boolean[] {true})).isEmpty();
    }

    @Test
    void aShortHistoryFallsBackToTheHandSetWeights() {
        List<Invoice> inv = List.of(Invoice.issued(InvoiceId.of("A"), C, D0, D0.plusDays(30), eur("100")));
        List<Payment> pay = List.of(Payment.of(PaymentId.of("p"), C, D0.plusDays(40), eur("100")));
        RatingModel m = RatingModel.fit(Ledger.of(Money.currency("EUR"), inv, pay), Map.of(),
                D0.plusDays(400), 180);
        assertThat(m.weights()).isEqualTo(RatingModel.HAND_SET.weights());
        assertThat(m.source()).contains("history too short to fit (1 customers, 0 defaults");
    }

    @Test
    void backtestOnASimulatedLedgerRanksThePayerTypes() {
        LocalDate start = LocalDate.of(2022, 1, 1);
        LocalDate end = LocalDate.of(2024, 12, 31);
        ReceivablesSimulator.SimulatedLedger sim =
                new ReceivablesSimulator(3000, start, end, Money.currency("EUR"), 17).generate();
        Ledger ledger = Ledger.of(Money.currency("EUR"), sim.invoices(), sim.payments());
        RatingBacktest bt = RatingBacktest.run(ledger, Map.of(), end, 180, RatingScale.DEFAULT);
        assertThat(bt.model().source()).startsWith("fitted by logistic regression");
        assertThat(bt.defaults()).isGreaterThan(50);
        assertThat(bt.auc().getAsDouble()).isGreaterThan(0.8);
        assertThat(bt.handSetAuc().getAsDouble()).isGreaterThan(0.75);
        // default rates do not fall from the best class to the worst among classes with customers
        List<RatingBacktest.ClassOutcome> used = bt.classes().stream().filter(c -> c.customers() >= 30).toList();
        assertThat(used.get(0).defaultRate().getAsDouble())
                .isLessThan(used.get(used.size() - 1).defaultRate().getAsDouble());
        // mean probability by type, as of the observation day: prompt < slow < distressed
        Map<CustomerId, PayerType> types = sim.payers().stream()
                .collect(Collectors.toMap(ReceivablesSimulator.Payer::customerId, ReceivablesSimulator.Payer::type));
        Map<PayerType, Double> mean = RatingModel.performing(ledger.allocate(bt.observedOn()), Map.of()).stream()
                .collect(Collectors.groupingBy(b -> types.get(b.customerId()),
                        Collectors.averagingDouble(b -> bt.model().probability(b))));
        assertThat(mean.get(PayerType.PROMPT)).isLessThan(mean.get(PayerType.SLOW));
        assertThat(mean.get(PayerType.SLOW)).isLessThan(mean.get(PayerType.DISTRESSED));
        System.out.printf("backtest: %d customers, %d defaults, AUC %.3f (hand-set %.3f); %s; classes %s%n",
                bt.customers(), bt.defaults(), bt.auc().getAsDouble(), bt.handSetAuc().getAsDouble(),
                bt.model().describe(), bt.classes().stream().map(c -> c.label() + " " + c.customers() + "/"
                        + c.defaults()).collect(Collectors.joining(", ")));
    }

    @Test
    void todaysCreditLimitsDoNotLeakIntoTheFitOrTheBacktest() {
        LocalDate start = LocalDate.of(2022, 1, 1);
        LocalDate end = LocalDate.of(2024, 12, 31);
        ReceivablesSimulator.SimulatedLedger sim =
                new ReceivablesSimulator(3000, start, end, Money.currency("EUR"), 17).generate();
        Ledger ledger = Ledger.of(Money.currency("EUR"), sim.invoices(), sim.payments());
        // the host cut the limits of the customers that defaulted in the window to 1 EUR: with today's limits
        // applied to past balances, utilisation would predict the outcome perfectly
        LocalDate observed = end.minusDays(180);
        java.util.Set<CustomerId> defaulted = RatingModel.defaultedBetween(ledger.allocate(end), observed);
        Map<CustomerId, CreditTerms> cut = sim.payers().stream().map(ReceivablesSimulator.Payer::customerId)
                .collect(Collectors.toMap(c -> c, c -> CreditTerms.of(c, eur(defaulted.contains(c) ? "1" : "1000000"), 30)));
        RatingModel withCut = RatingModel.fit(ledger, cut, end, 180);
        RatingModel without = RatingModel.fit(ledger, Map.of(), end, 180);
        assertThat(withCut.source()).startsWith("fitted by logistic regression").contains("utilisation left out");
        assertThat(withCut.weights()).isEqualTo(without.weights());
        assertThat(withCut.weights().get(4)).isZero();
        RatingBacktest bt = RatingBacktest.run(ledger, cut, end, 180, RatingScale.DEFAULT);
        RatingBacktest plain = RatingBacktest.run(ledger, Map.of(), end, 180, RatingScale.DEFAULT);
        assertThat(bt.auc()).isEqualTo(plain.auc());
        assertThat(bt.handSetAuc()).isEqualTo(plain.handSetAuc());
        assertThat(bt.auc().getAsDouble()).isLessThan(0.99);
        assertThatThrownBy(() -> RatingModel.fit(ledger, Map.of(), null, 180)).hasMessageContaining("asOf");
        assertThatThrownBy(() -> RatingBacktest.run(ledger, Map.of(), null, 180, RatingScale.DEFAULT))
                .hasMessageContaining("asOf");
    }
}
