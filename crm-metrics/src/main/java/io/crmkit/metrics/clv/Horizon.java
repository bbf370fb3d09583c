package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * A length of time with its unit, for prediction horizons: {@code Horizon.of(52, WEEKS)} or
 * {@code Horizon.parse("12m")}. A model converts a horizon into its own unit with
 * {@link #in(PeriodUnit)}, exactly (months and years are the mean Gregorian lengths of
 * {@link PeriodUnit}); a horizon is never a bare number whose unit is assumed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param amount the length, finite and not negative
 * @param unit its unit, not null
 */
public record Horizon(double amount, PeriodUnit unit) {

    /**
     * Validates the horizon.
     *
     * @throws IllegalArgumentException if the amount is negative or not finite
     * @throws NullPointerException if the unit is null
     */
    public Horizon {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(amount) || amount < 0) {
            throw new IllegalArgumentException("horizon amount must be finite and not negative: " + amount);
        }
    }

    /**
     * Returns a horizon.
     *
     * @param amount the length, finite and not negative
     * @param unit the unit, not null
     * @return the horizon, never null
     */
    public static Horizon of(double amount, PeriodUnit unit) {
        return new Horizon(amount, unit);
    }

    /**
     * Parses a number followed by a unit letter: {@code d} days, {@code w} weeks, {@code m}
     * months, {@code y} years (for example {@code 52w}, {@code 12m}, {@code 1.5y}).
     *
     * @param text the text, not null
     * @return the horizon, never null
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static Horizon parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.length() < 2) {
            throw new IllegalArgumentException("horizon must be a number and a unit (d, w, m, y), like 52w: " + text);
        }
        PeriodUnit unit = switch (t.charAt(t.length() - 1)) {
            case 'd' -> PeriodUnit.DAYS;
            case 'w' -> PeriodUnit.WEEKS;
            case 'm' -> PeriodUnit.MONTHS;
            case 'y' -> PeriodUnit.YEARS;
            default -> throw new IllegalArgumentException(
                    "horizon unit must be d, w, m or y (days, weeks, months, years), like 52w: " + text);
        };
        double amount;
        try {
            amount = Double.parseDouble(t.substring(0, t.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("horizon must start with a number, like 52w: " + text, e);
        }
        return new Horizon(amount, unit);
    }

    /**
     * Returns the length in another unit.
     *
     * @param target the unit, not null
     * @return the amount in {@code target}
     */
    public double in(PeriodUnit target) {
        return unit.convert(amount, target);
    }

    /**
     * Returns the canonical text, like {@code 52.0w}, that {@link #parse} accepts.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return amount + switch (unit) {
            case DAYS -> "d";
            case WEEKS -> "w";
            case MONTHS -> "m";
            case YEARS -> "y";
        };
    }
}
