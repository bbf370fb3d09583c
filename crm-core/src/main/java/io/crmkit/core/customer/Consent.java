package io.crmkit.core.customer;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * All consent decisions recorded for a customer, and the rule that reads them.
 *
 * <p>{@link #permits} is least-permissive: contact through a medium for a purpose at an instant is
 * permitted only if at least one record applying then grants it and none denies it. With no
 * applicable record, contact is not permitted (opt-in by default). Conflicting records therefore
 * resolve to "no", as the major CRMs' consent APIs do.
 *
 * <p>Immutable and thread-safe.
 *
 * @param records the decisions, in the order recorded, not null
 */
public record Consent(List<ConsentRecord> records) {

    private static final Consent NONE = new Consent(List.of());

    /**
     * Copies the records.
     *
     * @throws NullPointerException if the list or an element is null
     */
    public Consent {
        Checks.notNull(records, "records");
        records = ImmutableList.copyOf(records);
    }

    /**
     * Returns a consent with no decisions (nothing is permitted).
     *
     * @return the empty consent, never null
     */
    public static Consent none() {
        return NONE;
    }

    /**
     * Returns a consent with the given decisions.
     *
     * @param records the decisions, not null
     * @return the consent, never null
     */
    public static Consent of(ConsentRecord... records) {
        return new Consent(List.of(records));
    }

    /**
     * Returns whether contact through the medium for the purpose is permitted at the instant,
     * least-permissively (see the class description).
     *
     * @param medium the medium, not null
     * @param purpose the purpose, not null
     * @param at the instant, not null
     * @return true only if some applicable record grants and none denies
     */
    public boolean permits(ContactMedium medium, ContactPurpose purpose, Instant at) {
        Checks.notNull(medium, "medium");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(at, "at");
        boolean granted = false;
        for (ConsentRecord r : records) {
            if (r.appliesTo(medium, purpose, at)) {
                if (r.status() == ConsentStatus.DENIED) {
                    return false;
                }
                granted = true;
            }
        }
        return granted;
    }
}
