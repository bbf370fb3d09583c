package io.crmkit.metrics.finance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The common day-count conventions.
 *
 * <p>Immutable and thread-safe.
 */
public enum StandardDayCount implements DayCount {
    /** Actual days / 365, whatever the year: Excel's and LibreOffice's XNPV and XIRR. */
    ACTUAL_365_FIXED(365.0),
    /** Actual days / 360: money-market convention. */
    ACTUAL_360(360.0);

    private final double daysPerYear;

    StandardDayCount(double daysPerYear) {
        this.daysPerYear = daysPerYear;
    }

    @Override
    public double yearFraction(LocalDate start, LocalDate end) {
        return ChronoUnit.DAYS.between(start, end) / daysPerYear;
    }
}
