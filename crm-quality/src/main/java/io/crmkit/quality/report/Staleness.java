package io.crmkit.quality.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How fresh records are: of the records with a last-update time, how many were updated within the
 * freshness window before the reference instant and how many earlier.
 *
 * <p>Immutable and thread-safe.
 *
 * @param records the records looked at, not negative
 * @param withUpdatedAt the records with a last-update time, not more than {@code records}
 * @param stale those updated before the window, not more than {@code withUpdatedAt}
 * @param oldest the oldest update, empty without any, not null
 * @param newest the newest update, empty without any, not null
 */
public record Staleness(long records, long withUpdatedAt, long stale, Optional<Instant> oldest,
        Optional<Instant> newest) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the counts are not nested as stated
     */
    public Staleness {
        Objects.requireNonNull(oldest, "oldest");
        Objects.requireNonNull(newest, "newest");
        if (records < 0 || withUpdatedAt < 0 || stale < 0 || withUpdatedAt > records || stale > withUpdatedAt) {
            throw new IllegalArgumentException("counts must satisfy 0 <= stale <= withUpdatedAt <= records");
        }
    }

    /**
     * Returns the share of dated records that are stale.
     *
     * @return {@code stale / withUpdatedAt}, 0 when none is dated, in [0, 1]
     */
    public double staleShare() {
        return withUpdatedAt == 0 ? 0 : stale / (double) withUpdatedAt;
    }
}
