package io.crmkit.core.customer;

/**
 * Whether a customer is a natural person or an organization (a company, a public body, a household account).
 *
 * <p>Immutable and thread-safe.
 */
public enum PartyKind {
    /** A natural person. */
    PERSON,
    /** A company, public body or other organization. */
    ORGANIZATION
}
