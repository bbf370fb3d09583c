package io.crmkit.core.customer;

/**
 * How a customer was first acquired (marketing attribution, not the channel of later orders).
 *
 * <p>Immutable and thread-safe.
 */
public enum AcquisitionChannel {
    /** Came directly (typed the address, walked in, called). */
    DIRECT,
    /** Unpaid search results. */
    ORGANIC_SEARCH,
    /** Paid search advertising. */
    PAID_SEARCH,
    /** Social media and messaging apps, organic or paid (WeChat, Douyin, Facebook...). */
    SOCIAL,
    /** E-mail marketing. */
    EMAIL,
    /** Referred by an existing customer or a partner. */
    REFERRAL,
    /** Through a partner, reseller or distributor. */
    PARTNER,
    /** Affiliate or comparison sites. */
    AFFILIATE,
    /** Display and video advertising. */
    DISPLAY,
    /** Trade shows, events, seminars. */
    EVENT,
    /** Print, outdoor, radio, TV, direct mail. */
    OFFLINE,
    /** Outbound sales prospecting. */
    SALES_OUTREACH,
    /** Any other channel. */
    OTHER
}
