package io.crmkit.core;

import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, held exactly as a {@link BigDecimal} at the currency's scale.
 *
 * <p>The amount is normalised in the constructor: an amount with fewer decimal places than the
 * currency uses is widened ({@code 5} USD becomes {@code 5.00}), one with more is accepted only when
 * the extra digits are zeros ({@code 5.000} becomes {@code 5.00}); anything else must be rounded
 * explicitly with {@link #of(BigDecimal, Currency, RoundingMode)}. For currencies without a
 * defined scale ({@code XXX}, {@code XAU}) trailing zeros are stripped. Two equal amounts are
 * therefore always {@code equals}. Arithmetic between different currencies throws
 * {@link CurrencyMismatchException}; crmkit never converts.
 *
 * <p>{@link #toString()} prints {@code "USD 12.34"}, which {@link #parse(String)} accepts.
 *
 * <p>Immutable and thread-safe.
 *
 * @param amount the amount, at the currency's scale, not null
 * @param currency the currency, not null
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /**
     * Validates and normalises the amount to the currency's scale.
     *
     * @throws NullPointerException if an argument is null
     * @throws ArithmeticException if the amount has non-zero digits beyond the currency's scale
     */
    public Money {
        Checks.notNull(amount, "amount");
        Checks.notNull(currency, "currency");
        amount = normalise(amount, currency);
    }

    private static BigDecimal normalise(BigDecimal amount, Currency currency) {
        int scale = currency.getDefaultFractionDigits();
        if (scale < 0) {
            BigDecimal stripped = amount.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        if (amount.scale() == scale) {
            return amount;
        }
        try {
            return amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("amount " + amount.toPlainString() + " has more decimal places than "
                    + currency.getCurrencyCode() + " allows (" + scale
                    + "); round it explicitly with Money.of(amount, currency, roundingMode)");
        }
    }

    /**
     * Returns the amount in the currency, which must fit the currency's scale.
     *
     * @param amount the amount, not null
     * @param currency the currency, not null
     * @return the money, never null
     * @throws ArithmeticException if the amount has non-zero digits beyond the currency's scale
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * Returns the amount rounded to the currency's scale with the given rounding mode.
     *
     * @param amount the amount, not null
     * @param currency the currency, not null
     * @param rounding how to round extra decimal places, not null
     * @return the money, never null
     */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        Checks.notNull(amount, "amount");
        Checks.notNull(currency, "currency");
        Checks.notNull(rounding, "rounding");
        int scale = currency.getDefaultFractionDigits();
        return new Money(scale < 0 ? amount : amount.setScale(scale, rounding), currency);
    }

    /**
     * Returns the amount given as a decimal string in the currency with the given ISO 4217 code.
     *
     * @param amount a decimal such as {@code "12.34"}, not null
     * @param currencyCode an ISO 4217 code such as {@code "USD"}, not null
     * @return the money, never null
     * @throws IllegalArgumentException if the amount or the code cannot be read
     */
    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), currency(currencyCode));
    }

    /**
     * Returns the amount given in minor units (cents for USD).
     *
     * @param minorUnits the amount in minor units
     * @param currency the currency, not null
     * @return the money, never null
     */
    public static Money ofMinor(long minorUnits, Currency currency) {
        Checks.notNull(currency, "currency");
        return new Money(BigDecimal.valueOf(minorUnits, Math.max(0, currency.getDefaultFractionDigits())), currency);
    }

    /**
     * Returns how many minor units make one whole unit of a currency: 100 for two decimal places,
     * 1 for none (and for currencies without a defined number of places).
     *
     * @param currency the currency, not null
     * @return a power of ten, at least 1
     */
    public static long minorUnitsPerUnit(Currency currency) {
        Checks.notNull(currency, "currency");
        long m = 1;
        for (int i = 0; i < Math.max(0, currency.getDefaultFractionDigits()); i++) {
            m *= 10;
        }
        return m;
    }

    /**
     * Returns zero in the currency.
     *
     * @param currency the currency, not null
     * @return zero, never null
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Parses the form printed by {@link #toString()}: an ISO 4217 code, one space and a decimal
     * amount, for example {@code "USD 12.34"} or {@code "JPY -500"}.
     *
     * @param text the text, not null
     * @return the money, never null
     * @throws IllegalArgumentException if the text is not of that form
     * @throws ArithmeticException if the amount has non-zero digits beyond the currency's scale
     */
    public static Money parse(String text) {
        Checks.notNull(text, "money");
        int space = text.indexOf(' ');
        if (space != 3 || text.length() < 5) {
            throw new IllegalArgumentException(
                    "money must be a currency code, a space and an amount, such as 'USD 12.34': '" + text + "'");
        }
        return new Money(parseAmount(text.substring(4)), currency(text.substring(0, 3)));
    }

    /**
     * Returns the currency with the given ISO 4217 code.
     *
     * @param code the code, not null
     * @return the currency, never null
     * @throws IllegalArgumentException if the code is not a known ISO 4217 code
     */
    public static Currency currency(String code) {
        Checks.notNull(code, "currency");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as 'USD': '" + code + "'", e);
        }
    }

    private static BigDecimal parseAmount(String amount) {
        Checks.notNull(amount, "amount");
        try {
            return new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount must be a decimal number such as '12.34': '" + amount + "'", e);
        }
    }

    //-----------------------------------------------------------------------

    /**
     * Returns the sum of this and another amount.
     *
     * @param other the amount to add, in the same currency, not null
     * @return the sum, never null
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other, "plus");
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * Returns this amount minus another.
     *
     * @param other the amount to subtract, in the same currency, not null
     * @return the difference, never null
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other, "minus");
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * Returns this amount multiplied by a factor and rounded to the currency's scale.
     *
     * @param factor the factor, not null
     * @param rounding how to round, not null
     * @return the product, never null
     */
    public Money multipliedBy(BigDecimal factor, RoundingMode rounding) {
        Checks.notNull(factor, "factor");
        return of(amount.multiply(factor), currency, rounding);
    }

    /**
     * Returns the negated amount.
     *
     * @return the negation, never null
     */
    public Money negated() {
        return new Money(amount.negate(), currency);
    }

    /**
     * Returns whether the amount is zero.
     *
     * @return true if zero
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Returns whether the amount is below zero.
     *
     * @return true if negative
     */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Returns the amount in minor units (cents for USD), exactly. For currencies without a defined
     * scale the minor unit is the whole unit.
     *
     * @return the amount in minor units
     * @throws ArithmeticException if it does not fit a {@code long}, or is not a whole number of
     *     minor units (only possible for currencies without a defined scale)
     */
    public long toMinorUnits() {
        return amount.movePointRight(Math.max(0, currency.getDefaultFractionDigits())).longValueExact();
    }

    /**
     * Compares two amounts in the same currency by value.
     *
     * @param other the other amount, not null
     * @return negative, zero or positive as this amount is less than, equal to or greater than other
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compareTo");
        return amount.compareTo(other.amount);
    }

    /**
     * Checks that another amount is in this amount's currency.
     *
     * @param other the other amount, not null
     * @param context what is being done, for the error message, not null
     * @throws CurrencyMismatchException if the currencies differ
     */
    public void requireSameCurrency(Money other, String context) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency, context);
        }
    }

    /**
     * Returns the canonical form, such as {@code "USD 12.34"}, which {@link #parse(String)} accepts.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + ' ' + amount.toPlainString();
    }
}
