package io.crmkit.core.history;

import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The instant at which purchase histories are observed, and with it the clock in which durations
 * are measured. There are two kinds, and the choice is explicit:
 *
 * <ul>
 *   <li>{@link #endOfDay(LocalDate)}: a <em>day clock</em>. Orders placed on or before the given
 *       calendar day (in the options' zone) are included; every time becomes a calendar day and
 *       durations are whole days. The observation point is the given day itself: a customer whose
 *       first purchase was on 1997-01-01 has an age of 272 days on {@code endOfDay(1997-09-30)}.
 *       This is the convention of the BTYD literature (CDNOW: T = 38.86 weeks) and of the R
 *       {@code rfm} package (recency = analysis date - last purchase date).</li>
 *   <li>{@link #instant(Instant)}: an <em>exact clock</em>. Orders placed strictly before the
 *       instant are included; durations are exact elapsed time to the instant, in 24-hour days,
 *       at microsecond resolution.</li>
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface AsOf permits AsOf.EndOfDay, AsOf.AtInstant {

    /**
     * Returns a day-clock observation through the end of the given day.
     *
     * @param lastDay the last calendar day observed, inclusive, not null
     * @return the as-of, never null
     */
    static AsOf endOfDay(LocalDate lastDay) {
        return new EndOfDay(lastDay);
    }

    /**
     * Returns an exact-clock observation at the given instant.
     *
     * @param instant the observation instant, exclusive for orders, not null
     * @return the as-of, never null
     */
    static AsOf instant(Instant instant) {
        return new AtInstant(instant);
    }

    /**
     * Returns the first instant not observed: orders placed at or after it are excluded.
     *
     * @param zone the zone that defines calendar days, not null
     * @return the exclusive cut-off, never null
     */
    Instant cutoff(ZoneId zone);

    /**
     * A day-clock observation through the end of {@code lastDay}.
     *
     * @param lastDay the last calendar day observed, inclusive, not null
     */
    record EndOfDay(LocalDate lastDay) implements AsOf {
        /**
         * Validates the day.
         *
         * @throws NullPointerException if {@code lastDay} is null
         */
        public EndOfDay {
            Checks.notNull(lastDay, "lastDay");
        }

        @Override
        public Instant cutoff(ZoneId zone) {
            return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        }

        /**
         * Returns {@code "end of <day>"}.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return "end of " + lastDay;
        }
    }

    /**
     * An exact-clock observation at {@code instant}.
     *
     * @param instant the observation instant, not null
     */
    record AtInstant(Instant instant) implements AsOf {
        /**
         * Validates the instant.
         *
         * @throws NullPointerException if {@code instant} is null
         */
        public AtInstant {
            Checks.notNull(instant, "instant");
        }

        @Override
        public Instant cutoff(ZoneId zone) {
            return instant;
        }

        /**
         * Returns the ISO-8601 instant.
         *
         * @return the text, never null
         */
        @Override
        public String toString() {
            return instant.toString();
        }
    }
}
