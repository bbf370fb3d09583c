package io.crmkit.quality.match;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What blocking did: per key kind the records that had a key, the blocks that were skipped for
 * exceeding the cap and the records in them, the candidate pairs compared in all, and the records
 * that had no key at all and so were compared with nothing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxBlockSize the cap on a block's size, at least 2
 * @param keyed per kind, the records with a key of that kind, not null
 * @param oversizedBlocks per kind, the blocks skipped for exceeding the cap, not null
 * @param recordsInOversizedBlocks per kind, the records in skipped blocks, not null
 * @param largestBlock the size of the largest block seen (compared or not), not negative
 * @param candidatePairs the distinct pairs compared, not negative
 * @param unkeyedRecords the records without any blocking key, which were compared with no other
 *     record (they lack the fields every {@link BlockingKey} needs), not negative
 */
public record BlockingStats(int maxBlockSize, Map<BlockingKey, Long> keyed, Map<BlockingKey, Long> oversizedBlocks,
        Map<BlockingKey, Long> recordsInOversizedBlocks, long largestBlock, long candidatePairs, long unkeyedRecords) {

    /**
     * Copies the maps.
     *
     * @throws NullPointerException if a map is null
     */
    public BlockingStats {
        keyed = copy(keyed);
        oversizedBlocks = copy(oversizedBlocks);
        recordsInOversizedBlocks = copy(recordsInOversizedBlocks);
    }

    private static Map<BlockingKey, Long> copy(Map<BlockingKey, Long> m) {
        Objects.requireNonNull(m, "map");
        EnumMap<BlockingKey, Long> c = new EnumMap<>(BlockingKey.class);
        for (BlockingKey k : BlockingKey.values()) {
            c.put(k, m.getOrDefault(k, 0L));
        }
        return Collections.unmodifiableMap(c);
    }

    /**
     * Returns the blocks skipped in all.
     *
     * @return the count, not negative
     */
    public long totalOversizedBlocks() {
        return oversizedBlocks.values().stream().mapToLong(Long::longValue).sum();
    }
}
