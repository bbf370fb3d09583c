/**
 * RFM scoring and segment maps, value tiers, clustering, lifecycle stages, churn early warning and
 * next-purchase prediction, computed on the compact purchase summaries of
 * {@link io.crmkit.core.history}. Filled by the segmentation work.
 */
package io.crmkit.segmentation;
