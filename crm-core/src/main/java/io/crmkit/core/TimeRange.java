package io.crmkit.core;

import io.crmkit.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A half-open interval of time {@code [start, end)}: it contains {@code start} and every instant
 * before {@code end}, but not {@code end} itself. Consecutive ranges therefore tile time without
 * overlap: {@code [a, b)} and {@code [b, c)} share no instant. An empty range ({@code start == end})
 * is allowed and contains nothing.
 *
 * <p>{@link #all()} spans {@link Instant#MIN} to {@link Instant#MAX} (and so excludes
 * {@code Instant.MAX} itself, which no real event carries).
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the first instant in the range, not null
 * @param end the first instant after the range, not before {@code start}, not null
 */
public record TimeRange(Instant start, Instant end) {

    private static final TimeRange ALL = new TimeRange(Instant.MIN, Instant.MAX);
    private static final TimeRange RECORDABLE = new TimeRange(Instant.parse("1000-01-01T00:00:00Z"),
            Instant.parse("9999-01-01T00:00:00Z"));

    /**
     * Validates the range.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public TimeRange {
        Checks.notNull(start, "start");
        Checks.notNull(end, "end");
        Checks.notBefore(start, end, "start", "end");
    }

    /**
     * Returns the range {@code [start, end)}.
     *
     * @param start the first instant in the range, not null
     * @param end the first instant after the range, not null
     * @return the range, never null
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public static TimeRange of(Instant start, Instant end) {
        return new TimeRange(start, end);
    }

    /**
     * Returns the range of all time.
     *
     * @return {@code [Instant.MIN, Instant.MAX)}, never null
     */
    public static TimeRange all() {
        return ALL;
    }

    /**
     * Returns the instants crmkit's readers accept for recorded events (orders, payments, points
     * events): from 1000-01-01T00:00Z to, but excluding, 9999-01-01T00:00Z. Every file reader rejects
     * a timestamp outside it as a bad value of its row, and the JDBC schema stores exactly this
     * range, so a file that reads also loads. Wider than any real record, narrower than what SQL
     * timestamp columns and ISO 8601's four-digit years hold.
     *
     * @return {@code [1000-01-01T00:00Z, 9999-01-01T00:00Z)}, never null
     */
    public static TimeRange recordable() {
        return RECORDABLE;
    }

    /**
     * Returns every instant before {@code end}.
     *
     * @param end the first instant after the range, not null
     * @return {@code [Instant.MIN, end)}, never null
     */
    public static TimeRange until(Instant end) {
        return new TimeRange(Instant.MIN, end);
    }

    /**
     * Returns every instant from {@code start} on.
     *
     * @param start the first instant in the range, not null
     * @return {@code [start, Instant.MAX)}, never null
     */
    public static TimeRange from(Instant start) {
        return new TimeRange(start, Instant.MAX);
    }

    /**
     * Returns whether the instant lies in the range: {@code start <= instant < end}.
     *
     * @param instant the instant, not null
     * @return true if contained
     */
    public boolean contains(Instant instant) {
        Checks.notNull(instant, "instant");
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /**
     * Returns whether the range contains no instant.
     *
     * @return true if {@code start == end}
     */
    public boolean isEmpty() {
        return start.equals(end);
    }

    /**
     * Returns whether this range and another share at least one instant.
     *
     * @param other the other range, not null
     * @return true if they overlap
     */
    public boolean overlaps(TimeRange other) {
        Checks.notNull(other, "other");
        return start.isBefore(other.end) && other.start.isBefore(end) && !isEmpty() && !other.isEmpty();
    }

    /**
     * Returns the length of the range.
     *
     * @return {@code end - start}, never null
     * @throws ArithmeticException if the length does not fit a {@link Duration}
     */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * Returns the canonical form {@code [start, end)} with ISO-8601 instants.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
