package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;

/**
 * Assigns every customer one lifecycle {@link Stage} at an as-of date from their purchase days.
 * With {@code d} the whole days since the last purchase on or before the as-of date and the
 * customer's at-risk and churned thresholds (see {@link StageThresholds}), the first rule that
 * holds decides:
 * <ol>
 *   <li>no purchase: {@link Stage#PROSPECT};</li>
 *   <li>{@code d > churned}: {@link Stage#CHURNED};</li>
 *   <li>{@code d > atRisk}: {@link Stage#AT_RISK};</li>
 *   <li>the gap before the last purchase exceeds the churned threshold: {@link Stage#REACTIVATED};</li>
 *   <li>exactly one purchase: {@link Stage#NEW};</li>
 *   <li>otherwise {@link Stage#ACTIVE}.</li>
 * </ol>
 * With relative thresholds, the customer's rhythm is estimated from the purchases on or before
 * the as-of date only (see {@link RhythmOptions}), so an assignment at a past date sees what was
 * known then.
 *
 * <p>Stateless and thread-safe.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /**
     * Assigns the stages.
     *
     * @param timelines the customers' purchase days, not null
     * @param options the as-of date and thresholds, not null
     * @return one stage per customer, never null
     */
    public static LifecycleReport assign(PurchaseTimelines timelines, StageOptions options) {
        Checks.notNull(timelines, "timelines");
        Checks.notNull(options, "options");
        int asOfDay = PurchaseTimelines.toEpochDay(options.asOf());
        int n = timelines.size();
        int[] count;
        double[] rhythm;
        byte[] source;
        double atRiskFactor;
        double churnedFactor;
        if (options.thresholds() instanceof StageThresholds.Relative relative) {
            Rhythms r = Rhythms.of(timelines, asOfDay, relative.rhythm());
            count = r.count;
            rhythm = r.rhythm;
            source = r.source;
            atRiskFactor = relative.atRiskFactor();
            churnedFactor = relative.churnedFactor();
        } else {
            StageThresholds.Fixed fixed = (StageThresholds.Fixed) options.thresholds();
            count = Rhythms.counts(timelines, asOfDay);
            rhythm = new double[n];
            java.util.Arrays.fill(rhythm, 1.0);
            source = new byte[n];
            java.util.Arrays.fill(source, (byte) RhythmSource.NONE.ordinal());
            atRiskFactor = fixed.atRiskAfterDays();
            churnedFactor = fixed.churnedAfterDays();
        }
        int[] off = timelines.offsets;
        int[] days = timelines.days;
        byte[] stage = new byte[n];
        double[] atRisk = new double[n];
        double[] churned = new double[n];
        for (int i = 0; i < n; i++) {
            int k = count[i];
            if (k == 0) {
                stage[i] = (byte) Stage.PROSPECT.ordinal();
                continue;
            }
            double a = atRiskFactor * rhythm[i];
            double c = churnedFactor * rhythm[i];
            atRisk[i] = a;
            churned[i] = c;
            int last = days[off[i] + k - 1];
            int since = asOfDay - last;
            Stage s;
            if (since > c) {
                s = Stage.CHURNED;
            } else if (since > a) {
                s = Stage.AT_RISK;
            } else if (k >= 2 && last - days[off[i] + k - 2] > c) {
                s = Stage.REACTIVATED;
            } else if (timelines.purchases(off[i], off[i] + k) == 1) {
                s = Stage.NEW;
            } else {
                s = Stage.ACTIVE;
            }
            stage[i] = (byte) s.ordinal();
        }
        return new LifecycleReport(timelines, options, stage, count, rhythm, source, atRisk, churned);
    }
}
