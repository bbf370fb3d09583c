/**
 * Segment maps over RFM scores: declarative {@link io.crmkit.segmentation.segment.SegmentRule}s
 * (score ranges, code lists, conditions) with first-match precedence and a default segment,
 * presets ({@link io.crmkit.segmentation.segment.SegmentMap#rRfmVignette()},
 * {@link io.crmkit.segmentation.segment.SegmentMap#elevenSegments()},
 * {@link io.crmkit.segmentation.segment.SegmentMap#rfGrid()}), a linter
 * ({@link io.crmkit.segmentation.segment.LintReport}), segment summaries and the
 * {@link io.crmkit.segmentation.segment.MigrationMatrix} between two as-of dates.
 */
package io.crmkit.segmentation.segment;
