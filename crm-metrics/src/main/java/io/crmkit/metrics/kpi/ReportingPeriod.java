package io.crmkit.metrics.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The length of the periods of a KPI time series: ISO weeks (Monday to Sunday), calendar months,
 * calendar quarters or calendar years.
 *
 * <p>Immutable and thread-safe.
 */
public enum ReportingPeriod {
    /** ISO weeks, Monday to Sunday, labelled {@code 2026-W09}. */
    WEEK,
    /** Calendar months, labelled {@code 2026-03}. */
    MONTH,
    /** Calendar quarters, labelled {@code 2026-Q1}. */
    QUARTER,
    /** Calendar years, labelled {@code 2026}. */
    YEAR;

    /**
     * Returns the first day of the period containing a date.
     *
     * @param date the date, not null
     * @return the start of its period, never null
     */
    public LocalDate startOf(LocalDate date) {
        return switch (this) {
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.withMonth((date.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /**
     * Returns the first day of the next period.
     *
     * @param periodStart the first day of a period, not null
     * @return the first day of the following period, never null
     */
    public LocalDate next(LocalDate periodStart) {
        return switch (this) {
            case WEEK -> periodStart.plusWeeks(1);
            case MONTH -> periodStart.plusMonths(1);
            case QUARTER -> periodStart.plusMonths(3);
            case YEAR -> periodStart.plusYears(1);
        };
    }

    /**
     * Returns the label of the period starting on a date.
     *
     * @param periodStart the first day of the period, not null
     * @return the label, such as {@code 2026-W09}, {@code 2026-03}, {@code 2026-Q1} or {@code 2026}
     */
    public String label(LocalDate periodStart) {
        return switch (this) {
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", periodStart.get(IsoFields.WEEK_BASED_YEAR),
                    periodStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", periodStart.getYear(), periodStart.getMonthValue());
            case QUARTER -> periodStart.getYear() + "-Q" + ((periodStart.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(periodStart.getYear());
        };
    }
}
