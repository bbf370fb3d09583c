package io.crmkit.quality.merge;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Pii;
import io.crmkit.quality.CustomerRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * One change a merge plan proposes to the surviving record: a field's value before and after, and
 * the record the new value comes from.
 *
 * <p>Personal data: {@link #toString()} masks both values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the field, not null
 * @param before the survivor's value before, empty if absent, not null
 * @param after the proposed value, not null
 * @param from the record the proposed value comes from, not null
 */
public record FieldChange(CustomerRecord.Field field, Optional<String> before, String after, CustomerId from) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(from, "from");
    }

    @Override
    public String toString() {
        return "FieldChange[" + field.column() + ": " + before.map(Pii::mask).orElse("-") + " -> " + Pii.mask(after)
                + " from " + from + "]";
    }
}
