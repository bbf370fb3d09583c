package io.crmkit.core.loyalty;

/**
 * The kind of a {@link PointsTransaction}. Points of every kind are positive; an
 * {@link #ADJUST adjustment} alone carries a sign.
 *
 * <p>Immutable and thread-safe.
 */
public enum PointsTransactionType {
    /** Points credited outside the order earn rule (a bonus, a referral reward); they expire like any. */
    EARN,
    /** Points spent by the customer: taken from the oldest unexpired points first (FIFO). */
    REDEEM,
    /**
     * Points that lapsed unspent. The ledger computes expiry itself from the programme's rule; a
     * recorded expiry is kept in storage for the host's own history but is not an input of the ledger.
     */
    EXPIRE,
    /** A manual correction: positive credits points (as an earn), negative removes them (as a reversal). */
    ADJUST,
    /** Points taken back, for a return or a cancelled order: the newest points first (LIFO). */
    REVERSE
}
