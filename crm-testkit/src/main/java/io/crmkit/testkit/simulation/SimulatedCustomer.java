package io.crmkit.testkit.simulation;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * The latent truth behind one simulated customer, for checking models against what really
 * happened: the purchase rate and drop-out probability drawn for the customer, the spend
 * parameter, and when (if ever) the customer dropped out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param firstPurchaseAt the time of the first (trial) purchase, not null
 * @param lambda the purchase rate while alive, per {@link BgNbdProcess#unit()}, positive
 * @param p the drop-out probability after each repeat purchase, in [0, 1]
 * @param nu the spend rate parameter (mean transaction value = spend p / nu), positive
 * @param droppedOutAt when the customer became inactive, if before the observation end, not null
 * @param purchases the number of purchases generated before the observation end, at least 1
 */
public record SimulatedCustomer(
        CustomerId customerId, Instant firstPurchaseAt, double lambda, double p, double nu,
        Optional<Instant> droppedOutAt, int purchases) {

    /**
     * Validates the record.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a number is out of range
     */
    public SimulatedCustomer {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(firstPurchaseAt, "firstPurchaseAt");
        if (!(lambda > 0) || !(p >= 0 && p <= 1) || !(nu > 0) || purchases < 1) {
            throw new IllegalArgumentException("invalid latent values for " + customerId + ": lambda=" + lambda
                    + ", p=" + p + ", nu=" + nu + ", purchases=" + purchases);
        }
        Checks.optional(droppedOutAt, "droppedOutAt");
    }

    /**
     * Returns whether the customer was still active at the observation end.
     *
     * @return true if the customer never dropped out
     */
    public boolean aliveAtEnd() {
        return droppedOutAt.isEmpty();
    }
}
