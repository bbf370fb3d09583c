package io.crmkit.metrics.loyalty;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;
import io.crmkit.core.loyalty.TierChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One member's line of a {@link LedgerStatement}: the points account as of the statement's instant
 * and the tier. Always {@code earned = redeemed + expired + reversed + balance}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the member, not null
 * @param balance unspent, unexpired points, not negative
 * @param earned points credited: orders, earn transactions, positive adjustments
 * @param redeemed points spent
 * @param expired points that lapsed
 * @param reversed points taken back: returns, reversals, negative adjustments
 * @param redeemShortfall redemption points the balance could not cover (see {@link Shortfall})
 * @param reverseShortfall reversal points the balance could not cover
 * @param qualifying the tier qualifying value in the window: spend in minor units, or points
 * @param tier the tier's name, not null
 * @param tierSince when the member reached the current tier, empty if never changed, not null
 * @param tierHistory every tier change up to the as-of instant, not null
 */
public record MemberPoints(CustomerId customerId, long balance, long earned, long redeemed, long expired,
        long reversed, long redeemShortfall, long reverseShortfall, long qualifying, String tier,
        Optional<Instant> tierSince, List<TierChange> tierHistory) {

    /**
     * Validates the line.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the account does not balance or a count is negative
     */
    public MemberPoints {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(tier, "tier");
        Checks.optional(tierSince, "tierSince");
        tierHistory = List.copyOf(tierHistory);
        if (balance < 0 || redeemed < 0 || expired < 0 || reversed < 0 || redeemShortfall < 0 || reverseShortfall < 0
                || !balances(earned, redeemed, expired, reversed, balance)) {
            throw new IllegalArgumentException("points of customer " + Pii.mask(customerId.value()) + " do not balance: earned " + earned
                    + ", redeemed " + redeemed + ", expired " + expired + ", reversed " + reversed + ", balance "
                    + balance);
        }
    }

    /** Whether earned = redeemed + expired + reversed + balance, without overflow. */
    private static boolean balances(long earned, long redeemed, long expired, long reversed, long balance) {
        try {
            return earned == Math.addExact(Math.addExact(Math.addExact(redeemed, expired), reversed), balance);
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
