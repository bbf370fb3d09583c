package io.crmkit.core.customer;

/**
 * One way to reach a customer: an e-mail address, a phone number, a postal address, a web address
 * or a social/messaging account (WeChat, LINE, WhatsApp...).
 *
 * <p>Contact points are personal data: every implementation masks itself in {@code toString()}
 * and exposes the full value only through its accessors.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface ContactPoint permits EmailAddress, PhoneNumber, PostalAddress, WebAddress, SocialAccount {

    /**
     * Returns the medium through which this contact point reaches the customer.
     *
     * @return the medium, never null
     */
    ContactMedium medium();

    /**
     * Returns a masked form safe for logs and messages.
     *
     * @return the masked text, never null
     */
    String masked();
}
