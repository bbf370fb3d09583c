/**
 * Customer value tiers: ABC analysis by revenue share or customer share and heavy/medium/light
 * buyers ({@link io.crmkit.segmentation.value.ValueTiers}), the Pareto (Lorenz) curve and its Gini
 * coefficient ({@link io.crmkit.segmentation.value.LorenzCurve}), and the low-return customers
 * after a caller-supplied cost to serve ({@link io.crmkit.segmentation.value.LowReturnCustomers}).
 */
package io.crmkit.segmentation.value;
