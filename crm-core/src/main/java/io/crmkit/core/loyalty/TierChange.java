package io.crmkit.core.loyalty;

import io.crmkit.core.internal.Checks;
import java.time.Instant;

/**
 * An entry of a member's tier history: from this instant on, the member holds this tier.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at when the tier took effect, not null
 * @param tier the tier's name ({@link TierRules#BASE_TIER} below every threshold), not null
 */
public record TierChange(Instant at, String tier) {

    /**
     * Validates the entry.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the tier name is not a valid text
     */
    public TierChange {
        Checks.notNull(at, "at");
        Checks.text(tier, "tier");
    }
}
