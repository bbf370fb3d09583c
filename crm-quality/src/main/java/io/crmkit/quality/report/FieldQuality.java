package io.crmkit.quality.report;

import io.crmkit.quality.CustomerRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The quality of one field over a set of records: how many have it, how many of those are valid
 * (and why the others are not, with masked examples), and how many distinct normalised values the
 * valid ones have.
 *
 * <p>Ratios are 0 when their denominator is 0 (never NaN).
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the field, not null
 * @param records the records looked at, not negative
 * @param present the records with the field, not more than {@code records}
 * @param valid the records with a valid value, not more than {@code present}
 * @param distinct the distinct normalised valid values, not more than {@code valid}
 * @param invalidReasons per reason, the records with an invalid value, most frequent first, not null
 * @param examples per reason, up to three examples ({@code "customer_id: masked value"}), not null
 */
public record FieldQuality(CustomerRecord.Field field, long records, long present, long valid, long distinct,
        Map<String, Long> invalidReasons, Map<String, List<String>> examples) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the counts are not nested as stated
     */
    public FieldQuality {
        Objects.requireNonNull(field, "field");
        if (records < 0 || present < 0 || valid < 0 || distinct < 0 || present > records || valid > present
                || distinct > valid) {
            throw new IllegalArgumentException("counts must satisfy 0 <= distinct <= valid <= present <= records: "
                    + distinct + ", " + valid + ", " + present + ", " + records);
        }
        invalidReasons = Collections.unmodifiableMap(new LinkedHashMap<>(invalidReasons));
        Map<String, List<String>> e = new LinkedHashMap<>();
        examples.forEach((k, v) -> e.put(k, List.copyOf(v)));
        examples = Collections.unmodifiableMap(e);
    }

    /**
     * Returns the share of records with the field.
     *
     * @return {@code present / records}, in [0, 1]
     */
    public double completeness() {
        return records == 0 ? 0 : present / (double) records;
    }

    /**
     * Returns the share of present values that are valid.
     *
     * @return {@code valid / present}, in [0, 1]
     */
    public double validity() {
        return present == 0 ? 0 : valid / (double) present;
    }

    /**
     * Returns the share of valid values that are distinct.
     *
     * @return {@code distinct / valid}, in [0, 1]
     */
    public double uniqueness() {
        return valid == 0 ? 0 : distinct / (double) valid;
    }
}
