/**
 * RFM scoring with explicit definitions and documented tie behaviour.
 *
 * <p>{@link io.crmkit.segmentation.rfm.RfmScorer} scores the customers of a
 * {@link io.crmkit.segmentation.CustomerColumns} (or purchase summaries) with
 * {@link io.crmkit.segmentation.rfm.RfmOptions}: per dimension a
 * {@link io.crmkit.segmentation.rfm.Binning} (value quantiles with any of the nine
 * {@link io.crmkit.segmentation.rfm.QuantileEstimator}s, the R {@code rfm} package's rule, NTILE,
 * tie-keeping ranks, percent ranks, fixed thresholds; 2 to 9 bins) and a
 * {@link io.crmkit.segmentation.rfm.Direction}. The
 * {@link io.crmkit.segmentation.rfm.RfmResult} explains itself: raw values, scores, the
 * {@link io.crmkit.segmentation.rfm.Cut}s used, customers per score and diagnostics.
 */
package io.crmkit.segmentation.rfm;
