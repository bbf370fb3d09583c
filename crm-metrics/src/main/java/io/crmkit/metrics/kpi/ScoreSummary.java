package io.crmkit.metrics.kpi;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.survey.SurveyScale;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The distribution of the scores given on one {@linkplain SurveyScale scale}, and the summaries
 * read from it: the mean, "top-k-box" shares, and for the NPS scale the Net Promoter Score with its
 * margin of error.
 *
 * <p>NPS: promoters score 9 or 10, passives 7 or 8, detractors 0 to 6;
 * {@code NPS = 100 * (promoters - detractors) / n}, in [-100, 100]. Its standard error is
 * {@code 100 * sqrt((pP (1 - pP) + pD (1 - pD) + 2 pP pD) / n)} (the variance of a difference of two
 * multinomial shares), and the margin of error is {@code z} standard errors (1.96 for 95 %).
 * CSAT is usually reported as the top-2-box share (4 or 5 on 1..5), CES as the mean or the share
 * at or above 5 on 1..7 (top-3-box).
 *
 * <p>Every summary is empty when there are no responses (never NaN).
 *
 * <p>Immutable and thread-safe.
 */
public final class ScoreSummary {

    private final SurveyScale scale;
    private final long[] counts;
    private final long n;

    ScoreSummary(SurveyScale scale, long[] counts) {
        this.scale = scale;
        this.counts = counts;
        this.n = Arrays.stream(counts).sum();
    }

    /**
     * Returns the summary of the given scores.
     *
     * @param scale the scale, not null
     * @param scores the scores, each on the scale, not null
     * @return the summary, never null
     * @throws IllegalArgumentException if a score is off the scale
     */
    public static ScoreSummary of(SurveyScale scale, int... scores) {
        Checks.notNull(scale, "scale");
        long[] counts = new long[scale.max() - scale.min() + 1];
        for (int s : Checks.notNull(scores, "scores")) {
            if (!scale.contains(s)) {
                throw new IllegalArgumentException("score " + s + " is off the " + scale.name() + " scale "
                        + scale.min() + ".." + scale.max());
            }
            counts[s - scale.min()]++;
        }
        return new ScoreSummary(scale, counts);
    }

    /**
     * Returns the scale.
     *
     * @return the scale, never null
     */
    public SurveyScale scale() {
        return scale;
    }

    /**
     * Returns the number of responses.
     *
     * @return the count
     */
    public long responses() {
        return n;
    }

    /**
     * Returns how many responses gave a score.
     *
     * @param score a score on the scale
     * @return the count
     */
    public long count(int score) {
        if (!scale.contains(score)) {
            throw new IllegalArgumentException("score " + score + " is off the " + scale.name() + " scale");
        }
        return counts[score - scale.min()];
    }

    /**
     * Returns the mean score.
     *
     * @return the mean, or empty without responses
     */
    public OptionalDouble mean() {
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += (double) counts[k] * (scale.min() + k);
        }
        return OptionalDouble.of(sum / n);
    }

    /**
     * Returns the share of responses among the top {@code k} scores of the scale (top-2-box for
     * CSAT: 4 and 5).
     *
     * @param k how many of the highest scores count, at least 1, at most the number of scores
     * @return the share in [0, 1], or empty without responses
     */
    public OptionalDouble topBoxShare(int k) {
        if (k < 1 || k > counts.length) {
            throw new IllegalArgumentException("k must be between 1 and " + counts.length + ": " + k);
        }
        long top = 0;
        for (int i = counts.length - k; i < counts.length; i++) {
            top += counts[i];
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(top / (double) n);
    }

    /**
     * Returns the number of promoters (9 or 10).
     *
     * @return the count
     * @throws IllegalStateException if this is not the NPS scale
     */
    public long promoters() {
        requireNps();
        return counts[9] + counts[10];
    }

    /**
     * Returns the number of detractors (0 to 6).
     *
     * @return the count
     * @throws IllegalStateException if this is not the NPS scale
     */
    public long detractors() {
        requireNps();
        long d = 0;
        for (int s = 0; s <= 6; s++) {
            d += counts[s];
        }
        return d;
    }

    /**
     * Returns the Net Promoter Score.
     *
     * @return the score in [-100, 100], or empty without responses
     * @throws IllegalStateException if this is not the NPS scale
     */
    public OptionalDouble nps() {
        requireNps();
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * (promoters() - detractors()) / n);
    }

    /**
     * Returns the margin of error of the NPS: {@code z} standard errors.
     *
     * @param z the normal quantile of the confidence level (1.96 for 95 %, 2.576 for 99 %), positive
     * @return the margin in NPS points, or empty without responses
     * @throws IllegalStateException if this is not the NPS scale
     */
    public OptionalDouble npsMarginOfError(double z) {
        requireNps();
        if (!(z > 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("z must be a positive number: " + z);
        }
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double pp = promoters() / (double) n;
        double pd = detractors() / (double) n;
        return OptionalDouble.of(100 * z * Math.sqrt((pp * (1 - pp) + pd * (1 - pd) + 2 * pp * pd) / n));
    }

    private void requireNps() {
        if (!scale.equals(SurveyScale.NPS)) {
            throw new IllegalStateException("NPS figures need the NPS scale 0..10, not " + scale.name());
        }
    }

    /**
     * Returns the scale name, the number of responses and the mean.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "ScoreSummary[" + scale.name() + ", n=" + n + ", mean=" + mean() + "]";
    }
}
