package io.crmkit.metrics.clv;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.BtydView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One customer's predictions over a horizon: P(alive), expected transactions, expected spend per
 * transaction and CLV, next to the history they come from (the columns of
 * {@code crmkit clv predict}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param x repeat purchases in the calibration period
 * @param tx last-purchase time, in the model's unit
 * @param bigT observation length, in the model's unit
 * @param probabilityAlive P(alive) at the end of observation, in {@code [0, 1]}
 * @param expectedTransactions conditional expected transactions over the horizon
 * @param expectedSpend expected spend per transaction, in currency units; empty when no spend
 *     model is used (see {@link #of(TransactionModel, Optional, BtydView, LifetimeValue.Settings)})
 * @param clv discounted expected margin over the horizon, in currency units; empty without a
 *     spend model
 */
public record CustomerValue(CustomerId customerId, int x, double tx, double bigT, double probabilityAlive,
        double expectedTransactions, OptionalDouble expectedSpend, OptionalDouble clv) {

    /**
     * Validates the record.
     *
     * @throws NullPointerException if a reference component is null
     * @throws IllegalArgumentException if a number is not finite
     */
    public CustomerValue {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(expectedSpend, "expectedSpend");
        Objects.requireNonNull(clv, "clv");
        for (double v : new double[] {tx, bigT, probabilityAlive, expectedTransactions,
            expectedSpend.orElse(0), clv.orElse(0)}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("predictions of customer " + customerId + " must be finite");
            }
        }
    }

    /**
     * Values every customer of a view: one pass over its unique patterns for the transaction
     * model, then per customer for spend.
     *
     * @param model the transaction model, not null
     * @param spend the spend model, not null
     * @param view the customers (converted to the model's unit), not null
     * @param settings horizon, discount and margin, not null
     * @return one value per customer, in the view's order, never null
     * @throws IllegalStateException if an expected spend is infinite (Gamma-Gamma {@code q <= 1})
     */
    public static List<CustomerValue> of(TransactionModel model, GammaGammaModel spend, BtydView view,
            LifetimeValue.Settings settings) {
        return of(model, Optional.of(Objects.requireNonNull(spend, "spend")), view, settings);
    }

    /**
     * Values every customer of a view, with or without a spend model: without one (a grocer who
     * records visits with one fixed amount, or a spend model that could not be fitted) P(alive)
     * and the expected transactions are still computed, and expected spend and CLV are empty.
     *
     * @param model the transaction model, not null
     * @param spend the spend model, or empty for none; not null
     * @param view the customers (converted to the model's unit), not null
     * @param settings horizon, discount and margin, not null
     * @return one value per customer, in the view's order, never null
     * @throws IllegalStateException if an expected spend is infinite (Gamma-Gamma {@code q <= 1})
     */
    public static List<CustomerValue> of(TransactionModel model, Optional<GammaGammaModel> spend, BtydView view,
            LifetimeValue.Settings settings) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(settings, "settings");
        BtydData data = BtydData.of(view);
        double[] alive = model.probabilityAlive(data);
        double[] expected = model.conditionalExpectedTransactions(data, settings.horizon());
        double[] spendPer = spend.map(g -> g.conditionalExpectedSpend(view)).orElse(null);
        double[] clv = spendPer == null ? null : LifetimeValue.compute(model, data, spendPer, settings);
        double f = view.unit().days() / model.unit().days();
        List<CustomerValue> out = new ArrayList<>(view.size());
        for (int i = 0; i < view.size(); i++) {
            out.add(new CustomerValue(view.customerId(i), view.x(i), view.tx(i) * f, view.bigT(i) * f, alive[i],
                    expected[i], spendPer == null ? OptionalDouble.empty() : OptionalDouble.of(spendPer[i]),
                    clv == null ? OptionalDouble.empty() : OptionalDouble.of(clv[i])));
        }
        return List.copyOf(out);
    }
}
