package io.crmkit.core.credit;

import io.crmkit.core.internal.Checks;

/**
 * Identifies an invoice or a credit note.
 *
 * <p>The value is an opaque text chosen by the host: 1 to 256 characters, no leading or trailing
 * whitespace, no control characters. Identifiers compare by their text. {@link #toString()}
 * returns the text itself and {@link #of(String)} accepts exactly that form.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the identifier text, not null
 */
public record InvoiceId(String value) implements Comparable<InvoiceId> {

    /**
     * Validates the identifier.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank, too long, padded with whitespace
     *     or contains control characters
     */
    public InvoiceId {
        Checks.text(value, "invoiceId");
    }

    /**
     * Returns the identifier with the given text.
     *
     * @param value the identifier text, not null
     * @return the identifier, never null
     */
    public static InvoiceId of(String value) {
        return new InvoiceId(value);
    }

    @Override
    public int compareTo(InvoiceId other) {
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
