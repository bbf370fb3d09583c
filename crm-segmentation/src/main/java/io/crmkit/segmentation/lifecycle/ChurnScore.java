package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.util.List;

/**
 * One customer's churn probability over the horizon, its level, the value at risk, and the
 * contributions that moved it from the base: they add up to {@code probability - base} (the
 * decomposition is stated in {@link ChurnScores}), ordered by size.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param probability P(no purchase in the horizon), in [0, 1]
 * @param level the level on the probability's cut-offs, not null
 * @param valueAtRisk the value at risk, not null
 * @param base the base probability the contributions start from, in [0, 1]
 * @param contributions the contributions, largest magnitude first, not null
 */
public record ChurnScore(CustomerId customerId, double probability, RiskLevel level, Money valueAtRisk, double base,
        List<Contribution> contributions) {

    /**
     * Validates the score.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a probability is out of range
     */
    public ChurnScore {
        Checks.notNull(customerId, "customerId");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
        }
        Checks.notNull(level, "level");
        Checks.notNull(valueAtRisk, "valueAtRisk");
        if (!(base >= 0 && base <= 1)) {
            throw new IllegalArgumentException("base must be in [0, 1]: " + base);
        }
        contributions = List.copyOf(Checks.notNull(contributions, "contributions"));
    }

    /**
     * Returns the reasons, largest first, joined by "; ": one per contribution that moved the
     * probability by at least half a hundredth (the ones that print as "+0.00" or "-0.00" say nothing
     * and are left out here; {@link #contributions()} keeps them all). When none is that large:
     * "no contribution of 0.01 or more".
     *
     * @return the reasons, never null, never blank
     */
    public String reasons() {
        List<String> shown = contributions.stream().filter(c -> Math.abs(c.amount()) >= SHOWN)
                .map(Contribution::reason).toList();
        return shown.isEmpty() ? "no contribution of 0.01 or more" : String.join("; ", shown);
    }

    /** The least contribution {@link #reasons()} shows: what rounds to 0.01 at two decimals. */
    private static final double SHOWN = 0.005;
}
