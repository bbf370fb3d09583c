package io.crmkit.core.credit;

/**
 * What an invoice document is for receivables: a claim on the customer, a cancelled one, or a
 * credit given to the customer.
 *
 * <p>Immutable and thread-safe.
 */
public enum InvoiceStatus {
    /** An issued invoice: the customer owes its amount from its issue date. */
    ISSUED,
    /** A cancelled invoice: it never counts (not invoiced, not owed, not paid). */
    VOID,
    /**
     * A credit note: the amount is credited to the customer on the issue date. It is applied like
     * a payment (to the invoice it names, then to the oldest open invoices) and, when nothing is
     * left open, reported as unapplied credit.
     */
    CREDIT_NOTE
}
