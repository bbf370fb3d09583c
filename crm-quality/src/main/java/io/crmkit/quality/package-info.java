/**
 * Customer data quality: the input record ({@link io.crmkit.quality.CustomerRecord}, the raw fields
 * as a source system holds them), normalisation ({@link io.crmkit.quality.normalize}), duplicate
 * detection with explained scores ({@link io.crmkit.quality.match}), clusters and merge plans that
 * crmkit never applies itself ({@link io.crmkit.quality.merge}), and the data-quality report
 * ({@link io.crmkit.quality.report}).
 *
 * <p>Personal data: every type here prints personal values masked in {@code toString()}, and no
 * exception message carries a personal value.
 */
package io.crmkit.quality;
