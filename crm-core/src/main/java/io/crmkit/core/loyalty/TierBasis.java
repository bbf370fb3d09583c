package io.crmkit.core.loyalty;

/**
 * What qualifies a member for a tier over the qualification window.
 *
 * <p>Immutable and thread-safe.
 */
public enum TierBasis {
    /**
     * Net spend: the net amounts of the member's earning orders placed in the window, returns
     * subtracted; thresholds in whole currency units.
     */
    SPEND,
    /**
     * Points credited in the window (orders, earns, positive adjustments) less the points taken
     * back in the window (returns, reversals, negative adjustments: what each actually took back,
     * at most the balance); thresholds in points.
     */
    POINTS
}
