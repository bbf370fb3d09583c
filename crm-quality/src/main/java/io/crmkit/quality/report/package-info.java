/**
 * The data-quality report ({@link io.crmkit.quality.report.QualityReporter}): per field
 * completeness, validity (with the validators' reasons), uniqueness and masked examples; staleness
 * of the records by their last update; the same per source system.
 */
package io.crmkit.quality.report;
