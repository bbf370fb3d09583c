package io.crmkit.core.interaction;

/**
 * Why a contact happened.
 *
 * <p>Immutable and thread-safe.
 */
public enum InteractionPurpose {
    /** Selling: offers, quotes, negotiation, follow-up. */
    SALES,
    /** Service and support about a product, order or account. */
    SUPPORT,
    /** A complaint by the customer. */
    COMPLAINT,
    /** Feedback, suggestions or praise by the customer. */
    FEEDBACK,
    /** A question before buying. */
    INQUIRY,
    /** Promotion, newsletter, campaign. */
    MARKETING,
    /** Invoices, payments and collections. */
    BILLING,
    /** Helping a new customer get started. */
    ONBOARDING,
    /** Keeping or winning back a customer. */
    RETENTION,
    /** A proactive reminder (replenishment, renewal, payment due). */
    REMINDER,
    /** Any other purpose. */
    OTHER
}
