package io.crmkit.quality.match;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import io.crmkit.core.CustomerId;
import io.crmkit.quality.CustomerRecord;
import io.crmkit.quality.normalize.NormalizedRecord;
import io.crmkit.quality.normalize.PhoneNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Finds duplicate customer records, explains every pair, and groups duplicates into clusters.
 * Nothing is changed or merged: the result is a report; {@link io.crmkit.quality.merge} turns a
 * cluster into a merge plan that only the host may apply.
 *
 * <p>Steps: every record is normalised ({@link NormalizedRecord}); each gets its
 * {@linkplain BlockingKey blocking keys}; records sharing a key form a block, and every pair inside
 * a block of at most {@link MatchOptions#maxBlockSize()} records is a candidate (larger blocks are
 * skipped and counted in {@link BlockingStats}); every distinct candidate pair is scored by
 * {@link PairScorer}; the pairs of kind duplicate, household and namesake are reported. Keys are
 * grouped by a 37-bit hash per kind: two different keys that collide only add candidate pairs, which
 * are scored like any other.
 *
 * <p>Clusters: duplicate pairs are taken by score, highest first (ties by identifiers); a pair joins
 * the clusters of its two records only if the joined cluster has at most
 * {@link MatchOptions#maxClusterSize()} records and every pair across the two (each scored) has a
 * score of at least {@link MatchOptions#clusterLinkScore()} and is no household. This guard stops a
 * chain a~b~c from joining a and c that do not match. The outcome depends only on the records, not
 * on their order.
 *
 * <p>Records must have distinct identifiers; at most {@value #MAX_RECORDS} records per run.
 *
 * <p>Immutable and thread-safe.
 */
public final class DuplicateFinder {

    /** The most records one run takes. */
    public static final int MAX_RECORDS = (1 << 24) - 1;

    private static final HashFunction HASH = Hashing.farmHashFingerprint64();
    private static final long HASH_MASK = (1L << 37) - 1;
    private static final int INDEX_BITS = 24;

    private final MatchOptions options;
    private final PairScorer scorer;
    private final PhoneNormalizer phones;

    private DuplicateFinder(MatchOptions options) {
        this.options = options;
        this.scorer = new PairScorer(options);
        this.phones = new PhoneNormalizer(options.defaultRegion());
    }

    /**
     * Creates a finder.
     *
     * @param options the options, not null
     * @return the finder, never null
     */
    public static DuplicateFinder create(MatchOptions options) {
        return new DuplicateFinder(Objects.requireNonNull(options, "options"));
    }

    /**
     * Returns the scorer.
     *
     * @return the scorer, never null
     */
    public PairScorer scorer() {
        return scorer;
    }

    /**
     * Normalises one record with this finder's phone region.
     *
     * @param record the record, not null
     * @return the normalised record, never null
     */
    public NormalizedRecord normalise(CustomerRecord record) {
        return NormalizedRecord.of(record, phones);
    }

    /**
     * Finds the duplicates among the records.
     *
     * @param records the records, with distinct identifiers, not null
     * @return the result, never null
     * @throws IllegalArgumentException if two records share an identifier, or there are more than
     *     {@value #MAX_RECORDS} records
     */
    public MatchResult find(List<CustomerRecord> records) {
        Candidates c = candidates(records);
        NormalizedRecord[] norm = c.norm;
        long[] candidates = c.pairs;
        int n = norm.length;
        ScoredPair[] scored = new ScoredPair[candidates.length];
        range(candidates.length).forEach(p -> {
            ScoredPair sp = scorer.score(norm[(int) (candidates[p] >>> 32)], norm[(int) candidates[p]]);
            scored[p] = sp.kind() == PairKind.UNRELATED ? null : sp;
        });
        Comparator<ScoredPair> byIds = Comparator.comparing(ScoredPair::left).thenComparing(ScoredPair::right);
        List<ScoredPair> duplicates = new ArrayList<>();
        List<ScoredPair> households = new ArrayList<>();
        List<ScoredPair> namesakes = new ArrayList<>();
        for (ScoredPair sp : scored) {
            if (sp != null) {
                switch (sp.kind()) {
                    case DUPLICATE -> duplicates.add(sp);
                    case HOUSEHOLD -> households.add(sp);
                    case NAMESAKE -> namesakes.add(sp);
                    default -> throw new IllegalStateException("unrelated pairs are not kept");
                }
            }
        }
        duplicates.sort(byIds);
        households.sort(byIds);
        namesakes.sort(byIds);
        Map<CustomerId, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(norm[i].id(), i);
        }
        long[] refusals = new long[1];
        List<Cluster> clusters = cluster(duplicates, norm, index, refusals);
        BlockingStats b = c.stats;
        BlockingStats stats = new BlockingStats(b.maxBlockSize(), b.keyed(), b.oversizedBlocks(),
                b.recordsInOversizedBlocks(), b.largestBlock(), candidates.length, b.unkeyedRecords());
        return new MatchResult(n, duplicates, households, namesakes, clusters, refusals[0], stats, c.badEmails,
                c.badPhones, Arrays.asList(norm));
    }

    /**
     * Estimates the m and u probabilities of every {@link Agreement} level, and the share of matches
     * among candidate pairs, by expectation-maximisation (Fellegi-Sunter with conditional
     * independence of the comparisons) over the candidate pairs of the records, starting from this
     * finder's options. Levels are those {@link PairScorer} assigns with the starting weights (which
     * decide whether names are compared crosswise); a missing comparison contributes nothing.
     * Probabilities are kept within [1e-6, 1 - 1e-6]. The threshold, block and cluster settings are
     * kept; the prior becomes the estimated match share.
     *
     * <p>Caveat: a field used for blocking agrees on every pair of its blocks, which biases its u
     * upwards among candidates; see ADR 0060.
     *
     * @param records the records, with distinct identifiers, not null
     * @param maxIterations the most EM iterations, at least 1
     * @return the estimate, never null
     * @throws IllegalArgumentException if there are no candidate pairs, identifiers repeat, or
     *     {@code maxIterations} is less than 1
     */
    public WeightEstimate estimateWeights(List<CustomerRecord> records, int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1: " + maxIterations);
        }
        Candidates c = candidates(records);
        if (c.pairs.length == 0) {
            throw new IllegalArgumentException("no candidate pairs to estimate weights from");
        }
        Agreement[] all = Agreement.values();
        Comparison[] comparisons = Comparison.values();
        int k = comparisons.length;
        // a pair's pattern: per comparison the agreement ordinal + 1, or 0 when missing
        int[][] patternOf = new int[c.pairs.length][];
        range(c.pairs.length).forEach(p -> {
            ScoredPair sp = scorer.score(c.norm[(int) (c.pairs[p] >>> 32)], c.norm[(int) c.pairs[p]]);
            int[] pattern = new int[k];
            for (Reason r : sp.reasons()) {
                for (Agreement a : all) {
                    if (a.comparison() == r.comparison() && a.level().equals(r.level())) {
                        pattern[r.comparison().ordinal()] = a.ordinal() + 1;
                    }
                }
            }
            patternOf[p] = pattern;
        });
        Map<String, long[]> counts = new java.util.TreeMap<>();
        Map<String, int[]> byKey = new HashMap<>();
        for (int[] pattern : patternOf) {
            String key = Arrays.toString(pattern);
            counts.computeIfAbsent(key, x -> new long[1])[0]++;
            byKey.putIfAbsent(key, pattern);
        }
        List<int[]> patterns = new ArrayList<>();
        List<Long> weightsOf = new ArrayList<>();
        counts.forEach((key, n) -> {
            patterns.add(byKey.get(key));
            weightsOf.add(n[0]);
        });
        double[] m = new double[all.length];
        double[] u = new double[all.length];
        for (Agreement a : all) {
            m[a.ordinal()] = options.m(a);
            u[a.ordinal()] = options.u(a);
        }
        double lambda = 0.1;
        double total = c.pairs.length;
        int it = 0;
        boolean converged = false;
        while (it < maxIterations && !converged) {
            it++;
            double[] mNum = new double[all.length];
            double[] uNum = new double[all.length];
            double[] mDen = new double[k];
            double[] uDen = new double[k];
            double gSum = 0;
            for (int p = 0; p < patterns.size(); p++) {
                int[] pattern = patterns.get(p);
                double cnt = weightsOf.get(p);
                double logM = Math.log(lambda);
                double logU = Math.log(1 - lambda);
                for (int level : pattern) {
                    if (level > 0) {
                        logM += Math.log(m[level - 1]);
                        logU += Math.log(u[level - 1]);
                    }
                }
                double g = 1 / (1 + Math.exp(logU - logM));
                gSum += cnt * g;
                for (int j = 0; j < k; j++) {
                    if (pattern[j] > 0) {
                        mNum[pattern[j] - 1] += cnt * g;
                        uNum[pattern[j] - 1] += cnt * (1 - g);
                        mDen[j] += cnt * g;
                        uDen[j] += cnt * (1 - g);
                    }
                }
            }
            double change = 0;
            for (Agreement a : all) {
                int j = a.comparison().ordinal();
                double nm = mDen[j] > 0 ? clamp(mNum[a.ordinal()] / mDen[j]) : m[a.ordinal()];
                double nu = uDen[j] > 0 ? clamp(uNum[a.ordinal()] / uDen[j]) : u[a.ordinal()];
                change = Math.max(change, Math.max(Math.abs(nm - m[a.ordinal()]), Math.abs(nu - u[a.ordinal()])));
                m[a.ordinal()] = nm;
                u[a.ordinal()] = nu;
            }
            double nl = clamp(gSum / total);
            change = Math.max(change, Math.abs(nl - lambda));
            lambda = nl;
            converged = change < 1e-6;
        }
        MatchOptions.Builder b = options.toBuilder().priorProbability(lambda);
        for (Agreement a : all) {
            b.weight(a, m[a.ordinal()], u[a.ordinal()]);
        }
        return new WeightEstimate(b.build(), lambda, c.pairs.length, it, converged);
    }

    private static double clamp(double p) {
        return Math.min(1 - 1e-6, Math.max(1e-6, p));
    }

    private Candidates candidates(List<CustomerRecord> records) {
        Objects.requireNonNull(records, "records");
        int n = records.size();
        if (n > MAX_RECORDS) {
            throw new IllegalArgumentException("at most " + MAX_RECORDS + " records per run, got " + n);
        }
        Set<CustomerId> ids = new HashSet<>(n * 2);
        for (CustomerRecord r : records) {
            if (!ids.add(Objects.requireNonNull(r, "record").id())) {
                throw new IllegalArgumentException("customer " + r.id() + " appears twice; identifiers must be distinct");
            }
        }
        NormalizedRecord[] norm = new NormalizedRecord[n];
        range(n).forEach(i -> norm[i] = normalise(records.get(i)));
        long badEmails = range(n).filter(i -> records.get(i).email().isPresent() && norm[i].email().isEmpty()).count();
        long badPhones = range(n).filter(i -> records.get(i).phone().isPresent() && norm[i].phone().isEmpty()).count();

        BlockingKey[] kinds = BlockingKey.values();
        int k = kinds.length;
        long[] packed = new long[n * k];
        boolean[] present = new boolean[n * k];
        range(n).forEach(i -> {
            for (int kind = 0; kind < k; kind++) {
                String key = kinds[kind].keyOf(norm[i]);
                if (!key.isEmpty()) {
                    long h = HASH.hashString(key, StandardCharsets.UTF_8).asLong() & HASH_MASK;
                    packed[i * k + kind] = ((long) kind << 61) | (h << INDEX_BITS) | i;
                    present[i * k + kind] = true;
                }
            }
        });
        long unkeyed = range(n).filter(i -> {
            for (int kind = 0; kind < k; kind++) {
                if (present[i * k + kind]) {
                    return false;
                }
            }
            return true;
        }).count();
        int m = 0;
        for (int i = 0; i < packed.length; i++) {
            if (present[i]) {
                packed[m++] = packed[i];
            }
        }
        long[] keys = Arrays.copyOf(packed, m);
        Arrays.parallelSort(keys);

        Map<BlockingKey, Long> keyed = new EnumMap<>(BlockingKey.class);
        Map<BlockingKey, Long> oversized = new EnumMap<>(BlockingKey.class);
        Map<BlockingKey, Long> oversizedRecords = new EnumMap<>(BlockingKey.class);
        long largest = 0;
        LongList pairs = new LongList();
        int max = options.maxBlockSize();
        for (int s = 0; s < m; ) {
            long group = keys[s] >>> INDEX_BITS;
            int e = s + 1;
            while (e < m && (keys[e] >>> INDEX_BITS) == group) {
                e++;
            }
            int size = e - s;
            BlockingKey kind = kinds[(int) (keys[s] >>> 61)];
            keyed.merge(kind, (long) size, Long::sum);
            largest = Math.max(largest, size);
            if (size > max) {
                oversized.merge(kind, 1L, Long::sum);
                oversizedRecords.merge(kind, (long) size, Long::sum);
            } else {
                for (int a = s; a < e; a++) {
                    long ia = keys[a] & ((1L << INDEX_BITS) - 1);
                    for (int b = a + 1; b < e; b++) {
                        long ib = keys[b] & ((1L << INDEX_BITS) - 1);
                        pairs.add(ia < ib ? (ia << 32) | ib : (ib << 32) | ia);
                    }
                }
            }
            s = e;
        }
        return new Candidates(norm, pairs.sortedDistinct(),
                new BlockingStats(max, keyed, oversized, oversizedRecords, largest, 0, unkeyed), badEmails, badPhones);
    }

    /** The normalised records, the distinct candidate pairs (index pairs packed hi/lo) and the blocking counts. */
    private record Candidates(NormalizedRecord[] norm, long[] pairs, BlockingStats stats, long badEmails,
            long badPhones) {
    }

    private List<Cluster> cluster(List<ScoredPair> duplicates, NormalizedRecord[] norm, Map<CustomerId, Integer> index,
            long[] refusals) {
        List<ScoredPair> edges = new ArrayList<>(duplicates);
        edges.sort(Comparator.comparingDouble(ScoredPair::score).reversed().thenComparing(ScoredPair::left)
                .thenComparing(ScoredPair::right));
        Map<Integer, List<Integer>> members = new HashMap<>();
        Map<Integer, Double> minScore = new HashMap<>();
        Map<Integer, Integer> root = new HashMap<>();
        for (ScoredPair e : edges) {
            int a = index.get(e.left());
            int b = index.get(e.right());
            int ra = root.getOrDefault(a, a);
            int rb = root.getOrDefault(b, b);
            if (ra == rb) {
                continue;
            }
            List<Integer> ma = members.getOrDefault(ra, List.of(a));
            List<Integer> mb = members.getOrDefault(rb, List.of(b));
            if (ma.size() + mb.size() > options.maxClusterSize()) {
                refusals[0]++;
                continue;
            }
            double min = Math.min(e.score(), Math.min(minScore.getOrDefault(ra, 1.0), minScore.getOrDefault(rb, 1.0)));
            boolean ok = true;
            for (int x : ma) {
                for (int y : mb) {
                    if ((x == a && y == b) || !ok) {
                        continue;
                    }
                    ScoredPair cross = scorer.score(norm[x], norm[y]);
                    if (cross.score() < options.clusterLinkScore() || cross.kind() == PairKind.HOUSEHOLD) {
                        ok = false;
                    }
                    min = Math.min(min, cross.score());
                }
            }
            if (!ok) {
                refusals[0]++;
                continue;
            }
            List<Integer> joined = new ArrayList<>(ma.size() + mb.size());
            joined.addAll(ma);
            joined.addAll(mb);
            members.remove(ra);
            members.remove(rb);
            minScore.remove(rb);
            members.put(ra, joined);
            minScore.put(ra, min);
            for (int x : joined) {
                root.put(x, ra);
            }
        }
        List<Cluster> out = new ArrayList<>();
        members.forEach((r, list) -> out.add(new Cluster(list.stream().map(i -> norm[i].id()).sorted().toList(),
                minScore.get(r))));
        out.sort(Comparator.comparing(c -> c.members().get(0)));
        return out;
    }

    private IntStream range(int n) {
        IntStream s = IntStream.range(0, n);
        return options.parallel() ? s.parallel() : s;
    }

    /** A growable list of longs. Not thread-safe. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        long[] sortedDistinct() {
            long[] v = Arrays.copyOf(values, size);
            Arrays.parallelSort(v);
            int m = 0;
            for (int i = 0; i < v.length; i++) {
                if (m == 0 || v[i] != v[m - 1]) {
                    v[m++] = v[i];
                }
            }
            return Arrays.copyOf(v, m);
        }
    }
}
