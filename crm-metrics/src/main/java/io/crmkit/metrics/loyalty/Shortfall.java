package io.crmkit.metrics.loyalty;

import io.crmkit.core.CustomerId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * A debit the balance could not cover, reported by the ledger rather than hidden or allowed to
 * make the balance negative: a redemption of more points than were left (an over-redemption), or a
 * reversal (a return, a negative adjustment) of more points than were left. The ledger applies
 * what the balance covers ({@code applied}) and reports the rest.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the member, not null
 * @param kind {@link Kind#REDEEM} or {@link Kind#REVERSE}, not null
 * @param at when, not null
 * @param transaction the transaction, empty for a return order, not null
 * @param asked the points asked for, positive
 * @param applied the points the balance covered, from 0 to {@code asked - 1}
 */
public record Shortfall(CustomerId customerId, Kind kind, Instant at, Optional<PointsTransactionId> transaction,
        long asked, long applied) {

    /** The kind of debit. */
    public enum Kind {
        /** A redemption: an over-redemption. */
        REDEEM,
        /** A reversal: a return or a negative adjustment taking back points already spent or expired. */
        REVERSE
    }

    /**
     * Validates the shortfall.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the amounts are inconsistent
     */
    public Shortfall {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(kind, "kind");
        Checks.notNull(at, "at");
        Checks.optional(transaction, "transaction");
        if (asked <= 0 || applied < 0 || applied >= asked) {
            throw new IllegalArgumentException("shortfall of " + asked + " asked, " + applied + " applied");
        }
    }

    /**
     * Returns the points not covered.
     *
     * @return {@code asked - applied}, positive
     */
    public long missing() {
        return asked - applied;
    }
}
