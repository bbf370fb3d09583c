package io.crmkit.quality.merge;

import io.crmkit.core.CustomerId;
import io.crmkit.quality.CustomerRecord;
import java.util.List;
import java.util.Objects;

/**
 * A proposed merge of duplicate records: the surviving record's identifier, the records it would
 * absorb (to be retired or linked by the host), the proposed golden record, and the field changes
 * to the survivor that lead to it. A proposal only: crmkit never applies it; a host applies it
 * through its {@link MergePort}, after review if it wishes.
 *
 * <p>Personal data: {@link #toString()} prints identifiers and field names only.
 *
 * <p>Immutable and thread-safe.
 *
 * @param survivor the surviving record's identifier, not null
 * @param absorbed the other records' identifiers, sorted, at least one, not null
 * @param golden the proposed golden record (the survivor's identifier), not null
 * @param changes the changes to the survivor, in field order, not null
 */
public record MergePlan(CustomerId survivor, List<CustomerId> absorbed, CustomerRecord golden,
        List<FieldChange> changes) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if nothing is absorbed, the survivor is among the absorbed,
     *     or the golden record has another identifier
     */
    public MergePlan {
        Objects.requireNonNull(survivor, "survivor");
        absorbed = List.copyOf(absorbed);
        Objects.requireNonNull(golden, "golden");
        changes = List.copyOf(changes);
        if (absorbed.isEmpty() || absorbed.contains(survivor)) {
            throw new IllegalArgumentException("a merge plan absorbs at least one record other than the survivor "
                    + survivor);
        }
        if (!golden.id().equals(survivor)) {
            throw new IllegalArgumentException("the golden record must carry the survivor's identifier " + survivor);
        }
    }

    @Override
    public String toString() {
        return "MergePlan[survivor=" + survivor + ", absorbed=" + absorbed + ", changes="
                + changes.stream().map(c -> c.field().column()).toList() + "]";
    }
}
