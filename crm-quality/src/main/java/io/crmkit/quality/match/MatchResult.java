package io.crmkit.quality.match;

import io.crmkit.quality.normalize.NormalizedRecord;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DuplicateFinder#find} found: the duplicate pairs at the threshold, the household and
 * namesake pairs kept apart, the clusters, and how blocking and normalisation went. Pairs are in
 * identifier order (left, then right); clusters in the order of their first member.
 *
 * <p>Immutable and thread-safe.
 *
 * @param records the records read, not negative
 * @param duplicates the pairs of kind {@link PairKind#DUPLICATE}, not null
 * @param households the pairs of kind {@link PairKind#HOUSEHOLD}, not null
 * @param namesakes the pairs of kind {@link PairKind#NAMESAKE}, not null
 * @param clusters the clusters of duplicates, not null
 * @param guardRefusals the duplicate pairs left out of a cluster by the chaining guard, not negative
 * @param blocking the blocking statistics, not null
 * @param unreadableEmails records with an e-mail that is not a valid address, not negative
 * @param unreadablePhones records with a phone that could not be read as a number, not negative
 * @param normalized the normalised records, in input order, not null
 */
public record MatchResult(long records, List<ScoredPair> duplicates, List<ScoredPair> households,
        List<ScoredPair> namesakes, List<Cluster> clusters, long guardRefusals, BlockingStats blocking,
        long unreadableEmails, long unreadablePhones, List<NormalizedRecord> normalized) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a component is null
     */
    public MatchResult {
        duplicates = List.copyOf(duplicates);
        households = List.copyOf(households);
        namesakes = List.copyOf(namesakes);
        clusters = List.copyOf(clusters);
        Objects.requireNonNull(blocking, "blocking");
        normalized = List.copyOf(normalized);
    }

    @Override
    public String toString() {
        return "MatchResult[records=" + records + ", duplicates=" + duplicates.size() + ", households="
                + households.size() + ", namesakes=" + namesakes.size() + ", clusters=" + clusters.size()
                + ", candidatePairs=" + blocking.candidatePairs() + "]";
    }
}
