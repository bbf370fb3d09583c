/**
 * Duplicate detection: blocking keys so that a million records do not make 10^12 pairs, field
 * comparisons (exact, Jaro-Winkler, phonetic, date), a Fellegi-Sunter scoring model with stated
 * m/u probabilities ({@link io.crmkit.quality.match.Agreement}), every pair with its score and its
 * reasons ({@link io.crmkit.quality.match.ScoredPair}), households and namesakes kept apart from
 * duplicates ({@link io.crmkit.quality.match.PairKind}), and clusters with a guard against chaining.
 * The entry point is {@link io.crmkit.quality.match.DuplicateFinder}.
 */
package io.crmkit.quality.match;
