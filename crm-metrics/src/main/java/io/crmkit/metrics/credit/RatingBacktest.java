package io.crmkit.metrics.credit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.internal.Checks;
import io.crmkit.metrics.internal.Ranking;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How well the rating ranks customers by later 91+ day delinquency, out of time: the weights are
 * fitted on the window ending {@code horizonDays} before the as-of day ({@link RatingModel#fit}),
 * the customers {@linkplain RatingModel#performing performing} then (not already in default) scored
 * on their behaviour then, and the scores compared with what happened in the
 * last {@code horizonDays} days.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the model scored (fitted, or hand-set as a fallback), not null
 * @param observedOn the day the customers were scored, not null
 * @param asOf the last day of the outcome window, not null
 * @param customers the customers scored
 * @param defaults the customers that reached 91+ days past due in the window
 * @param auc the area under the ROC curve of the probabilities (ties count half), empty without both outcomes
 * @param handSetAuc the same for the hand-set weights, for comparison
 * @param classes per rating class: customers and default rate, best class first, not null
 */
public record RatingBacktest(RatingModel model, LocalDate observedOn, LocalDate asOf, int customers, int defaults,
        OptionalDouble auc, OptionalDouble handSetAuc, List<ClassOutcome> classes) {

    /**
     * The customers of one class and how many of them defaulted.
     *
     * @param label the class label, not null
     * @param customers the customers rated so
     * @param defaults how many of them reached 91+ days past due
     */
    public record ClassOutcome(String label, int customers, int defaults) {

        /**
         * Returns the default rate.
         *
         * @return defaults / customers, or empty without customers
         */
        public OptionalDouble defaultRate() {
            return customers == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) defaults / customers);
        }
    }

    /**
     * Copies the list.
     */
    public RatingBacktest {
        classes = List.copyOf(classes);
    }

    /**
     * Runs the backtest.
     *
     * @param ledger the ledger, not null
     * @param terms today's credit terms by customer, not null; not used for the past behaviour
     *     scored (they carry no effective date, so past utilisation is 0; see {@link RatingModel#fit})
     * @param asOf the last day of the outcome window, not null
     * @param horizonDays the outcome window in days (also the training window), positive
     * @param scale the rating scale, not null
     * @return the result, never null
     */
    public static RatingBacktest run(Ledger ledger, Map<CustomerId, CreditTerms> terms, LocalDate asOf,
            int horizonDays, RatingScale scale) {
        Checks.notNull(ledger, "ledger");
        Checks.notNull(terms, "terms");
        Checks.notNull(asOf, "asOf");
        Checks.notNull(scale, "scale");
        LocalDate observed = asOf.minusDays(horizonDays);
        RatingModel model = RatingModel.fit(ledger, terms, observed, horizonDays);
        List<PaymentBehaviour> behaviour = RatingModel.performing(ledger.allocate(observed), RatingModel.PAST_TERMS);
        Set<CustomerId> defaulted = RatingModel.defaultedBetween(ledger.allocate(asOf), observed);
        int n = behaviour.size();
        double[] p = new double[n];
        double[] h = new double[n];
        boolean[] y = new boolean[n];
        int[] perClass = new int[scale.labels().size()];
        int[] defaultsPerClass = new int[scale.labels().size()];
        int positives = 0;
        for (int r = 0; r < n; r++) {
            PaymentBehaviour b = behaviour.get(r);
            p[r] = model.probability(b);
            h[r] = RatingModel.HAND_SET.probability(b);
            y[r] = defaulted.contains(b.customerId());
            int k = scale.indexOf(p[r]);
            perClass[k]++;
            if (y[r]) {
                positives++;
                defaultsPerClass[k]++;
            }
        }
        List<ClassOutcome> classes = new ArrayList<>();
        for (int k = 0; k < perClass.length; k++) {
            classes.add(new ClassOutcome(scale.labels().get(k), perClass[k], defaultsPerClass[k]));
        }
        return new RatingBacktest(model, observed, asOf, n, positives, auc(p, y), auc(h, y), classes);
    }

    /**
     * Returns the area under the ROC curve: the probability that a random positive scores above a
     * random negative, ties counting half (the Mann-Whitney statistic with mid-ranks).
     *
     * @param scores the scores, not null
     * @param positive the outcomes, as long as the scores, not null
     * @return the AUC, or empty without both outcomes
     */
    public static OptionalDouble auc(double[] scores, boolean[] positive) {
        int n = scores.length;
        if (positive.length != n) {
            throw new IllegalArgumentException("scores and outcomes differ in length: " + n + ", " + positive.length);
        }
        double auc = Ranking.auc(scores, positive);
        return Double.isNaN(auc) ? OptionalDouble.empty() : OptionalDouble.of(auc);
    }
}
