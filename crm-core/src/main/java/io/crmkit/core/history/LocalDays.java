package io.crmkit.core.history;

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
 * <p>Not thread-safe: one per summarising pass.
 */
final class LocalDays {

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long MICROS_PER_SECOND = 1_000_000L;

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

    LocalDays(ZoneId zone) {
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
    long epochDay(long epochSecond) {
        if (epochSecond < validFrom || epochSecond >= validUntil) {
            refresh(epochSecond);
        }
        return Math.floorDiv(Math.addExact(epochSecond, offset), SECONDS_PER_DAY);
    }

    /**
     * Returns the calendar day of an instant given in epoch microseconds, with one division; the
     * microseconds must lie within {@link OrderBatch#MIN_MICROS} and {@link OrderBatch#MAX_MICROS}
     * (so that adding an offset of at most 18 hours cannot overflow).
     */
    long epochDayOfMicros(long epochMicros) {
        if (epochMicros < validFromMicros || epochMicros >= validUntilMicros) {
            refresh(Math.floorDiv(epochMicros, MICROS_PER_SECOND));
        }
        return Math.floorDiv(epochMicros + offsetMicros, PurchaseHistoryAccumulator.MICROS_PER_DAY);
    }

    /** Returns the epoch microseconds of the first instant of a calendar day in the zone. */
    long startOfDayMicros(long epochDay) {
        if (epochDay != startDay) {
            long day = PurchaseHistoryAccumulator.MICROS_PER_DAY;
            long candidate = epochDay * day - offsetMicros;
            if (candidate - day >= validFromMicros && candidate + day < validUntilMicros) {
                // no transition within a day of local midnight: midnight exists once, at the cached offset
                startMicros = candidate;
            } else {
                startMicros = PurchaseHistoryAccumulator.micros(LocalDate.ofEpochDay(epochDay).atStartOfDay(zone)
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
