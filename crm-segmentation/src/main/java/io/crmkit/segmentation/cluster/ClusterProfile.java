package io.crmkit.segmentation.cluster;

import io.crmkit.core.internal.Checks;

/**
 * One cluster described in the customers' own units: its size and its typical customer, the
 * centroid mapped back from log space ({@code expm1} of the mean log feature, a geometric-mean-like
 * value), and the name given by ranking the centroids.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cluster the cluster index, which is also its rank minus one (0 is the most valuable)
 * @param name the name: rank and a description of its centroid, not null
 * @param customers how many customers are in it, not negative
 * @param recencyDays the typical recency in days, finite
 * @param frequency the typical number of purchases, finite
 * @param revenue the typical revenue in major currency units, finite
 */
public record ClusterProfile(int cluster, String name, long customers, double recencyDays, double frequency,
        double revenue) {

    /**
     * Validates the profile.
     *
     * @throws IllegalArgumentException if a number is out of range
     * @throws NullPointerException if {@code name} is null
     */
    public ClusterProfile {
        Checks.notNull(name, "name");
        if (cluster < 0 || customers < 0 || !Double.isFinite(recencyDays) || !Double.isFinite(frequency)
                || !Double.isFinite(revenue)) {
            throw new IllegalArgumentException("cluster " + cluster + ": values out of range");
        }
    }
}
