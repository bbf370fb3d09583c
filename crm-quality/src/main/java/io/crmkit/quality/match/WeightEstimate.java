package io.crmkit.quality.match;

import java.util.Objects;

/**
 * The Fellegi-Sunter probabilities estimated by expectation-maximisation over the candidate pairs of
 * a set of records ({@link DuplicateFinder#estimateWeights}): the options to score with (every m and
 * u replaced, the prior set to the estimated share of matches among candidate pairs), that share,
 * and how the iteration ended.
 *
 * <p>Immutable and thread-safe.
 *
 * @param options the fitted options, not null
 * @param matchShare the estimated share of matches among the candidate pairs, in (0, 1)
 * @param candidatePairs the candidate pairs the estimate is based on, not negative
 * @param iterations the EM iterations run, at least 1
 * @param converged whether the largest change of a probability fell under 1e-6
 */
public record WeightEstimate(MatchOptions options, double matchShare, long candidatePairs, int iterations,
        boolean converged) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if the options are null
     * @throws IllegalArgumentException if a number is out of range
     */
    public WeightEstimate {
        Objects.requireNonNull(options, "options");
        if (!(matchShare > 0 && matchShare < 1) || candidatePairs < 0 || iterations < 1) {
            throw new IllegalArgumentException("matchShare must be in (0, 1), candidatePairs >= 0, iterations >= 1");
        }
    }
}
