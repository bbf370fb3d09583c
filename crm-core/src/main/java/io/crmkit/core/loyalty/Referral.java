package io.crmkit.core.loyalty;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.ReferralId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;
import java.time.Instant;
import java.util.Optional;

/**
 * A referral: a customer (the referrer) brought another (the referred) with a code. The qualifying
 * purchase, when the host knows it, is the referred customer's order that earns the referrer's
 * reward; a referred customer is credited once (the ledger's KPIs count the earliest referral of a
 * referred customer and report the others).
 *
 * <p>Personal data: a referral code is often made of a name ("ANN10"), so {@link #toString()} masks
 * it as other personal components are masked (ADR 0001); identifiers are opaque.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the identifier, not null
 * @param referrer who referred, not null
 * @param referred who was referred, not {@code referrer}, not null
 * @param code the referral code used, a short text, not null
 * @param referredAt when the referred customer signed up with the code, not null
 * @param qualifyingOrder the referred customer's qualifying order, if known, not null
 */
public record Referral(
        ReferralId id,
        CustomerId referrer,
        CustomerId referred,
        String code,
        Instant referredAt,
        Optional<OrderId> qualifyingOrder) {

    /**
     * Validates the referral.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a customer refers themself or the code is not a valid text
     */
    public Referral {
        Checks.notNull(id, "id");
        Checks.notNull(referrer, "referrer");
        Checks.notNull(referred, "referred");
        if (referrer.equals(referred)) {
            throw new IllegalArgumentException("referral " + id + ": a customer cannot refer themself");
        }
        Checks.text(code, "code");
        Checks.notNull(referredAt, "referredAt");
        Checks.optional(qualifyingOrder, "qualifyingOrder");
    }

    /**
     * Returns a referral without a known qualifying order.
     *
     * @param id the identifier, not null
     * @param referrer who referred, not null
     * @param referred who was referred, not null
     * @param code the code, not null
     * @param referredAt when, not null
     * @return the referral, never null
     */
    public static Referral of(ReferralId id, CustomerId referrer, CustomerId referred, String code,
            Instant referredAt) {
        return new Referral(id, referrer, referred, code, referredAt, Optional.empty());
    }

    /**
     * Returns the referral with its code masked.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "Referral[id=" + id + ", referrer=" + referrer + ", referred=" + referred + ", code="
                + Pii.mask(code) + ", referredAt=" + referredAt + ", qualifyingOrder=" + qualifyingOrder + "]";
    }
}
