package io.crmkit.core.customer;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;
import java.time.Instant;
import java.util.Optional;

/**
 * One recorded consent decision: the customer granted or denied contact through one medium for
 * one purpose, effective over a half-open period {@code [effectiveFrom, effectiveUntil)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param medium the contact medium, not null
 * @param purpose the contact purpose, not null
 * @param status granted or denied, not null
 * @param effectiveFrom the first instant the decision applies, not null
 * @param effectiveUntil the first instant it no longer applies, if it expires; after
 *     {@code effectiveFrom}; not null
 * @param source where the decision was captured (a form, a call, an import), if recorded, not null
 */
public record ConsentRecord(
        ContactMedium medium, ContactPurpose purpose, ConsentStatus status, Instant effectiveFrom,
        Optional<Instant> effectiveUntil, Optional<String> source) {

    /**
     * Validates the record.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code effectiveUntil} is not after {@code effectiveFrom}
     */
    public ConsentRecord {
        Checks.notNull(medium, "medium");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(status, "status");
        Checks.notNull(effectiveFrom, "effectiveFrom");
        Checks.optional(effectiveUntil, "effectiveUntil").ifPresent(u -> {
            if (!u.isAfter(effectiveFrom)) {
                throw new IllegalArgumentException(
                        "effectiveUntil " + u + " must be after effectiveFrom " + effectiveFrom);
            }
        });
        Checks.optional(source, "source").ifPresent(s -> Checks.text(s, "source"));
    }

    /**
     * Returns an open-ended record without a source.
     *
     * @param medium the medium, not null
     * @param purpose the purpose, not null
     * @param status granted or denied, not null
     * @param effectiveFrom from when, not null
     * @return the record, never null
     */
    public static ConsentRecord of(ContactMedium medium, ContactPurpose purpose, ConsentStatus status,
            Instant effectiveFrom) {
        return new ConsentRecord(medium, purpose, status, effectiveFrom, Optional.empty(), Optional.empty());
    }

    /**
     * Returns whether this record applies to the medium and purpose at the instant.
     *
     * @param medium the medium, not null
     * @param purpose the purpose, not null
     * @param at the instant, not null
     * @return true if the record covers them
     */
    public boolean appliesTo(ContactMedium medium, ContactPurpose purpose, Instant at) {
        return this.medium == medium && this.purpose == purpose && !at.isBefore(effectiveFrom)
                && effectiveUntil.map(at::isBefore).orElse(true);
    }

    /**
     * Returns the record with its free-text source masked (it may name a person).
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "ConsentRecord[medium=" + medium + ", purpose=" + purpose + ", status=" + status + ", effectiveFrom="
                + effectiveFrom + ", effectiveUntil=" + effectiveUntil.map(Object::toString).orElse("none")
                + ", source=" + source.map(Pii::mask).orElse("none") + "]";
    }
}
