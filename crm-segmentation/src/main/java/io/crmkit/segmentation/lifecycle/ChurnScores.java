package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import io.crmkit.metrics.internal.LogisticRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The churn probabilities of every customer who bought on or before the as-of date under a
 * {@link ChurnModel}. Prospects are not scored.
 *
 * <p>Reasons: with terms {@code t_j = beta_j (f_j - mean_j) / sd_j} of the logit and
 * {@code S = sum_j t_j}, contribution {@code j} is {@code t_j (sigma(b0 + S) - sigma(b0)) / S}
 * ({@code t_j sigma'(b0 + S/2)} when {@code |S| < 1e-6}): the difference {@code probability - base}
 * split in proportion to the terms, so it does not depend on any order of the features; the
 * contributions add up to {@code probability - base} (to rounding) and each has the sign of its
 * term. They are listed by magnitude (ties in {@link ChurnFeature} order), zero contributions left
 * out.
 *
 * <p>Ranking: probability (highest first), then value at risk (highest first), then customer identifier.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChurnScores {

    private static final String[] SOURCES = {"own", "population", "fallback", "no"};

    private final ChurnModel model;
    private final PurchaseTimelines timelines;
    private final ChurnFeatures features;
    private final double[] probability;
    private final Currency currency;

    ChurnScores(ChurnModel model, PurchaseTimelines timelines, ChurnFeatures features, double[] probability) {
        this.model = model;
        this.timelines = timelines;
        this.features = features;
        this.probability = probability;
        this.currency = timelines.currency().orElse(null);
    }

    /**
     * Returns the model that scored.
     *
     * @return the model, never null
     */
    public ChurnModel model() {
        return model;
    }

    /**
     * Returns, for every kept feature, the share of scored customers whose value lies outside the
     * feature's range among the training customers ({@link ChurnModel#trainingRange}). The
     * regression was fitted at the training date; a customer outside that range is scored by
     * extrapolating the fitted line, which the training labels never checked. Large shares mean the
     * scored base differs from the one trained on (for example a base acquired in one quarter,
     * trained while every customer was weeks old and scored months later: on the CDNOW sample
     * every customer's age lies outside the training range at every backtest split), and the
     * probabilities' calibration is then not backed by the training data.
     *
     * @return the share in [0, 1] per kept feature, in {@link ChurnFeature} order, never null
     */
    public Map<ChurnFeature, Double> outsideTrainingRange() {
        Map<ChurnFeature, Double> out = new EnumMap<>(ChurnFeature.class);
        int m = probability.length;
        for (ChurnFeature c : model.features()) {
            ChurnModel.Range range = model.trainingRange(c).orElseThrow();
            double[] v = features.value[c.ordinal()];
            int outside = 0;
            for (int k = 0; k < m; k++) {
                if (range.outside(v[k])) {
                    outside++;
                }
            }
            out.put(c, m == 0 ? 0.0 : outside / (double) m);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Returns the number of customers scored.
     *
     * @return the count
     */
    public int assessed() {
        return probability.length;
    }

    /**
     * Returns a customer's probability.
     *
     * @param id the customer, not null
     * @return the probability, empty when unknown or a prospect
     */
    public OptionalDouble probabilityOf(CustomerId id) {
        int k = index(id);
        return k < 0 ? OptionalDouble.empty() : OptionalDouble.of(probability[k]);
    }

    /**
     * Returns a customer's score with its contributions.
     *
     * @param id the customer, not null
     * @return the score, empty when unknown or a prospect
     */
    public Optional<ChurnScore> scoreOf(CustomerId id) {
        int k = index(id);
        return k < 0 ? Optional.empty() : Optional.of(score(k));
    }

    private int index(CustomerId id) {
        OptionalInt i = timelines.indexOf(Checks.notNull(id, "id"));
        return i.isEmpty() ? -1 : features.indexOfRow[i.getAsInt()];
    }

    /**
     * Returns the scores at or above a level, ranked.
     *
     * @param minimum the lowest level listed ({@link RiskLevel#NONE} lists everybody), not null
     * @return the scores, never null
     */
    public List<ChurnScore> atLeast(RiskLevel minimum) {
        Checks.notNull(minimum, "minimum");
        ProbabilityLevels levels = model.options().levels();
        int m = probability.length;
        double[] value = new double[m];
        int listed = 0;
        long[] keyed = new long[m];
        for (int k = 0; k < m; k++) {
            if (levels.of(probability[k]).compareTo(minimum) >= 0) {
                keyed[listed++] = k;
                value[k] = value(k).amount().doubleValue();
            }
        }
        Integer[] order = new Integer[listed];
        for (int j = 0; j < listed; j++) {
            order[j] = (int) keyed[j];
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(probability[y], probability[x]);
            if (c == 0) {
                c = Double.compare(value[y], value[x]);
            }
            return c != 0 ? c : Integer.compare(x, y);
        });
        List<ChurnScore> out = new ArrayList<>(listed);
        for (Integer k : order) {
            out.add(score(k));
        }
        return out;
    }

    /**
     * Returns the number of scored customers per level; every level is a key.
     *
     * @return the counts, never null
     */
    public Map<RiskLevel, Integer> counts() {
        Map<RiskLevel, Integer> out = new EnumMap<>(RiskLevel.class);
        for (RiskLevel l : RiskLevel.values()) {
            out.put(l, 0);
        }
        for (double p : probability) {
            out.merge(model.options().levels().of(p), 1, Integer::sum);
        }
        return out;
    }

    /**
     * Returns the mean probability over the scored customers: the expected share churning.
     *
     * @return the mean in [0, 1], 0 when nobody was scored
     */
    public double meanProbability() {
        double s = 0;
        for (double p : probability) {
            s += p;
        }
        return probability.length == 0 ? 0 : s / probability.length;
    }

    /**
     * Returns the definitions: what a purchase is and the model.
     *
     * @return the description, never null
     */
    public String definitions() {
        return timelines.options().describe() + "; " + model.describe();
    }

    /** Probabilities in assessed order (timeline order of the scored customers). */
    double[] probabilities() {
        return probability;
    }

    ChurnFeatures features() {
        return features;
    }

    private Money value(int k) {
        if (model.options().valueAtRisk() instanceof ValueAtRisk.Supplied supplied) {
            Money m = supplied.values().get(timelines.customerId(features.rows[k]));
            return m != null ? m : Money.ofMinor(0, currency);
        }
        return Money.ofMinor(features.revenue[k], currency);
    }

    ChurnScore score(int k) {
        List<ChurnFeature> kept = model.features();
        int q = kept.size();
        double[] terms = new double[q];
        Integer[] order = new Integer[q];
        double sum = 0;
        for (int j = 0; j < q; j++) {
            terms[j] = model.term(features, kept.get(j), k);
            order[j] = j;
            sum += terms[j];
        }
        // order-free split of p - base in proportion to the terms: the secant slope of sigma over
        // [b0, b0 + S] (its derivative at the midpoint when S is too small for the difference)
        double b0 = model.intercept;
        double slope;
        if (Math.abs(sum) < 1e-6) {
            double mid = LogisticRegression.sigmoid(b0 + sum / 2);
            slope = mid * (1 - mid);
        } else {
            slope = (LogisticRegression.sigmoid(b0 + sum) - LogisticRegression.sigmoid(b0)) / sum;
        }
        double[] amount = new double[q];
        for (int j = 0; j < q; j++) {
            amount[j] = terms[j] * slope;
        }
        Integer[] bySize = order;
        Arrays.sort(bySize, (x, y) -> {
            int c = Double.compare(Math.abs(amount[y]), Math.abs(amount[x]));
            return c != 0 ? c : Integer.compare(x, y);
        });
        List<Contribution> contributions = new ArrayList<>(q);
        for (Integer j : bySize) {
            if (amount[j] != 0) {
                contributions.add(new Contribution(kept.get(j), amount[j], reason(kept.get(j), amount[j], k)));
            }
        }
        double p = probability[k];
        return new ChurnScore(timelines.customerId(features.rows[k]), p, model.options().levels().of(p), value(k),
                model.base(), contributions);
    }

    private String reason(ChurnFeature feature, double amount, int k) {
        StringBuilder sb = new StringBuilder(80).append(amount >= 0 ? '+' : '-');
        Numbers.fixed(sb, Math.abs(amount), 2).append(": ");
        ChurnModelOptions o = model.options();
        switch (feature) {
            case MODEL -> {
                sb.append(model.transactionModel().name()).append(" P(no purchase in ").append(o.horizonDays())
                        .append(" days) ");
                Numbers.fixed(sb, features.modelProbability[k], 2).append(" after ").append(features.repeat[k])
                        .append(" repeat ").append(timelines.purchasesNoun(features.repeat[k]));
            }
            case RECENCY -> sb.append(features.since[k]).append(" days since the last purchase");
            case OVERDUE -> {
                Numbers.fixed(sb, features.since[k] / features.rhythm[k], 1).append(" x overdue against the ")
                        .append(SOURCES[features.rhythmSource[k]]).append(" rhythm of ");
                Numbers.fixed(sb, features.rhythm[k], 1).append(" days");
            }
            case FREQUENCY_DECLINE -> sb.append(features.recent[k]).append(' ')
                    .append(timelines.purchasesNoun(features.recent[k]))
                    .append(" in the last ")
                    .append(o.declineWindowDays()).append(" days against ").append(features.previous[k])
                    .append(" in the ").append(o.declineWindowDays()).append(" before");
            case MONETARY_DECLINE -> {
                double drop = features.value[ChurnFeature.MONETARY_DECLINE.ordinal()][k];
                sb.append("revenue ").append(drop >= 0 ? "down " : "up ");
                Numbers.fixed(sb, 100 * Math.abs(drop), 0).append("% in the last ").append(o.declineWindowDays())
                        .append(" days against the ").append(o.declineWindowDays()).append(" before");
            }
            case FREQUENCY -> sb.append(features.repeat[k]).append(" repeat ")
                    .append(timelines.purchasesNoun(features.repeat[k]));
            case VALUE -> sb.append("revenue so far ").append(Money.ofMinor(features.revenue[k], currency).amount()
                    .toPlainString());
            case AGE -> sb.append(features.age[k]).append(" days since the first purchase");
            case COMPLAINTS -> sb.append(features.complaints[k]).append(" complaints in the last ")
                    .append(o.complaintWindowDays()).append(" days");
            case DISSATISFACTION -> {
                if (features.score[k] < 0) {
                    sb.append("no survey response in the last ").append(o.surveyLookbackDays()).append(" days");
                } else {
                    sb.append("latest survey score ");
                    Numbers.fixed(sb, features.score[k], 2).append(" of 1");
                }
            }
            default -> throw new AssertionError(feature);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ChurnScores[" + probability.length + " customers, as of " + model.options().asOf() + "]";
    }
}
