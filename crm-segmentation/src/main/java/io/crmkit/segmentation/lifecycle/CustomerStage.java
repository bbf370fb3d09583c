package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One customer's lifecycle stage with the numbers that decided it. For a prospect only the
 * identifier, the stage and zero purchases are present.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param stage the stage, not null
 * @param purchases purchases on or before the as-of date (by the timelines' purchase unit), not negative
 * @param lastPurchase the last purchase day, empty for a prospect
 * @param daysSinceLastPurchase whole days from the last purchase to the as-of date, empty for a prospect
 * @param rhythmDays the customer's rhythm in days, empty with fixed thresholds or for a prospect
 * @param rhythmSource where the rhythm came from, not null
 * @param atRiskAfterDays the customer's at-risk threshold in days, empty for a prospect
 * @param churnedAfterDays the customer's churned threshold in days, empty for a prospect
 */
public record CustomerStage(CustomerId customerId, Stage stage, int purchases, Optional<LocalDate> lastPurchase,
        OptionalInt daysSinceLastPurchase, OptionalDouble rhythmDays, RhythmSource rhythmSource,
        OptionalDouble atRiskAfterDays, OptionalDouble churnedAfterDays) {

    /**
     * Validates the row.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if purchases is negative
     */
    public CustomerStage {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(stage, "stage");
        Checks.optional(lastPurchase, "lastPurchase");
        Checks.notNull(daysSinceLastPurchase, "daysSinceLastPurchase");
        Checks.notNull(rhythmDays, "rhythmDays");
        Checks.notNull(rhythmSource, "rhythmSource");
        Checks.notNull(atRiskAfterDays, "atRiskAfterDays");
        Checks.notNull(churnedAfterDays, "churnedAfterDays");
        if (purchases < 0) {
            throw new IllegalArgumentException("purchases must not be negative: " + purchases);
        }
    }
}
