package io.crmkit.core.credit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An invoice (or a credit note) sent to a customer: the claim receivables analytics age and
 * allocate payments to.
 *
 * <p>Dates are calendar days in the host's business zone. The amount is positive for every
 * status: a {@linkplain InvoiceStatus#CREDIT_NOTE credit note} of 10 EUR credits 10 EUR.
 * {@code appliesTo} is meaningful for a credit note only (the invoice it corrects); {@code
 * writtenOffOn} for an issued invoice only: from that day on, what is still open on the invoice is
 * written off (no longer outstanding), and payments naming it go to the customer's other invoices.
 *
 * <p>{@link #toString()} holds no personal data (identifiers, dates, amount). Immutable and
 * thread-safe.
 *
 * @param id the identifier, not null
 * @param customerId the customer invoiced, not null
 * @param issued the issue date, not null
 * @param due the due date, on or after {@code issued}, not null
 * @param amount the amount, positive, not null
 * @param status what the document is, not null
 * @param appliesTo for a credit note, the invoice it credits; empty otherwise; not null
 * @param writtenOffOn for an issued invoice, the day its open amount is written off, on or after
 *     {@code issued}; empty otherwise; not null
 */
public record Invoice(InvoiceId id, CustomerId customerId, LocalDate issued, LocalDate due, Money amount,
        InvoiceStatus status, Optional<InvoiceId> appliesTo, Optional<LocalDate> writtenOffOn) {

    /**
     * Validates the invoice.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code due} is before {@code issued}, the amount is not
     *     positive, {@code appliesTo} is given for anything but a credit note (or names the note
     *     itself), or {@code writtenOffOn} is given for anything but an issued invoice or lies before
     *     {@code issued}
     */
    public Invoice {
        Checks.notNull(id, "id");
        Checks.notNull(customerId, "customerId");
        Checks.notNull(issued, "issued");
        Checks.notNull(due, "due");
        Checks.notNull(amount, "amount");
        Checks.notNull(status, "status");
        Checks.optional(appliesTo, "appliesTo");
        Checks.optional(writtenOffOn, "writtenOffOn");
        if (due.isBefore(issued)) {
            throw new IllegalArgumentException("due " + due + " must not be before issued " + issued
                    + " (invoice " + id + ")");
        }
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("amount must be positive (a credit note is a status, not a sign): "
                    + amount + " (invoice " + id + ")");
        }
        if (appliesTo.isPresent() && status != InvoiceStatus.CREDIT_NOTE) {
            throw new IllegalArgumentException("appliesTo is for credit notes only, invoice " + id + " is " + status);
        }
        if (appliesTo.isPresent() && appliesTo.get().equals(id)) {
            throw new IllegalArgumentException("credit note " + id + " must not apply to itself");
        }
        if (writtenOffOn.isPresent() && status != InvoiceStatus.ISSUED) {
            throw new IllegalArgumentException("writtenOffOn is for issued invoices only, invoice " + id + " is "
                    + status);
        }
        if (writtenOffOn.isPresent() && writtenOffOn.get().isBefore(issued)) {
            throw new IllegalArgumentException("writtenOffOn " + writtenOffOn.get() + " must not be before issued "
                    + issued + " (invoice " + id + ")");
        }
    }

    /**
     * Returns an issued invoice, not written off.
     *
     * @param id the identifier, not null
     * @param customerId the customer, not null
     * @param issued the issue date, not null
     * @param due the due date, on or after {@code issued}, not null
     * @param amount the amount, positive, not null
     * @return the invoice, never null
     */
    public static Invoice issued(InvoiceId id, CustomerId customerId, LocalDate issued, LocalDate due, Money amount) {
        return new Invoice(id, customerId, issued, due, amount, InvoiceStatus.ISSUED, Optional.empty(),
                Optional.empty());
    }

    /**
     * Returns a credit note, due on its issue date.
     *
     * @param id the identifier, not null
     * @param customerId the customer, not null
     * @param issued the issue date, not null
     * @param amount the amount credited, positive, not null
     * @param appliesTo the invoice it credits, or empty, not null
     * @return the credit note, never null
     */
    public static Invoice creditNote(InvoiceId id, CustomerId customerId, LocalDate issued, Money amount,
            Optional<InvoiceId> appliesTo) {
        return new Invoice(id, customerId, issued, issued, amount, InvoiceStatus.CREDIT_NOTE, appliesTo,
                Optional.empty());
    }

    /**
     * Returns this invoice, void. A void document credits nothing, so a credit note's
     * {@code appliesTo} is dropped, as is a write-off.
     *
     * @return the void invoice, never null
     */
    public Invoice voided() {
        return new Invoice(id, customerId, issued, due, amount, InvoiceStatus.VOID, Optional.empty(),
                Optional.empty());
    }

    /**
     * Returns this issued invoice, with its open amount written off on the given day.
     *
     * @param day the write-off day, on or after the issue date, not null
     * @return the invoice, never null
     * @throws IllegalArgumentException if this is not an issued invoice, or the day is before issue
     */
    public Invoice writtenOff(LocalDate day) {
        return new Invoice(id, customerId, issued, due, amount, status, appliesTo, Optional.of(day));
    }
}
