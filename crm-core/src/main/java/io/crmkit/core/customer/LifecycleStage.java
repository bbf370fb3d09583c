package io.crmkit.core.customer;

/**
 * The commercial lifecycle stage that the host has recorded for a customer: discovered (lead,
 * prospect), developed (first purchase), retained (growing, mature), at risk, churned, and won
 * back. crm-segmentation can also derive stages from purchase behaviour; this is the stored one.
 *
 * <p>Immutable and thread-safe.
 */
public enum LifecycleStage {
    /** Known contact, not yet qualified as a potential buyer. */
    LEAD(false),
    /** Qualified potential buyer that has not bought yet. */
    PROSPECT(false),
    /** Made a first purchase recently (introduction). */
    NEW(true),
    /** Buying more over time (growth). */
    GROWING(true),
    /** Stable, established relationship (maturity). */
    MATURE(true),
    /** Buying less or showing churn signals (decline). */
    AT_RISK(true),
    /** No longer buying (lost, lapsed). */
    CHURNED(true),
    /** Bought again after having churned (won back). */
    REACTIVATED(true);

    private final boolean customer;

    LifecycleStage(boolean customer) {
        this.customer = customer;
    }

    /**
     * Returns whether a party in this stage has bought at least once.
     *
     * @return false for {@link #LEAD} and {@link #PROSPECT}, true otherwise
     */
    public boolean hasPurchased() {
        return customer;
    }
}
