/**
 * Internal numerics of the lifetime-value models: special functions (the Gauss hypergeometric
 * function, incomplete gamma for any real order, log-space helpers over Apache Commons Numbers'
 * gamma family), quadrature, and the maximum-likelihood optimiser (BFGS with a Nelder-Mead
 * fallback and several starts). Not part of the API: it may change in any release.
 *
 * <p>Every class here is stateless and thread-safe unless its documentation says otherwise.
 */
package io.crmkit.metrics.clv.internal;
