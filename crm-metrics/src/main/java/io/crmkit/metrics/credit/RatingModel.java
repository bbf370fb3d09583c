package io.crmkit.metrics.credit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.internal.Checks;
import io.crmkit.metrics.internal.LogisticRegression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The payment-behaviour scorecard (ADR 0051): a logistic model of the probability that a customer
 * has an invoice reach 91 days past due within a horizon, from its {@link PaymentBehaviour}, mapped
 * to classes by a {@link RatingScale}.
 *
 * <p>{@code probability = 1 / (1 + exp(-(w0 + w1 lateShare + w2 meanDaysLate/30 + w3 longestDaysLate/90
 * + w4 utilisation + w5 tenureYears)))}, with the inputs capped as in {@link PaymentBehaviour}. The
 * weights are {@linkplain #HAND_SET hand-set} unless {@link #fit} finds enough history in the host's
 * own ledger, and are printed with every result.
 *
 * <p>Immutable and thread-safe.
 *
 * @param weights the intercept and the five weights, finite, not null
 * @param source how the weights were obtained, for the record, not null
 */
public record RatingModel(List<Double> weights, String source) {

    /** The names of the weights, in order. */
    public static final List<String> WEIGHT_NAMES = List.of("intercept", "late_share", "mean_days_late_30",
            "longest_days_late_90", "utilisation", "tenure_years");

    /**
     * The fallback weights, used when the history is too short to fit: intercept -4.0, late share
     * +2.0, mean days late per 30 days +0.8, longest days late per 90 days +1.2, utilisation +1.0,
     * tenure per year -0.15. A customer who always pays on time with no tenure and no utilisation
     * scores 1.8% (AAA); one paying half its invoices 30 days late (mean 15 days late, longest 30)
     * at half its limit scores 15.4% (B).
     */
    public static final RatingModel HAND_SET = new RatingModel(List.of(-4.0, 2.0, 0.8, 1.2, 1.0, -0.15),
            "hand-set (history too short to fit)");

    /**
     * The credit terms used for past behaviour (fit and backtest): none, so past utilisation is 0.
     * Today's limits must not be applied to past balances (outcome leakage; see {@link #fit}).
     */
    static final Map<CustomerId, CreditTerms> PAST_TERMS = Map.of();

    /** The ridge penalty on the fitted slopes (not the intercept), in units of the log-likelihood. */
    static final double RIDGE = 1e-3;
    /** The fewest customers, defaults and non-defaults for a fit. */
    public static final int MIN_CUSTOMERS = 200;
    /** The fewest defaulting (and non-defaulting) customers for a fit. */
    public static final int MIN_EACH_OUTCOME = 20;

    /**
     * Validates the weights.
     *
     * @throws IllegalArgumentException if there are not six finite weights
     */
    public RatingModel {
        weights = List.copyOf(weights);
        Checks.notNull(source, "source");
        if (weights.size() != WEIGHT_NAMES.size()) {
            throw new IllegalArgumentException("a rating model has " + WEIGHT_NAMES.size() + " weights "
                    + WEIGHT_NAMES + ": " + weights);
        }
        weights.forEach(w -> Checks.finite(w, "weight"));
    }

    /**
     * Returns the probability of 91+ day delinquency within the horizon.
     *
     * @param behaviour the customer's behaviour, not null
     * @return the probability, in [0, 1]
     */
    public double probability(PaymentBehaviour behaviour) {
        double[] x = behaviour.features();
        double eta = weights.get(0);
        for (int j = 0; j < x.length; j++) {
            eta += weights.get(j + 1) * x[j];
        }
        return LogisticRegression.sigmoid(eta);
    }

    /**
     * Describes the weights, such as {@code "intercept=-4.0, late_share=2.0, ... (hand-set)"}.
     *
     * @return the text, never null
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < weights.size(); j++) {
            b.append(j == 0 ? "" : ", ").append(WEIGHT_NAMES.get(j)).append('=')
                    .append(String.format(java.util.Locale.ROOT, "%.4g", weights.get(j)));
        }
        return b.append(" (").append(source).append(')').toString();
    }

    /**
     * Fits the weights on the host's own past: behaviour as of {@code asOf - horizonDays} of the
     * customers then {@linkplain #performing performing}, outcome
     * whether an invoice reached 91 days past due after that and on or before {@code asOf} (see
     * {@link #defaultedBetween}). Falls back to {@link #HAND_SET} (with the reason in
     * {@link #source()}) with fewer than {@link #MIN_CUSTOMERS} customers or
     * {@link #MIN_EACH_OUTCOME} of either outcome, or when the fit does not converge.
     *
     * <p><b>Utilisation is left out of the fit</b> (its weight is 0): {@link CreditTerms} carry no
     * effective date, so the only limits known are today's, and dividing a past balance by today's
     * limit leaks the outcome (a host that cut its defaulters' limits would see them "over their
     * limit" in the past). The past behaviour is computed without terms. A void invoice is dropped
     * from the past too (its voiding has no date either; ADR 0051).
     *
     * @param ledger the ledger, not null
     * @param terms today's credit terms by customer, not null; not used for the past behaviour (see above)
     * @param asOf the last day of the outcome window, not null
     * @param horizonDays the outcome window in days, positive
     * @return the model, never null
     */
    public static RatingModel fit(Ledger ledger, Map<CustomerId, CreditTerms> terms, LocalDate asOf,
            int horizonDays) {
        Checks.notNull(ledger, "ledger");
        Checks.notNull(terms, "terms");
        Checks.notNull(asOf, "asOf");
        if (horizonDays <= 0) {
            throw new IllegalArgumentException("horizonDays must be positive: " + horizonDays);
        }
        LocalDate start = asOf.minusDays(horizonDays);
        List<PaymentBehaviour> behaviour = performing(ledger.allocate(start), PAST_TERMS);
        Set<CustomerId> defaulted = defaultedBetween(ledger.allocate(asOf), start);
        int n = behaviour.size();
        double[][] x = new double[n][];
        int[] y = new int[n];
        int positives = 0;
        for (int r = 0; r < n; r++) {
            x[r] = behaviour.get(r).features();
            y[r] = defaulted.contains(behaviour.get(r).customerId()) ? 1 : 0;
            positives += y[r];
        }
        String window = "behaviour as of " + start + ", 91+ days past due in (" + start + ", " + asOf + "]";
        if (n < MIN_CUSTOMERS || positives < MIN_EACH_OUTCOME || n - positives < MIN_EACH_OUTCOME) {
            return new RatingModel(HAND_SET.weights, "hand-set: history too short to fit (" + n + " customers, "
                    + positives + " defaults; " + window + "; a fit needs " + MIN_CUSTOMERS + " customers and "
                    + MIN_EACH_OUTCOME + " of each outcome)");
        }
        double[][] columns = new double[x[0].length][n];
        boolean[] label = new boolean[n];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < columns.length; j++) {
                columns[j][r] = x[r][j];
            }
            label[r] = y[r] == 1;
        }
        LogisticRegression.Fit fit = LogisticRegression.fit(columns, label, RIDGE);
        if (!fit.converged()) {
            return new RatingModel(HAND_SET.weights, "hand-set: the logistic fit did not converge in "
                    + fit.iterations() + " iterations (" + window + ")");
        }
        List<Double> w = new ArrayList<>();
        for (double v : fit.beta()) {
            w.add(v);
        }
        w.set(4, 0.0); // the utilisation column is all zero in the past; keep its weight exactly 0
        return new RatingModel(w, "fitted by logistic regression on " + n + " customers, " + positives
                + " defaults; " + window + "; utilisation left out: credit terms carry no effective date");
    }

    /**
     * Returns the behaviour of the customers not yet in default on the allocation's day (no open
     * invoice 91 or more days past due, nothing written off): the population a rating is fitted and
     * tested on, since a customer already in default cannot default again.
     *
     * @param allocation the allocation on the observation day, not null
     * @param terms the credit terms by customer, not null
     * @return the behaviours, by customer identifier, never null
     */
    public static List<PaymentBehaviour> performing(Allocation allocation, Map<CustomerId, CreditTerms> terms) {
        Set<CustomerId> inDefault = inDefault(allocation);
        return PaymentBehaviour.of(allocation, terms).stream().filter(b -> !inDefault.contains(b.customerId()))
                .toList();
    }

    /**
     * Returns the customers in default on the allocation's day: with an open invoice 91 or more days
     * past due, or with an amount written off on or before the day.
     *
     * @param allocation the allocation, not null
     * @return the customers, never null
     */
    public static Set<CustomerId> inDefault(Allocation allocation) {
        Ledger l = allocation.ledger();
        int day = allocation.asOfDay();
        Set<CustomerId> out = new java.util.TreeSet<>();
        for (int c = 0; c < l.customerCount(); c++) {
            for (int i = l.invStart[c]; i < l.invStart[c + 1]; i++) {
                if (allocation.counted(i) && (allocation.writtenOff[i] > 0
                        || allocation.open[i] > 0 && day - l.invDue[i] >= 91)) {
                    out.add(l.customers[c]);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Returns the customers with an invoice that reached 91 days past due after {@code after} and
     * on or before the allocation's day: an invoice whose 91st day past due falls in that window
     * and that was not settled by then, or an invoice written off (with something open) in it.
     *
     * @param allocation the allocation at the end of the window, not null
     * @param after the day before the window, not null
     * @return the customers, never null
     */
    public static Set<CustomerId> defaultedBetween(Allocation allocation, LocalDate after) {
        Ledger l = allocation.ledger();
        int from = (int) after.toEpochDay();
        int to = allocation.asOfDay();
        Set<CustomerId> out = new java.util.TreeSet<>();
        for (int c = 0; c < l.customerCount(); c++) {
            for (int i = l.invStart[c]; i < l.invStart[c + 1]; i++) {
                if (!allocation.counted(i)) {
                    continue;
                }
                int d91 = l.invDue[i] + 91;
                int s = allocation.settled[i];
                int wo = l.invWriteOff[i];
                boolean late = d91 > from && d91 <= to && (s == Integer.MIN_VALUE || s > d91) && wo >= d91;
                boolean writtenOff = allocation.writtenOff[i] > 0 && wo > from && wo <= to;
                if (late || writtenOff) {
                    out.add(l.customers[c]);
                    break;
                }
            }
        }
        return out;
    }
}
