package io.crmkit.core.customer;

/**
 * Why a business contacts a customer; consent is recorded per {@linkplain ContactMedium medium}
 * and purpose.
 *
 * <p>Immutable and thread-safe.
 */
public enum ContactPurpose {
    /** Promotions, newsletters, offers, win-back campaigns. */
    MARKETING,
    /** Proactive reminders about the customer's own consumption (replenishment, renewals). */
    REMINDERS,
    /** Service and support about an existing order, contract or case. */
    SERVICE,
    /** Satisfaction and loyalty surveys. */
    SURVEYS,
    /** Sales follow-up by an account owner. */
    SALES
}
