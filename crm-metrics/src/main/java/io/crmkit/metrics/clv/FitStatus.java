package io.crmkit.metrics.clv;

/**
 * How a maximum-likelihood fit ended.
 *
 * <p>Immutable and thread-safe.
 */
public enum FitStatus {
    /** The gradient of the log-likelihood fell below the tolerance: a (local) maximum was found. */
    CONVERGED,
    /** The iteration budget ran out before the gradient was small. */
    MAX_ITERATIONS,
    /** No step improved the likelihood any more, although the gradient is not small. */
    STALLED,
    /**
     * The likelihood increases towards the edge of the parameter space (a parameter tends to 0 or
     * to infinity, beyond {@code e^20}), or its maximum is not significantly above its limit there
     * (for the BTYD models with drop-out: the NBD without drop-out, within
     * {@link FitOptions#boundaryTolerance()}): the data cannot identify the model.
     * {@link ModelFitException#boundary()} says which parameter and offers the nested model.
     */
    BOUNDARY,
    /** The likelihood could not be evaluated at any starting point. */
    FAILED
}
