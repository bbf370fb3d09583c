/**
 * Customer lifecycle from purchase behaviour: every customer's purchase days
 * ({@link io.crmkit.segmentation.lifecycle.PurchaseTimelines}); lifecycle stages at an as-of date
 * with global or rhythm-relative thresholds and the transitions between two dates
 * ({@link io.crmkit.segmentation.lifecycle.Lifecycle},
 * {@link io.crmkit.segmentation.lifecycle.StageTransitions}); the churn early warning with the
 * numbers behind every signal, ranked by value at risk
 * ({@link io.crmkit.segmentation.lifecycle.ChurnWarning}); the churn probability over a horizon,
 * fitted on the host's own past with the contributions that explain it, and its backtest against
 * baselines ({@link io.crmkit.segmentation.lifecycle.ChurnProbability},
 * {@link io.crmkit.segmentation.lifecycle.ChurnBacktest}); next-purchase forecasts and consent-aware
 * due lists ({@link io.crmkit.segmentation.lifecycle.NextPurchase},
 * {@link io.crmkit.segmentation.lifecycle.DueList}); and a backtest of the warning and the
 * forecast against plain baselines ({@link io.crmkit.segmentation.lifecycle.LifecycleBacktest}).
 *
 * <p>All analyses work in whole calendar days of the timelines' zone and take an explicit as-of
 * date; they never read a clock.
 */
package io.crmkit.segmentation.lifecycle;
