package io.crmkit.quality.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The data-quality report of a set of customer records: per field quality, staleness, and the same
 * per source.
 *
 * <p>Personal data: the examples are masked.
 *
 * <p>Immutable and thread-safe.
 *
 * @param records the records, not negative
 * @param fields the quality of each field, in field order, not null
 * @param staleness the staleness of all records, not null
 * @param sources per source, by name, not null
 * @param reference the instant staleness is measured from, empty when no record is dated and no
 *     reference was given, not null
 * @param staleAfter the freshness window, positive, not null
 */
public record QualityReport(long records, List<FieldQuality> fields, Staleness staleness, List<SourceQuality> sources,
        Optional<Instant> reference, Duration staleAfter) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if a component is null
     */
    public QualityReport {
        fields = List.copyOf(fields);
        Objects.requireNonNull(staleness, "staleness");
        sources = List.copyOf(sources);
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(staleAfter, "staleAfter");
    }
}
