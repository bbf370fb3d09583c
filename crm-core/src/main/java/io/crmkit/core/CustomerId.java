package io.crmkit.core;

import io.crmkit.core.internal.Checks;

/**
 * Identifies a customer (any party the host keeps a record of: prospect, buyer, partner).
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
public record CustomerId(String value) implements Comparable<CustomerId> {

    /**
     * Validates the identifier.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank, too long, padded with whitespace
     *     or contains control characters
     */
    public CustomerId {
        Checks.text(value, "customerId");
    }

    /**
     * Returns the identifier with the given text.
     *
     * @param value the identifier text, not null
     * @return the identifier, never null
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
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
