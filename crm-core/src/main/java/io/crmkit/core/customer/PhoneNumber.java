package io.crmkit.core.customer;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;

/**
 * A phone number in international E.164 form: {@code +}, a country calling code and the national
 * number, 8 to 15 digits in all.
 *
 * <p>{@link #of(String)} accepts the common written forms ({@code +86 138-0013-8000},
 * {@code +1 (415) 555 0100}, a leading {@code 00} instead of {@code +}) and stores the digits only
 * ({@code +8613800138000}). Numbers without a country code are rejected, since the country cannot be
 * guessed. Validation is structural: whether a number is assigned is not checked (a host that
 * needs that should validate with a numbering-plan library before building the value).
 *
 * <p>Personal data: {@link #toString()} prints the masked form ({@code +***8000}); the full number
 * is available from {@link #value()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the number in E.164 form, not null
 */
public record PhoneNumber(String value) implements ContactPoint {

    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;

    /**
     * Validates and normalises the number.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if the number is malformed; the message shows it masked
     */
    public PhoneNumber {
        Checks.notNull(value, "phone");
        value = normalise(value);
    }

    /**
     * Returns the phone number.
     *
     * @param value the number in a common written international form, not null
     * @return the number, never null
     * @throws IllegalArgumentException if the number is malformed
     */
    public static PhoneNumber of(String value) {
        return new PhoneNumber(value);
    }

    private static String normalise(String value) {
        String s = value.strip();
        String rest;
        if (s.startsWith("+")) {
            rest = s.substring(1);
        } else if (s.startsWith("00")) {
            rest = s.substring(2);
        } else {
            throw invalid(value, "must start with '+' and a country calling code");
        }
        StringBuilder digits = new StringBuilder(MAX_DIGITS + 1).append('+');
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                throw invalid(value, "character '" + (Character.isISOControl(c) ? "?" : c)
                        + "' is not allowed (digits, spaces, '-', '.', '(' and ')' only)");
            }
        }
        int n = digits.length() - 1;
        if (n < MIN_DIGITS || n > MAX_DIGITS) {
            throw invalid(value, "must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits, had " + n);
        }
        if (digits.charAt(1) == '0') {
            throw invalid(value, "country calling codes do not start with 0");
        }
        return digits.toString();
    }

    private static IllegalArgumentException invalid(String value, String reason) {
        String digitsOnly = value.replaceAll("[^0-9]", "");
        return new IllegalArgumentException(
                "phone is not a valid international number (" + Pii.maskKeepingLast(digitsOnly, 2) + "): " + reason);
    }

    @Override
    public ContactMedium medium() {
        return ContactMedium.PHONE;
    }

    @Override
    public String masked() {
        return Pii.maskPhone(value);
    }

    /**
     * Returns the masked form; use {@link #value()} for the number itself.
     *
     * @return the masked number, never null
     */
    @Override
    public String toString() {
        return masked();
    }
}
