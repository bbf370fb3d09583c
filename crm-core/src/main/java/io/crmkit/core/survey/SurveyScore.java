package io.crmkit.core.survey;

import io.crmkit.core.internal.Checks;

/**
 * A score given on a {@linkplain SurveyScale scale}, checked to lie on it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scale the scale, not null
 * @param value the score, within the scale's bounds
 */
public record SurveyScore(SurveyScale scale, int value) {

    /**
     * Validates the score.
     *
     * @throws NullPointerException if the scale is null
     * @throws IllegalArgumentException if the value is off the scale
     */
    public SurveyScore {
        Checks.notNull(scale, "scale");
        if (!scale.contains(value)) {
            throw new IllegalArgumentException("score " + value + " is off the " + scale.name() + " scale "
                    + scale.min() + ".." + scale.max());
        }
    }

    /**
     * Returns an NPS answer (0 to 10).
     *
     * @param value the score
     * @return the score, never null
     * @throws IllegalArgumentException if not in 0..10
     */
    public static SurveyScore nps(int value) {
        return new SurveyScore(SurveyScale.NPS, value);
    }

    /**
     * Returns a CSAT answer (1 to 5).
     *
     * @param value the score
     * @return the score, never null
     * @throws IllegalArgumentException if not in 1..5
     */
    public static SurveyScore csat(int value) {
        return new SurveyScore(SurveyScale.CSAT, value);
    }

    /**
     * Returns a CES answer (1 to 7).
     *
     * @param value the score
     * @return the score, never null
     * @throws IllegalArgumentException if not in 1..7
     */
    public static SurveyScore ces(int value) {
        return new SurveyScore(SurveyScale.CES, value);
    }

    /**
     * Returns the score's position on its scale, from 0 (lowest) to 1 (highest).
     *
     * @return {@code (value - min) / (max - min)}
     */
    public double normalised() {
        return (value - scale.min()) / (double) (scale.max() - scale.min());
    }
}
