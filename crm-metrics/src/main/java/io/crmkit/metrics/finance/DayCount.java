package io.crmkit.metrics.finance;

import java.time.LocalDate;

/**
 * A day-count convention: how many years lie between two dates, for discounting dated flows
 * ({@link Npv#xnpv}, {@link Irr#xirr}). Implement it for conventions not in
 * {@link StandardDayCount}.
 *
 * <p>Implementations must be immutable and thread-safe.
 */
@FunctionalInterface
public interface DayCount {

    /**
     * Returns the year fraction from {@code start} to {@code end}.
     *
     * @param start the earlier date, not null
     * @param end the later date, not before {@code start}, not null
     * @return the number of years, not negative
     */
    double yearFraction(LocalDate start, LocalDate end);
}
