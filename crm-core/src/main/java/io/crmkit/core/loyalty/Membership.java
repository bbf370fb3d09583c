package io.crmkit.core.loyalty;

import io.crmkit.core.CustomerId;
import io.crmkit.core.MembershipId;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A customer's membership of a loyalty programme: when they joined, when they left (if they did),
 * and the tier history the host recorded (the ledger in crm-metrics can compute one from orders).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the membership (card) number, not null
 * @param customerId the member, not null
 * @param joinedAt when the customer enrolled, not null
 * @param leftAt when the membership ended, if it did, not before {@code joinedAt}, not null
 * @param tierHistory tier changes in time order, none before {@code joinedAt}, copied, not null
 */
public record Membership(
        MembershipId id,
        CustomerId customerId,
        Instant joinedAt,
        Optional<Instant> leftAt,
        List<TierChange> tierHistory) {

    /**
     * Validates the membership.
     *
     * @throws NullPointerException if a component or an entry is null
     * @throws IllegalArgumentException if it ends before it starts or the history is out of order,
     *     naming the instants
     */
    public Membership {
        Checks.notNull(id, "id");
        Checks.notNull(customerId, "customerId");
        Checks.notNull(joinedAt, "joinedAt");
        Checks.optional(leftAt, "leftAt").ifPresent(l -> Checks.notBefore(joinedAt, l, "joinedAt", "leftAt"));
        Checks.notNull(tierHistory, "tierHistory");
        Instant previous = joinedAt;
        String previousName = "joinedAt";
        for (TierChange c : tierHistory) {
            Checks.notNull(c, "tier change");
            Checks.notBefore(previous, c.at(), previousName, "tier change");
            previous = c.at();
            previousName = "the tier change before";
        }
        tierHistory = List.copyOf(tierHistory);
    }

    /**
     * Returns an open membership without tier history.
     *
     * @param id the membership number, not null
     * @param customerId the member, not null
     * @param joinedAt when, not null
     * @return the membership, never null
     */
    public static Membership of(MembershipId id, CustomerId customerId, Instant joinedAt) {
        return new Membership(id, customerId, joinedAt, Optional.empty(), List.of());
    }

    /**
     * Returns whether the customer was a member at an instant: joined at or before it and not left
     * at or before it.
     *
     * @param at the instant, not null
     * @return true if a member then
     */
    public boolean isMemberAt(Instant at) {
        return !joinedAt.isAfter(at) && leftAt.map(l -> l.isAfter(at)).orElse(true);
    }
}
