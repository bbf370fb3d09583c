package io.crmkit.core.order;

/**
 * Where an order was placed.
 *
 * <p>Immutable and thread-safe.
 */
public enum SalesChannel {
    /** The business's web shop. */
    WEB,
    /** The business's mobile app. */
    MOBILE_APP,
    /** A store, branch or counter. */
    STORE,
    /** By telephone. */
    PHONE,
    /** Social commerce: WeChat mini-programs, live streams, social shops. */
    SOCIAL,
    /** A third-party marketplace. */
    MARKETPLACE,
    /** A sales representative or account manager. */
    SALES_REP,
    /** A partner, reseller or distributor. */
    PARTNER,
    /** Another channel. */
    OTHER,
    /** Not recorded. */
    UNKNOWN
}
