package io.crmkit.metrics.finance;

import io.crmkit.core.internal.Checks;
import java.time.LocalDate;

/**
 * A cash flow on a date: positive for money received, negative for money paid.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the date, not null
 * @param amount the amount in currency units, finite
 */
public record DatedCashFlow(LocalDate date, double amount) {

    /**
     * Validates the flow.
     *
     * @throws NullPointerException if the date is null
     * @throws IllegalArgumentException if the amount is not finite
     */
    public DatedCashFlow {
        Checks.notNull(date, "date");
        Checks.finite(amount, "amount");
    }

    /**
     * Returns the flow.
     *
     * @param date the date, not null
     * @param amount the amount, finite
     * @return the flow, never null
     */
    public static DatedCashFlow of(LocalDate date, double amount) {
        return new DatedCashFlow(date, amount);
    }
}
