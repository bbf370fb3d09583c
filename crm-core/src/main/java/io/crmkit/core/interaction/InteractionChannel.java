package io.crmkit.core.interaction;

import io.crmkit.core.customer.ContactMedium;
import java.util.Optional;

/**
 * The channel over which a contact took place.
 *
 * <p>Immutable and thread-safe.
 */
public enum InteractionChannel {
    /** Voice call. */
    PHONE(ContactMedium.PHONE),
    /** E-mail. */
    EMAIL(ContactMedium.EMAIL),
    /** SMS or MMS text message. */
    SMS(ContactMedium.SMS),
    /** Live chat on the web site or app. */
    CHAT(ContactMedium.MESSAGING),
    /** WeChat (微信): messages, official account, mini-program. */
    WECHAT(ContactMedium.MESSAGING),
    /** Other social networks and messaging apps. */
    SOCIAL_MEDIA(ContactMedium.MESSAGING),
    /** Face to face: store, branch, visit, event. */
    IN_PERSON(null),
    /** Video call. */
    VIDEO(null),
    /** The web site (forms, self-service). */
    WEB(null),
    /** The business's mobile app (including push notifications). */
    MOBILE_APP(ContactMedium.IN_APP),
    /** Letters and parcels. */
    POSTAL_MAIL(ContactMedium.POSTAL_MAIL),
    /** Any other channel. */
    OTHER(null);

    private final ContactMedium medium;

    InteractionChannel(ContactMedium medium) {
        this.medium = medium;
    }

    /**
     * Returns the contact medium whose consent governs outbound contact over this channel.
     *
     * @return the medium, or empty for channels that do not reach out to a customer on their own
     *     (in person, video, web, other), never null
     */
    public Optional<ContactMedium> contactMedium() {
        return Optional.ofNullable(medium);
    }
}
