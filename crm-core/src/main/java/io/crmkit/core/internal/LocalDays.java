package io.crmkit.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Converts epoch seconds to calendar days of one zone, and days to the epoch microseconds of their
 * start, caching the offset interval last used (the span between two of the zone's transitions)
 * and the last day start, so that a run of times in one season costs no {@link ZoneRules} lookup.
 *
 * <p>Internal: not part of the crmkit API. Not thread-safe: one per pass.
 */
public final class LocalDays {

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    /** Microseconds in a day of 86,400 seconds. */
    public static final long MICROS_PER_DAY = 86_400_000_000L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixed;
    private int offset;
    /** The cached offset holds for epoch seconds in [validFrom, validUntil). */
    private long validFrom = Long.MAX_VALUE;
    private long validUntil = Long.MIN_VALUE;
    /** The same interval in epoch microseconds (saturated), and the offset in microseconds. */
    private long validFromMicros = Long.MAX_VALUE;
    private long validUntilMicros = Long.MIN_VALUE;
    private long offsetMicros;
    private long startDay = Long.MIN_VALUE;
    private long startMicros;

    /**
     * Creates a converter for a zone.
     *
     * @param zone the zone that defines calendar days, not null
     */
    public LocalDays(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        if (fixed) {
            offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
            validFrom = Long.MIN_VALUE;
            validUntil = Long.MAX_VALUE;
            validFromMicros = Long.MIN_VALUE;
            validUntilMicros = Long.MAX_VALUE;
            offsetMicros = offset * MICROS_PER_SECOND;
        }
    }

    /** Returns the calendar day (epoch day in the zone) of an instant given in epoch seconds. */
    public long epochDay(long epochSecond) {
        if (epochSecond < validFrom || epochSecond >= validUntil) {
            refresh(epochSecond);
        }
        return Math.floorDiv(Math.addExact(epochSecond, offset), SECONDS_PER_DAY);
    }

    /**
     * Returns the calendar day of an instant given in epoch microseconds, with one division; the
     * microseconds must lie within {@code OrderBatch.MIN_MICROS} and {@code OrderBatch.MAX_MICROS}
     * (so that adding an offset of at most 18 hours cannot overflow).
     */
    public long epochDayOfMicros(long epochMicros) {
        if (epochMicros < validFromMicros || epochMicros >= validUntilMicros) {
            refresh(Math.floorDiv(epochMicros, MICROS_PER_SECOND));
        }
        return Math.floorDiv(epochMicros + offsetMicros, MICROS_PER_DAY);
    }

    /**
     * Returns an instant in epoch microseconds, truncating nanoseconds.
     *
     * @param t the instant, not null
     * @return the microseconds
     * @throws ArithmeticException outside about 290,000 years of the epoch
     */
    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), MICROS_PER_SECOND), t.getNano() / 1_000);
    }

    /**
     * Returns a duration in microseconds, truncating nanoseconds.
     *
     * @param d the duration, not null
     * @return the microseconds
     * @throws ArithmeticException beyond the range of {@code long}
     */
    public static long micros(java.time.Duration d) {
        return Math.addExact(Math.multiplyExact(d.getSeconds(), MICROS_PER_SECOND), d.getNano() / 1_000);
    }

    /** Returns the epoch microseconds of the first instant of a calendar day in the zone. */
    public long startOfDayMicros(long epochDay) {
        if (epochDay != startDay) {
            long day = MICROS_PER_DAY;
            long candidate = epochDay * day - offsetMicros;
            if (candidate - day >= validFromMicros && candidate + day < validUntilMicros) {
                // no transition within a day of local midnight: midnight exists once, at the cached offset
                startMicros = candidate;
            } else {
                startMicros = micros(LocalDate.ofEpochDay(epochDay).atStartOfDay(zone)
                        .toInstant());
            }
            startDay = epochDay;
        }
        return startMicros;
    }

    private void refresh(long epochSecond) {
        Instant t = Instant.ofEpochSecond(epochSecond);
        offset = rules.getOffset(t).getTotalSeconds();
        // the previous transition at or before t, and the next one after it, bound the offset's interval
        ZoneOffsetTransition previous = rules.previousTransition(t.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(t);
        validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        if (epochSecond < validFrom || epochSecond >= validUntil) {
            // never expected; keep correctness by not caching
            validFrom = epochSecond;
            validUntil = epochSecond + 1;
        }
        offsetMicros = offset * MICROS_PER_SECOND;
        validFromMicros = saturatedMicros(validFrom);
        validUntilMicros = saturatedMicros(validUntil);
    }

    private static long saturatedMicros(long epochSecond) {
        long micros = epochSecond * MICROS_PER_SECOND;
        return micros / MICROS_PER_SECOND == epochSecond ? micros
                : epochSecond < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
}
