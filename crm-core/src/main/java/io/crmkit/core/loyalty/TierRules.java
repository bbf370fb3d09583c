package io.crmkit.core.loyalty;

import io.crmkit.core.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How members qualify for tiers: over a rolling window {@code (t - window, t]} ending at each instant
 * {@code t}, a member's qualifying value ({@link TierBasis}) is compared with the thresholds; the
 * member holds the highest tier whose threshold is at most that value (thresholds inclusive), or
 * {@link #BASE_TIER} below every threshold. An order placed at {@code s} counts from {@code s} until
 * just before {@code s + window}: the member is upgraded at the instant the value reaches a
 * threshold and downgraded at the instant it falls below.
 *
 * <p>Immutable and thread-safe.
 *
 * @param basis what qualifies, not null
 * @param window the qualification window, positive, whole microseconds, not null
 * @param tiers the tiers, sorted by threshold ascending here, distinct names and thresholds, possibly
 *     empty (everyone is {@link #BASE_TIER}), not null
 */
public record TierRules(TierBasis basis, Duration window, List<Tier> tiers) {

    /** The name of the tier below every threshold. */
    public static final String BASE_TIER = "basic";

    /**
     * Validates the rules and sorts the tiers by threshold.
     *
     * @throws NullPointerException if a component or a tier is null
     * @throws IllegalArgumentException if the window is not positive or two tiers share a name or a
     *     threshold, naming the value
     */
    public TierRules {
        Checks.notNull(basis, "basis");
        Checks.notNull(window, "window");
        if (window.isNegative() || window.isZero() || window.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("tier window must be a positive whole number of microseconds: "
                    + window);
        }
        Checks.notNull(tiers, "tiers");
        List<Tier> sorted = new ArrayList<>(tiers.size());
        Set<String> names = new HashSet<>();
        Set<Long> thresholds = new HashSet<>();
        for (Tier t : tiers) {
            Checks.notNull(t, "tier");
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("two tiers are named " + t.name());
            }
            if (!thresholds.add(t.threshold())) {
                throw new IllegalArgumentException("two tiers share the threshold " + t.threshold());
            }
            sorted.add(t);
        }
        sorted.sort(Comparator.comparingLong(Tier::threshold));
        tiers = List.copyOf(sorted);
    }

    /**
     * Returns rules without tiers: every member is {@link #BASE_TIER}.
     *
     * @return the rules (spend over 365 days), never null
     */
    public static TierRules none() {
        return new TierRules(TierBasis.SPEND, Duration.ofDays(365), List.of());
    }

    /**
     * Returns the name of a tier by its level.
     *
     * @param level 0 for {@link #BASE_TIER}, {@code k} for the k-th tier by threshold
     * @return the name, never null
     */
    public String name(int level) {
        return level == 0 ? BASE_TIER : tiers.get(level - 1).name();
    }

    /**
     * Returns the level of a qualifying value: the number of thresholds at most the value.
     *
     * @param value the qualifying value, in the basis's unit scaled by {@code unitScale}
     * @param unitScale what one threshold unit is worth in {@code value}'s unit (minor units per
     *     currency unit for spend, 1 for points), positive
     * @return the level, 0 for {@link #BASE_TIER}
     */
    public int level(long value, long unitScale) {
        int level = 0;
        for (Tier t : tiers) {
            if (value / unitScale >= t.threshold()) {
                level++;
            } else {
                break;
            }
        }
        return level;
    }
}
