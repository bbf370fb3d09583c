package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
import java.util.Objects;

/**
 * Customer lifetime value: the discounted expected margin over an explicit horizon,
 * {@code margin * E[spend] * sum_k (E[Y(t_k)] - E[Y(t_(k-1))]) * (1 + d)^-t_k}, where {@code Y} is a
 * transaction model's conditional expected transactions and the steps {@code t_k} are one period
 * of the discount rate (the last step ends at the horizon). Every time is converted to the model's
 * unit, so a horizon in months on a weekly model means months (the {@code lifetimes} library's
 * documented example treats 30 weeks as a month; this cannot happen here).
 *
 * <p>Stateless and thread-safe.
 */
public final class LifetimeValue {

    private LifetimeValue() {
    }

    /**
     * The CLV settings.
     *
     * @param horizon how far ahead, positive, not null
     * @param discount the discount rate and its period (also the step of the sum), not null
     * @param margin the share of spend that is margin, finite, not negative (1 for revenue)
     */
    public record Settings(Horizon horizon, DiscountRate discount, double margin) {

        /**
         * Validates the settings.
         *
         * @throws IllegalArgumentException if the horizon is zero, or the margin negative or not
         *     finite
         * @throws NullPointerException if a component is null
         */
        public Settings {
            Objects.requireNonNull(horizon, "horizon");
            Objects.requireNonNull(discount, "discount");
            if (!(horizon.amount() > 0)) {
                throw new IllegalArgumentException("CLV horizon must be positive: " + horizon);
            }
            if (!Double.isFinite(margin) || margin < 0) {
                throw new IllegalArgumentException("margin must be finite and not negative: " + margin);
            }
        }

        /**
         * Describes the settings, for printing next to results.
         *
         * @return the text, never null
         */
        public String describe() {
            return "horizon " + horizon + ", discount " + discount.rate() + " per " + discount.per()
                    + " (steps of one " + discount.per() + ", discounted at the end of each step), margin " + margin;
        }
    }

    /**
     * Returns the CLV of every row of {@code data}.
     *
     * @param model the transaction model, not null
     * @param data the customers, not null
     * @param expectedSpend the expected spend per transaction of each row (for example
     *     {@link GammaGammaModel#conditionalExpectedSpend}), finite, not negative, not null
     * @param settings the horizon, discount and margin, not null
     * @return the CLV per row, in the currency of the spend, never null
     * @throws IllegalArgumentException if the spend column does not match the rows or holds invalid
     *     values
     */
    public static double[] compute(TransactionModel model, BtydData data, double[] expectedSpend, Settings settings) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(expectedSpend, "expectedSpend");
        Objects.requireNonNull(settings, "settings");
        if (expectedSpend.length != data.rowCount()) {
            throw new IllegalArgumentException("expectedSpend has " + expectedSpend.length + " values for "
                    + data.rowCount() + " rows");
        }
        for (int i = 0; i < expectedSpend.length; i++) {
            if (!Double.isFinite(expectedSpend[i]) || expectedSpend[i] < 0) {
                throw new IllegalArgumentException("expected spend of row " + i + " must be finite and not negative: "
                        + expectedSpend[i]);
            }
        }
        double[] perPattern = discountedTransactions(model, data, settings);
        double[] rows = data.toRows(perPattern);
        for (int i = 0; i < rows.length; i++) {
            rows[i] *= settings.margin() * expectedSpend[i];
        }
        return rows;
    }

    /**
     * Returns the discounted expected transactions over the horizon for each pattern of
     * {@code data}: CLV divided by margin and spend.
     *
     * @param model the transaction model, not null
     * @param data the customers, not null
     * @param settings the horizon and discount (the margin is not used), not null
     * @return one value per pattern, never null
     */
    public static double[] discountedTransactions(TransactionModel model, BtydData data, Settings settings) {
        PeriodUnit unit = model.unit();
        double end = settings.horizon().in(unit);
        double step = settings.discount().per().convert(1.0, unit);
        int steps = (int) Math.ceil(end / step - 1e-9);
        double[] times = new double[steps];
        double[] factors = new double[steps];
        for (int k = 0; k < steps; k++) {
            times[k] = Math.min(end, (k + 1) * step);
            factors[k] = settings.discount().factor(times[k], unit);
        }
        double[] tx = data.txIn(unit);
        double[] bigT = data.bigTIn(unit);
        double[] out = new double[data.patternCount()];
        for (int p = 0; p < out.length; p++) {
            double previous = 0;
            double sum = 0;
            for (int k = 0; k < steps; k++) {
                double e = model.conditionalExpectedTransactions(data.x(p), tx[p], bigT[p], times[k]);
                sum += (e - previous) * factors[k];
                previous = e;
            }
            out[p] = Math.max(0, sum);
        }
        return out;
    }
}
