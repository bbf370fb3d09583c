package io.crmkit.core.customer;

/**
 * The media through which a business may contact a customer; consent is recorded per medium and
 * {@linkplain ContactPurpose purpose}.
 *
 * <p>Immutable and thread-safe.
 */
public enum ContactMedium {
    /** E-mail. */
    EMAIL,
    /** Voice calls to a phone number. */
    PHONE,
    /** Text messages (SMS, MMS) to a phone number. */
    SMS,
    /** Messaging and social accounts: WeChat, WhatsApp, LINE, social networks, web chat. */
    MESSAGING,
    /** Letters and parcels to a postal address. */
    POSTAL_MAIL,
    /** Push and in-app notifications of the business's own mobile app or site. */
    IN_APP
}
