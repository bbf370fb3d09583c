package io.crmkit.core;

import io.crmkit.core.internal.Checks;

/**
 * Identifies a referral: one customer recommending the programme or shop to another.
 *
 * <p>The value is an opaque text chosen by the host (a database key, a UUID, a code): 1 to 256
 * characters, no leading or trailing whitespace, no control characters. Identifiers compare by
 * their text. {@link #toString()} returns the text itself and {@link #of(String)} accepts exactly
 * that form.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the identifier text, not null
 */
public record ReferralId(String value) implements Comparable<ReferralId> {

    /**
     * Validates the identifier.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank, too long, padded with whitespace
     *     or contains control characters
     */
    public ReferralId {
        Checks.text(value, "referralId");
    }

    /**
     * Returns the identifier with the given text.
     *
     * @param value the identifier text, not null
     * @return the identifier, never null
     */
    public static ReferralId of(String value) {
        return new ReferralId(value);
    }

    @Override
    public int compareTo(ReferralId other) {
        return value.compareTo(other.value);
    }

    /**
     * Returns the identifier text, which {@link #of(String)} accepts.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return value;
    }
}
