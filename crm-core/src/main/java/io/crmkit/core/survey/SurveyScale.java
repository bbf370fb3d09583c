package io.crmkit.core.survey;

import io.crmkit.core.internal.Checks;

/**
 * A closed integer rating scale: a name and its bounds. The standard scales are
 * {@link #NPS} (likelihood to recommend, 0 to 10), {@link #CSAT} (satisfaction, 1 to 5) and
 * {@link #CES} (customer effort, 1 to 7); hosts may define others with {@link #custom}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the scale's name, not null; the names {@code NPS}, {@code CSAT} and {@code CES} are
 *     reserved for the standard scales and must carry their standard bounds
 * @param min the lowest score, not negative
 * @param max the highest score, greater than {@code min}, at most 100
 */
public record SurveyScale(String name, int min, int max) {

    /** Net Promoter Score question: "How likely are you to recommend...?", 0 to 10. */
    public static final SurveyScale NPS = new SurveyScale("NPS", 0, 10);
    /** Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
    public static final SurveyScale CSAT = new SurveyScale("CSAT", 1, 5);
    /** Customer effort score, 1 (very difficult) to 7 (very easy). */
    public static final SurveyScale CES = new SurveyScale("CES", 1, 7);

    /**
     * Validates the scale.
     *
     * @throws NullPointerException if the name is null
     * @throws IllegalArgumentException if the bounds are invalid or a reserved name has other bounds
     */
    public SurveyScale {
        Checks.text(name, "scale name");
        if (min < 0 || max <= min || max > 100) {
            throw new IllegalArgumentException(
                    "scale " + name + " must have 0 <= min < max <= 100, was " + min + ".." + max);
        }
        checkReserved(name, min, max, "NPS", 0, 10);
        checkReserved(name, min, max, "CSAT", 1, 5);
        checkReserved(name, min, max, "CES", 1, 7);
    }

    private static void checkReserved(String name, int min, int max, String reserved, int rMin, int rMax) {
        if (name.equals(reserved) && (min != rMin || max != rMax)) {
            throw new IllegalArgumentException("scale name " + reserved + " is reserved for the standard scale "
                    + rMin + ".." + rMax + ", was " + min + ".." + max);
        }
    }

    /**
     * Returns a custom scale.
     *
     * @param name the name, not one of the reserved names unless with the standard bounds, not null
     * @param min the lowest score
     * @param max the highest score
     * @return the scale, never null
     */
    public static SurveyScale custom(String name, int min, int max) {
        return new SurveyScale(name, min, max);
    }

    /**
     * Returns whether the score lies on this scale.
     *
     * @param value the score
     * @return true if {@code min <= value <= max}
     */
    public boolean contains(int value) {
        return value >= min && value <= max;
    }
}
