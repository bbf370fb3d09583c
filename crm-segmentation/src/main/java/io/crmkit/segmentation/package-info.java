/**
 * Customer segmentation on the compact purchase summaries of {@link io.crmkit.core.history}:
 * RFM scoring ({@link io.crmkit.segmentation.rfm}), segment maps with a linter and migration
 * matrices ({@link io.crmkit.segmentation.segment}), value tiers ({@link io.crmkit.segmentation.value})
 * and k-means++ clustering ({@link io.crmkit.segmentation.cluster}).
 *
 * <p>Every analysis reads a {@link io.crmkit.segmentation.CustomerColumns}: one row per customer
 * with at least one purchase, in customer-identifier order, built from
 * {@link io.crmkit.core.history.PurchaseSummaries} or from the host's own columns. Customers without
 * purchases (prospects) are carried beside the rows and never scored.
 */
package io.crmkit.segmentation;
