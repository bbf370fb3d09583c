package io.crmkit.core;

import java.util.Currency;
import java.util.Objects;

/**
 * Thrown when two amounts in different currencies meet where one currency is required: adding
 * {@code USD} to {@code EUR}, an order whose lines are in another currency than its totals, or an
 * analytic asked to sum orders of mixed currencies. crmkit never converts currencies itself.
 *
 * <p>Immutable and thread-safe.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Currency expected;
    private final transient Currency actual;

    /**
     * Creates the exception.
     *
     * @param expected the currency that was required, not null
     * @param actual the currency that was found, not null
     * @param context what was being done, for the message (for example {@code "order 42"}), not null
     */
    public CurrencyMismatchException(Currency expected, Currency actual, String context) {
        super("currency mismatch in " + Objects.requireNonNull(context, "context") + ": expected "
                + Objects.requireNonNull(expected, "expected").getCurrencyCode() + " but found "
                + Objects.requireNonNull(actual, "actual").getCurrencyCode());
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * Returns the currency that was required.
     *
     * @return the expected currency, never null
     */
    public Currency expected() {
        return expected;
    }

    /**
     * Returns the currency that was found.
     *
     * @return the actual currency, never null
     */
    public Currency actual() {
        return actual;
    }
}
