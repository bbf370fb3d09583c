package io.crmkit.segmentation.cluster;

import java.util.OptionalDouble;

/**
 * The quality of a clustering with {@code k} clusters: its inertia (to compare k by the elbow) and
 * its mean silhouette on a seeded sample (higher is better, in [-1, 1]).
 *
 * <p>Immutable and thread-safe.
 *
 * @param k the number of clusters
 * @param inertia the sum of squared distances of the customers to their centroid in the scaled
 *     feature space, not negative
 * @param silhouette the mean silhouette of the sample, empty when the sample holds fewer than two
 *     clusters, not null
 * @param iterations the Lloyd iterations of the best restart
 * @param converged whether that restart converged before the iteration limit
 */
public record KEvaluation(int k, double inertia, OptionalDouble silhouette, int iterations, boolean converged) {

    /**
     * Validates the evaluation.
     *
     * @throws IllegalArgumentException if a number is out of range
     * @throws NullPointerException if {@code silhouette} is null
     */
    public KEvaluation {
        java.util.Objects.requireNonNull(silhouette, "silhouette must not be null");
        if (k < 2 || !(inertia >= 0) || iterations < 0) {
            throw new IllegalArgumentException("k " + k + ", inertia " + inertia + ", iterations " + iterations);
        }
    }
}
