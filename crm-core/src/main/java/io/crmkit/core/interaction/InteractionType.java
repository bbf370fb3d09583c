package io.crmkit.core.interaction;

/**
 * The form a contact took.
 *
 * <p>Immutable and thread-safe.
 */
public enum InteractionType {
    /** A voice call. */
    CALL,
    /** A written message: e-mail, SMS, chat or social message. */
    MESSAGE,
    /** A scheduled meeting, in person or by video. */
    MEETING,
    /** A visit to a store, branch or the customer's site. */
    VISIT,
    /** A message sent as part of a marketing campaign. */
    CAMPAIGN_MESSAGE,
    /** A session on the web site or app that the host records as a contact. */
    WEB_SESSION,
    /** A note recorded by an agent about the customer. */
    NOTE,
    /** Any other form. */
    OTHER
}
