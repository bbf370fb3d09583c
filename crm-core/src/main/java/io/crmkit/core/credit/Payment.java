package io.crmkit.core.credit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Money received from a customer, optionally naming the invoice it pays.
 *
 * <p>The date is a calendar day in the host's business zone. A refund to the customer is not a
 * payment (the amount must be positive); a credit note expresses it.
 *
 * <p>{@link #toString()} holds no personal data. Immutable and thread-safe.
 *
 * @param id the identifier, not null
 * @param customerId the paying customer, not null
 * @param paidOn the day the money was received, not null
 * @param amount the amount, positive, not null
 * @param invoiceId the invoice the customer named, or empty, not null
 */
public record Payment(PaymentId id, CustomerId customerId, LocalDate paidOn, Money amount,
        Optional<InvoiceId> invoiceId) {

    /**
     * Validates the payment.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the amount is not positive
     */
    public Payment {
        Checks.notNull(id, "id");
        Checks.notNull(customerId, "customerId");
        Checks.notNull(paidOn, "paidOn");
        Checks.notNull(amount, "amount");
        Checks.optional(invoiceId, "invoiceId");
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("amount must be positive: " + amount + " (payment " + id + ")");
        }
    }

    /**
     * Returns a payment naming no invoice.
     *
     * @param id the identifier, not null
     * @param customerId the customer, not null
     * @param paidOn the day, not null
     * @param amount the amount, positive, not null
     * @return the payment, never null
     */
    public static Payment of(PaymentId id, CustomerId customerId, LocalDate paidOn, Money amount) {
        return new Payment(id, customerId, paidOn, amount, Optional.empty());
    }

    /**
     * Returns a payment naming an invoice.
     *
     * @param id the identifier, not null
     * @param customerId the customer, not null
     * @param paidOn the day, not null
     * @param amount the amount, positive, not null
     * @param invoiceId the invoice paid, not null
     * @return the payment, never null
     */
    public static Payment of(PaymentId id, CustomerId customerId, LocalDate paidOn, Money amount,
            InvoiceId invoiceId) {
        return new Payment(id, customerId, paidOn, amount, Optional.of(invoiceId));
    }
}
