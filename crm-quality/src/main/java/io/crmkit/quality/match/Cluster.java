package io.crmkit.quality.match;

import io.crmkit.core.CustomerId;
import java.util.List;

/**
 * Records taken to be one customer: two or more identifiers in order, and the lowest score of a
 * pair inside the cluster (every pair inside was scored, as the chaining guard demands).
 *
 * <p>Immutable and thread-safe.
 *
 * @param members the identifiers, sorted, at least two, not null
 * @param minScore the lowest score of a pair inside the cluster, in [0, 1]
 */
public record Cluster(List<CustomerId> members, double minScore) {

    /**
     * Copies the members.
     *
     * @throws IllegalArgumentException if there are fewer than two members or they are not sorted
     *     and distinct
     */
    public Cluster {
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("a cluster has at least two members, had " + members.size());
        }
        for (int i = 1; i < members.size(); i++) {
            if (members.get(i - 1).compareTo(members.get(i)) >= 0) {
                throw new IllegalArgumentException("cluster members must be sorted and distinct");
            }
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be in [0, 1]: " + minScore);
        }
    }
}
