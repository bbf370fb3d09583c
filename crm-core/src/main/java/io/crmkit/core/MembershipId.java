package io.crmkit.core;

import io.crmkit.core.internal.Checks;

/**
 * Identifies a loyalty programme membership (a card or membership number).
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
public record MembershipId(String value) implements Comparable<MembershipId> {

    /**
     * Validates the identifier.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank, too long, padded with whitespace
     *     or contains control characters
     */
    public MembershipId {
        Checks.text(value, "membershipId");
    }

    /**
     * Returns the identifier with the given text.
     *
     * @param value the identifier text, not null
     * @return the identifier, never null
     */
    public static MembershipId of(String value) {
        return new MembershipId(value);
    }

    @Override
    public int compareTo(MembershipId other) {
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
