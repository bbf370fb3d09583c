package io.crmkit.quality.report;

import java.util.List;
import java.util.Objects;

/**
 * The quality of the records of one source system.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the source name, {@code "(none)"} for records without one, not null
 * @param records the records, not negative
 * @param fields the quality of each field, in field order, not null
 * @param staleness the staleness, not null
 */
public record SourceQuality(String source, long records, List<FieldQuality> fields, Staleness staleness) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if a component is null
     */
    public SourceQuality {
        Objects.requireNonNull(source, "source");
        fields = List.copyOf(fields);
        Objects.requireNonNull(staleness, "staleness");
    }

    /**
     * Returns the mean completeness over the fields.
     *
     * @return the mean, in [0, 1]
     */
    public double meanCompleteness() {
        return fields.isEmpty() ? 0 : fields.stream().mapToDouble(FieldQuality::completeness).average().orElse(0);
    }
}
