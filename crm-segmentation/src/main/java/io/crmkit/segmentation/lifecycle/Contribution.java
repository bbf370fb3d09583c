package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;

/**
 * One feature's share of a customer's churn probability against the base (see
 * {@link ChurnScore#contributions()}), with the numbers behind it. The reason holds numbers only,
 * never personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param feature the feature, not null
 * @param amount the change in probability, in {@code [-1, 1]}
 * @param reason the amount and the numbers, for example {@code +0.18: 45 days since the last purchase}, not blank
 */
public record Contribution(ChurnFeature feature, double amount, String reason) {

    /**
     * Validates the contribution.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the amount is out of range or the reason blank
     */
    public Contribution {
        Checks.notNull(feature, "feature");
        if (!(amount >= -1 && amount <= 1)) {
            throw new IllegalArgumentException("amount must be in [-1, 1]: " + amount);
        }
        Checks.notNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
    }
}
