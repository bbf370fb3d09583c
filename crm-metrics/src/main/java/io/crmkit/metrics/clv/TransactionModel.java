package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A continuous-time "buy till you die" model of repeat transactions (BG/NBD, MBG/NBD, Pareto/NBD,
 * and their no-drop-out limit the NBD)
 * with fixed parameters in a time unit. Every time argument of the single-customer methods
 * ({@code tx}, {@code bigT}, {@code t}) is in {@link #unit()}; the bulk methods convert
 * {@link BtydData} and {@link Horizon}s into it.
 *
 * <p>Single-customer arguments: {@code x} repeat purchases (not negative), {@code tx} the time of
 * the last purchase from the first ({@code 0 <= tx <= bigT}, 0 when {@code x = 0}), {@code bigT}
 * the length of observation since the first purchase.
 *
 * <p>Implementations are immutable and thread-safe, and never return NaN: results are finite and
 * probabilities lie in {@code [0, 1]}.
 */
public sealed interface TransactionModel permits BgNbdModel, MbgNbdModel, ParetoNbdModel, NbdModel {

    /**
     * Returns the model's short name, as in the CLI: {@code bg-nbd}, {@code mbg-nbd}, {@code nbd},
     * {@code pareto-nbd}.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Returns the time unit of the parameters and of every time argument.
     *
     * @return the unit, never null
     */
    PeriodUnit unit();

    /**
     * Returns the parameters in the literature's order, with standard errors when fitted.
     *
     * @return the estimates, never null
     */
    List<Estimate> parameters();

    /**
     * Returns the fit (report, standard errors), empty when the parameters were given.
     *
     * @return the fit, never null
     */
    Optional<ModelFit> fit();

    /**
     * Returns one customer's log-likelihood.
     *
     * @param x repeat purchases
     * @param tx last-purchase time
     * @param bigT observation length
     * @return the log-likelihood, finite
     */
    double logLikelihood(int x, double tx, double bigT);

    /**
     * Returns the total log-likelihood of data (converted to this model's unit).
     *
     * @param data the data, not null
     * @return the weighted sum over patterns
     */
    default double logLikelihood(BtydData data) {
        Objects.requireNonNull(data, "data");
        double[] tx = data.txIn(unit());
        double[] bigT = data.bigTIn(unit());
        double sum = 0;
        for (int k = 0; k < data.patternCount(); k++) {
            sum += data.weight(k) * logLikelihood(data.x(k), tx[k], bigT[k]);
        }
        return sum;
    }

    /**
     * Returns the expected number of repeat transactions of a new customer in {@code (0, t]}
     * after the first purchase.
     *
     * @param t the length, not negative
     * @return {@code E[X(t)]}, not negative
     */
    double expectedTransactions(double t);

    /**
     * Returns {@link #expectedTransactions(double)} for a horizon in any unit.
     *
     * @param horizon the horizon, not null
     * @return {@code E[X(t)]}
     */
    default double expectedTransactions(Horizon horizon) {
        return expectedTransactions(Objects.requireNonNull(horizon, "horizon").in(unit()));
    }

    /**
     * Returns the expected number of transactions in {@code (T, T + t]} of a customer with the
     * given history.
     *
     * @param x repeat purchases
     * @param tx last-purchase time
     * @param bigT observation length
     * @param t the horizon length, not negative
     * @return {@code E[Y(t) | x, t_x, T]}, not negative
     */
    double conditionalExpectedTransactions(int x, double tx, double bigT, double t);

    /**
     * Returns the probability that a customer with the given history is still alive at
     * {@code T}.
     *
     * @param x repeat purchases
     * @param tx last-purchase time
     * @param bigT observation length
     * @return {@code P(alive | x, t_x, T)} in {@code [0, 1]}
     */
    double probabilityAlive(int x, double tx, double bigT);

    /**
     * Returns the probability that a customer with the given history makes no transaction in
     * {@code (T, T + t]}: {@code P(X(T, T + t] = 0 | x, t_x, T)}, the model's churn probability
     * over a horizon. It is 1 for {@code t = 0} (nothing can happen in an empty window) and does
     * not increase with {@code t}.
     *
     * @param x repeat purchases
     * @param tx last-purchase time
     * @param bigT observation length
     * @param t the horizon length, not negative
     * @return the probability in {@code [0, 1]}
     */
    double probabilityNoTransactions(int x, double tx, double bigT, double t);

    /**
     * Returns the probability that a customer alive at {@code T} with {@code x} repeat purchases
     * makes no transaction in {@code (T, T + t]}; it does not depend on {@code t_x}, so that
     * {@link #probabilityNoTransactions} is {@code 1 - P(alive) + P(alive)} times this and bulk
     * callers can share it between customers with the same {@code x} and {@code T}.
     *
     * @param x repeat purchases, not negative
     * @param bigT observation length, not negative
     * @param t the horizon length, not negative
     * @return the probability in {@code [0, 1]}, 1 for {@code t = 0}
     */
    double probabilityNoTransactionsIfAlive(int x, double bigT, double t);

    /**
     * Returns the probability that a new customer makes exactly {@code n} repeat transactions in
     * {@code (0, t]}.
     *
     * @param n the count, not negative
     * @param t the length, not negative
     * @return {@code P(X(t) = n)} in {@code [0, 1]}
     */
    double probabilityOfTransactions(int n, double t);

    /**
     * Returns the discounted expected residual transactions of a customer: the expected number of
     * future transactions, each discounted continuously at {@code delta} per unit of time.
     *
     * @param x repeat purchases
     * @param tx last-purchase time
     * @param bigT observation length
     * @param delta the continuous discount rate per {@link #unit()}, positive (an annual rate
     *     {@code d} on a weekly model is {@code ln(1 + d) / 52.1775})
     * @return the DERT, not negative
     */
    double dert(int x, double tx, double bigT, double delta);

    /**
     * Returns {@code P(alive)} for every row of {@code data}, in row order.
     *
     * @param data the customers, not null
     * @return one probability per row, never null
     */
    default double[] probabilityAlive(BtydData data) {
        Objects.requireNonNull(data, "data");
        double[] tx = data.txIn(unit());
        double[] bigT = data.bigTIn(unit());
        double[] p = new double[data.patternCount()];
        for (int k = 0; k < p.length; k++) {
            p[k] = probabilityAlive(data.x(k), tx[k], bigT[k]);
        }
        return data.toRows(p);
    }

    /**
     * Returns the conditional expected transactions over a horizon for every row of {@code data},
     * in row order; computed once per pattern.
     *
     * @param data the customers, not null
     * @param horizon the horizon in any unit, not null
     * @return one expectation per row, never null
     */
    default double[] conditionalExpectedTransactions(BtydData data, Horizon horizon) {
        Objects.requireNonNull(data, "data");
        double t = Objects.requireNonNull(horizon, "horizon").in(unit());
        double[] tx = data.txIn(unit());
        double[] bigT = data.bigTIn(unit());
        double[] e = new double[data.patternCount()];
        for (int k = 0; k < e.length; k++) {
            e[k] = conditionalExpectedTransactions(data.x(k), tx[k], bigT[k], t);
        }
        return data.toRows(e);
    }
}
