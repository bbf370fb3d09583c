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

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixed;
    private int offset;
    /** The cached offset holds for epoch seconds in [validFrom, validUntil). */
    private long validFrom = Long.MAX_VALUE;
    private long validUntil = Long.MIN_VALUE;
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
        }
    }

    /** Returns the calendar day (epoch day in the zone) of an instant given in epoch seconds. */
    long epochDay(long epochSecond) {
        if (epochSecond < validFrom || epochSecond >= validUntil) {
            refresh(epochSecond);
        }
        return Math.floorDiv(Math.addExact(epochSecond, offset), SECONDS_PER_DAY);
    }

    /** Returns the calendar day of an instant given in epoch microseconds. */
    long epochDayOfMicros(long epochMicros) {
        return epochDay(Math.floorDiv(epochMicros, 1_000_000L));
    }

    /** Returns the epoch microseconds of the first instant of a calendar day in the zone. */
    long startOfDayMicros(long epochDay) {
        if (epochDay != startDay) {
            startMicros = PurchaseHistoryAccumulator.micros(LocalDate.ofEpochDay(epochDay).atStartOfDay(zone)
                    .toInstant());
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
    }
}
