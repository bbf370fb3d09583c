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

    /**
     * Identifiers are equal when their texts are. (Written out: the record's generated equality
     * goes through a method handle that takes a few hundred nanoseconds per call until compiled,
     * which a batch of a million customers pays on its duplicate check.)
     *
     * @param other any object
     * @return whether it is an identifier with the same text
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof CustomerId id && value.equals(id.value);
    }

    /**
     * Returns the text's hash code.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return value.hashCode();
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
