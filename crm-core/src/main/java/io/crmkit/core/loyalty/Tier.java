package io.crmkit.core.loyalty;

import io.crmkit.core.internal.Checks;
import java.util.Map;

/**
 * A tier of a loyalty programme: its name, the qualifying threshold (inclusive: a member whose
 * qualifying value in the window is at least the threshold holds the tier) and its benefits, kept as
 * data for the host (such as {@code discount=5%}); crmkit does not interpret them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the tier's name: 1 to 256 characters, not {@link TierRules#BASE_TIER}, not null
 * @param threshold the threshold, positive: whole currency units for {@link TierBasis#SPEND}, points
 *     for {@link TierBasis#POINTS}
 * @param benefits the benefits by name, possibly empty, copied, not null
 */
public record Tier(String name, long threshold, Map<String, String> benefits) {

    /**
     * Validates the tier.
     *
     * @throws NullPointerException if a component or a benefit is null
     * @throws IllegalArgumentException if the name or a benefit is not a valid text, the name is the
     *     base tier's, or the threshold is not positive, naming the value
     */
    public Tier {
        Checks.text(name, "tier name");
        if (name.equals(TierRules.BASE_TIER)) {
            throw new IllegalArgumentException("tier name '" + name + "' is the tier below every threshold");
        }
        if (threshold <= 0) {
            throw new IllegalArgumentException("threshold of tier " + name + " must be positive: " + threshold);
        }
        Checks.notNull(benefits, "benefits");
        benefits.forEach((k, v) -> {
            Checks.text(k, "benefit name");
            Checks.text(v, "benefit " + k);
        });
        benefits = Map.copyOf(benefits);
    }

    /**
     * Returns a tier without benefits.
     *
     * @param name the name, not null
     * @param threshold the threshold, positive
     * @return the tier, never null
     */
    public static Tier of(String name, long threshold) {
        return new Tier(name, threshold, Map.of());
    }
}
