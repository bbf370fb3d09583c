package io.crmkit.metrics.credit;

import io.crmkit.core.internal.Checks;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A customer's usual paying day, learned from its past payments: a day of the month (a payment on
 * the last day of a shorter month counts for days 29-31), a weekday, or none.
 *
 * <p>Learning ({@link #learn}): with at least {@code minPayments} payments, the day of the month
 * and the weekday with the most payments are found (ties to the earliest); the one with the larger
 * share wins if that share is at least {@code minShare}, the day of the month on a tie. A weekday
 * is found by chance in one payment of seven, a day of the month in one of thirty, so the default
 * share of one half is far above chance for either.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of rule, not null
 * @param dayOfMonth the day of the month (1-31) for {@link Kind#DAY_OF_MONTH}, else 0
 * @param weekday the weekday for {@link Kind#WEEKDAY}, else empty, not null
 * @param payments the payments the rule was learned from
 * @param matching how many of them fell on the day
 */
public record PaydayRule(Kind kind, int dayOfMonth, Optional<DayOfWeek> weekday, int payments, int matching) {

    /** The kind of rule. */
    public enum Kind {
        /** A day of the month. */
        DAY_OF_MONTH,
        /** A day of the week. */
        WEEKDAY,
        /** No usual day (too few payments, or none frequent enough). */
        NONE
    }

    /**
     * Validates the rule.
     *
     * @throws IllegalArgumentException if the fields do not fit the kind
     */
    public PaydayRule {
        Checks.notNull(kind, "kind");
        Checks.optional(weekday, "weekday");
        if ((kind == Kind.DAY_OF_MONTH) != (dayOfMonth >= 1 && dayOfMonth <= 31)
                || (kind == Kind.WEEKDAY) != weekday.isPresent() || matching < 0 || matching > payments) {
            throw new IllegalArgumentException("inconsistent payday rule: " + kind + " " + dayOfMonth + " " + weekday
                    + " " + matching + "/" + payments);
        }
    }

    /**
     * Learns the rule from payment days.
     *
     * @param days the days of the customer's payments, not null
     * @param minPayments the fewest payments to learn from, at least 1
     * @param minShare the least share of payments on the day, in (0, 1]
     * @return the rule, never null
     */
    public static PaydayRule learn(List<LocalDate> days, int minPayments, double minShare) {
        Checks.notNull(days, "days");
        int n = days.size();
        if (n < minPayments || n == 0) {
            return new PaydayRule(Kind.NONE, 0, Optional.empty(), n, 0);
        }
        int bestDom = 1;
        int domCount = -1;
        for (int d = 1; d <= 31; d++) {
            int count = 0;
            for (LocalDate p : days) {
                if (p.getDayOfMonth() == Math.min(d, p.lengthOfMonth())) {
                    count++;
                }
            }
            if (count > domCount) {
                domCount = count;
                bestDom = d;
            }
        }
        int[] byWeekday = new int[7];
        for (LocalDate p : days) {
            byWeekday[p.getDayOfWeek().ordinal()]++;
        }
        int bestDow = 0;
        for (int w = 1; w < 7; w++) {
            if (byWeekday[w] > byWeekday[bestDow]) {
                bestDow = w;
            }
        }
        int dowCount = byWeekday[bestDow];
        if (domCount >= dowCount && domCount >= minShare * n) {
            return new PaydayRule(Kind.DAY_OF_MONTH, bestDom, Optional.empty(), n, domCount);
        }
        if (dowCount >= minShare * n) {
            return new PaydayRule(Kind.WEEKDAY, 0, Optional.of(DayOfWeek.of(bestDow + 1)), n, dowCount);
        }
        return new PaydayRule(Kind.NONE, 0, Optional.empty(), n, Math.max(domCount, dowCount));
    }

    /**
     * Returns the first paying day on or after a day (the day itself without a rule).
     *
     * @param day the day, not null
     * @return the paying day, never null
     */
    public LocalDate nextOnOrAfter(LocalDate day) {
        return switch (kind) {
            case DAY_OF_MONTH -> {
                LocalDate here = day.withDayOfMonth(Math.min(dayOfMonth, day.lengthOfMonth()));
                if (!here.isBefore(day)) {
                    yield here;
                }
                LocalDate next = day.plusMonths(1);
                yield next.withDayOfMonth(Math.min(dayOfMonth, next.lengthOfMonth()));
            }
            case WEEKDAY -> day.with(TemporalAdjusters.nextOrSame(weekday.orElseThrow()));
            case NONE -> day;
        };
    }

    /**
     * Describes the rule, such as {@code "day 25 (7 of 9 payments)"}, {@code "friday (5 of 8
     * payments)"} or {@code "none (2 payments)"}.
     *
     * @return the text, never null
     */
    public String describe() {
        return switch (kind) {
            case DAY_OF_MONTH -> "day " + dayOfMonth + " (" + matching + " of " + payments + " payments)";
            case WEEKDAY -> weekday.orElseThrow().name().toLowerCase(Locale.ROOT) + " (" + matching + " of " + payments
                    + " payments)";
            case NONE -> "none (" + payments + " payments)";
        };
    }
}
