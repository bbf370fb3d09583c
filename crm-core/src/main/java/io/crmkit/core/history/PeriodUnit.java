package io.crmkit.core.history;

import io.crmkit.core.internal.Checks;
import java.time.temporal.ChronoUnit;

/**
 * The time unit in which a model measures durations: days, weeks, months or years, each with a
 * fixed length in days. Months and years use the mean Gregorian lengths of
 * {@link ChronoUnit#MONTHS} and {@link ChronoUnit#YEARS} (30.436875 and 365.2425 days), so that a
 * quantity converts between units exactly and without guessing.
 *
 * <p>Immutable and thread-safe.
 */
public enum PeriodUnit {
    /** One day: 1 day. */
    DAYS(1.0),
    /** One week: 7 days. */
    WEEKS(7.0),
    /** One mean Gregorian month: 30.436875 days. */
    MONTHS(ChronoUnit.MONTHS.getDuration().getSeconds() / 86_400.0),
    /** One mean Gregorian year: 365.2425 days. */
    YEARS(ChronoUnit.YEARS.getDuration().getSeconds() / 86_400.0);

    private final double days;

    PeriodUnit(double days) {
        this.days = days;
    }

    /**
     * Returns the length of one unit in days.
     *
     * @return the number of days in one unit
     */
    public double days() {
        return days;
    }

    /**
     * Returns the unit's singular English noun, for messages: {@code day}, {@code week},
     * {@code month}, {@code year}.
     *
     * @return the noun, never null
     */
    public String singular() {
        String n = name().toLowerCase(java.util.Locale.ROOT);
        return n.substring(0, n.length() - 1);
    }

    /**
     * Converts a number of days into this unit.
     *
     * @param days the number of days, finite
     * @return the same span in this unit
     */
    public double fromDays(double days) {
        return Checks.finite(days, "days") / this.days;
    }

    /**
     * Converts an amount of this unit into another unit.
     *
     * @param amount the amount in this unit, finite
     * @param target the unit to convert to, not null
     * @return the same span in {@code target} units
     */
    public double convert(double amount, PeriodUnit target) {
        Checks.notNull(target, "target");
        return Checks.finite(amount, "amount") * days / target.days;
    }
}
