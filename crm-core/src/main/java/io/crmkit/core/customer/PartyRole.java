package io.crmkit.core.customer;

/**
 * The roles a party plays for the business; one party may hold several (a partner that also buys).
 *
 * <p>Immutable and thread-safe.
 */
public enum PartyRole {
    /** A potential buyer that has not bought yet. */
    PROSPECT,
    /** A buyer of the business's products or services. */
    BUYER,
    /** A business partner (reseller, agent, alliance). */
    PARTNER,
    /** A distributor of the business's products. */
    DISTRIBUTOR,
    /** A supplier to the business. */
    SUPPLIER,
    /** Someone who refers or influences buyers (a referrer, an advocate). */
    INFLUENCER
}
