/**
 * Internal numerics shared by the metric and segmentation modules: the ridge-penalised logistic
 * regression (used by the credit rating and by the churn probability) and the primitive-array
 * ranking helpers (stable index sort, Mann-Whitney AUC with mid-ranks) used by their backtests.
 * Not part of the API: it may change in any release.
 *
 * <p>Every class here is stateless and thread-safe.
 */
package io.crmkit.metrics.internal;
