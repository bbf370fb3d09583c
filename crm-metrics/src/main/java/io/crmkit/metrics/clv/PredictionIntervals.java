package io.crmkit.metrics.clv;

import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PeriodUnit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Per-customer intervals for the expected transactions over a horizon and for CLV, reflecting the
 * uncertainty of the fitted parameters, by a parametric bootstrap over the estimates (Krinsky and
 * Robb 1986): the logarithms of the parameters are drawn from the normal distribution centred on
 * the estimates with the fit's asymptotic covariance ({@link ModelFit#logCovariance()}); each draw
 * is a model whose predictions are computed for every customer; the bounds are the
 * {@code (1 - level) / 2} and {@code (1 + level) / 2} quantiles of those predictions (linear
 * interpolation between order statistics, as R's type 7). The spend model's parameters are drawn
 * independently of the transaction model's, from their own covariance. Draws are seeded: the same
 * inputs give the same intervals. The draws ({@link #draws}) are made once and applied to any
 * customers ({@link Draws#bounds}): a customer's bounds depend on the draws and on that customer's
 * history only, so customers split over workers get the bounds they would get together.
 *
 * <p>The intervals are for the expected values given the history, not for the counts a customer
 * will actually make (which also vary by chance).
 *
 * <p>Stateless and thread-safe.
 */
public final class PredictionIntervals {

    private PredictionIntervals() {
    }

    /**
     * How the intervals are computed.
     *
     * @param level the nominal coverage, strictly between 0 and 1 (0.9 for 90 % intervals)
     * @param draws how many parameter draws, at least 20 (the bounds' own Monte Carlo error shrinks
     *     as {@code 1 / sqrt(draws)})
     * @param seed the seed of the draws
     */
    public record Options(double level, int draws, long seed) {

        /** The default number of draws: {@value}. */
        public static final int DEFAULT_DRAWS = 200;

        /**
         * Validates the options.
         *
         * @throws IllegalArgumentException if the level is not strictly between 0 and 1 or fewer
         *     than 20 draws are asked for
         */
        public Options {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("interval level must be strictly between 0 and 1: " + level);
            }
            if (draws < 20) {
                throw new IllegalArgumentException("interval draws must be at least 20: " + draws);
            }
        }

        /**
         * Returns options with the {@linkplain #DEFAULT_DRAWS default number of draws}.
         *
         * @param level the nominal coverage, strictly between 0 and 1
         * @param seed the seed of the draws
         * @return the options, never null
         */
        public static Options of(double level, long seed) {
            return new Options(level, DEFAULT_DRAWS, seed);
        }

        /**
         * Returns the method in words, for reports.
         *
         * @return the description, never null
         */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%.4g %% intervals from a parametric bootstrap of the"
                    + " estimates: %d draws of the log parameters from their asymptotic normal distribution (seed %d);"
                    + " type-7 quantiles; parameter uncertainty only", 100 * level, draws, seed);
        }
    }

    /**
     * One customer's bounds.
     *
     * @param transactionsLower lower bound of the expected transactions over the horizon, not negative
     * @param transactionsUpper upper bound, at least the lower
     * @param clvLower lower bound of CLV, empty without a spend model
     * @param clvUpper upper bound of CLV, empty without a spend model
     */
    public record Bounds(double transactionsLower, double transactionsUpper, OptionalDouble clvLower,
            OptionalDouble clvUpper) {

        /**
         * Validates the bounds.
         *
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if a bound is not finite or the bounds are out of order
         */
        public Bounds {
            Objects.requireNonNull(clvLower, "clvLower");
            Objects.requireNonNull(clvUpper, "clvUpper");
            if (!Double.isFinite(transactionsLower) || !Double.isFinite(transactionsUpper)
                    || transactionsLower > transactionsUpper) {
                throw new IllegalArgumentException("transaction bounds must be finite and ordered: "
                        + transactionsLower + ", " + transactionsUpper);
            }
            if (clvLower.isPresent() != clvUpper.isPresent()
                    || clvLower.isPresent() && !(clvLower.getAsDouble() <= clvUpper.getAsDouble())) {
                throw new IllegalArgumentException("CLV bounds must both be present and ordered, or both absent");
            }
        }
    }

    /**
     * Computes every customer's bounds.
     *
     * @param model the fitted transaction model (with a covariance), not null
     * @param spend the fitted spend model (with a covariance), or empty for none; not null
     * @param view the customers, not null
     * @param settings horizon, discount and margin, not null
     * @param options level, draws and seed, not null
     * @return one bounds record per customer, in the view's order, never null
     * @throws IllegalArgumentException if a model has no covariance (its parameters were given, or
     *     its Hessian was not positive definite)
     * @throws IllegalStateException if a drawn spend model has an infinite expected spend
     */
    public static List<Bounds> bootstrap(TransactionModel model, Optional<GammaGammaModel> spend, BtydView view,
            LifetimeValue.Settings settings, Options options) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(settings, "settings");
        return draws(model, spend, options).bounds(view, settings);
    }

    /**
     * Draws the parameters of a bootstrap: {@code options.draws()} transaction models and as many
     * spend models, from the seed.
     *
     * @param model the fitted transaction model (with a covariance): Pareto/NBD, BG/NBD, MBG/NBD or
     *     NBD, not null
     * @param spend the fitted spend model (with a covariance), or empty for none; not null
     * @param options level, draws and seed, not null
     * @return the draws, never null
     * @throws IllegalArgumentException if a model has no covariance (its parameters were given, or
     *     its Hessian was not positive definite), or the transaction model is of another kind
     */
    public static Draws draws(TransactionModel model, Optional<GammaGammaModel> spend, Options options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(options, "options");
        withParameters(model.name(), model.unit(), model.parameters().stream().mapToDouble(Estimate::value).toArray());
        SplittableRandom random = new SplittableRandom(options.seed());
        double[][] modelDraws = draw(model.name(), model.parameters(), model.fit(), options.draws(), random);
        double[][] spendDraws = spend.isPresent()
                ? draw(GammaGammaModel.NAME, spend.get().parameters(), spend.get().fit(), options.draws(), random)
                : null;
        return new Draws(model.name(), model.unit(), modelDraws, spendDraws, options.level());
    }

    /**
     * The parameter draws of one bootstrap ({@link PredictionIntervals#draws}), to be applied to
     * customers. Immutable and thread-safe; serializable, so that a distributed engine can ship it
     * to its workers.
     */
    public static final class Draws implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String model;
        private final PeriodUnit unit;
        private final double[][] modelDraws;
        /** Null without a spend model. */
        private final double[][] spendDraws;
        private final double level;

        private Draws(String model, PeriodUnit unit, double[][] modelDraws, double[][] spendDraws, double level) {
            this.model = model;
            this.unit = unit;
            this.modelDraws = modelDraws;
            this.spendDraws = spendDraws;
            this.level = level;
        }

        /**
         * Returns the number of draws.
         *
         * @return the draws, at least 20
         */
        public int size() {
            return modelDraws.length;
        }

        /**
         * Returns whether spend models were drawn (so that CLV bounds are computed).
         *
         * @return true with a spend model
         */
        public boolean hasSpend() {
            return spendDraws != null;
        }

        /**
         * Computes the bounds of the view's customers.
         *
         * @param view the customers, not null
         * @param settings horizon, discount and margin, not null
         * @return one bounds record per customer, in the view's order, never null
         * @throws IllegalStateException if a drawn spend model has an infinite expected spend for
         *     one of the customers
         */
        public List<Bounds> bounds(BtydView view, LifetimeValue.Settings settings) {
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(settings, "settings");
            if (view.size() == 0) {
                return List.of();
            }
            return bounds(BtydData.of(view), view.x(), view.meanRepeatValue(), settings);
        }

        /** The bounds of the customers of {@code data}, with each one's repeat count and mean repeat value. */
        List<Bounds> bounds(BtydData data, int[] xs, double[] means, LifetimeValue.Settings settings) {
            int n = xs.length;
            int draws = modelDraws.length;
            int patterns = data.patternCount();
            double[] tx = data.txIn(unit);
            double[] bigT = data.bigTIn(unit);
            double horizon = settings.horizon().in(unit);
            float[][] expected = new float[draws][];
            float[][] discounted = spendDraws != null ? new float[draws][] : null;
            for (int b = 0; b < draws; b++) {
                TransactionModel m = withParameters(model, unit, modelDraws[b]);
                float[] e = new float[patterns];
                for (int p = 0; p < patterns; p++) {
                    e[p] = (float) m.conditionalExpectedTransactions(data.x(p), tx[p], bigT[p], horizon);
                }
                expected[b] = e;
                if (discounted != null) {
                    double[] dt = LifetimeValue.discountedTransactions(m, data, settings);
                    float[] f = new float[patterns];
                    for (int p = 0; p < patterns; p++) {
                        f[p] = (float) dt[p];
                    }
                    discounted[b] = f;
                }
            }
            GammaGammaModel[] spendModels = null;
            if (spendDraws != null) {
                spendModels = new GammaGammaModel[draws];
                for (int b = 0; b < draws; b++) {
                    spendModels[b] = GammaGammaModel.of(spendDraws[b][0], spendDraws[b][1], spendDraws[b][2]);
                }
            }
            double lowQ = (1 - level) / 2;
            double highQ = (1 + level) / 2;
            double[] values = new double[draws];
            double[] clvValues = new double[draws];
            List<Bounds> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int p = data.patternOf(i);
                for (int b = 0; b < draws; b++) {
                    values[b] = expected[b][p];
                }
                Arrays.sort(values);
                double lo = Math.max(0, quantile(values, lowQ));
                double hi = Math.max(lo, quantile(values, highQ));
                OptionalDouble clvLo = OptionalDouble.empty();
                OptionalDouble clvHi = OptionalDouble.empty();
                if (spendModels != null) {
                    for (int b = 0; b < draws; b++) {
                        clvValues[b] = settings.margin() * spendModels[b].conditionalExpectedSpend(xs[i], means[i])
                                * discounted[b][p];
                    }
                    Arrays.sort(clvValues);
                    double cl = Math.max(0, quantile(clvValues, lowQ));
                    clvLo = OptionalDouble.of(cl);
                    clvHi = OptionalDouble.of(Math.max(cl, quantile(clvValues, highQ)));
                }
                out.add(new Bounds(lo, hi, clvLo, clvHi));
            }
            return List.copyOf(out);
        }

        @Override
        public String toString() {
            return "PredictionIntervals.Draws[model=" + model + ", draws=" + modelDraws.length + ", spend="
                    + (spendDraws != null) + ", level=" + level + "]";
        }
    }

    /** R's type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Draws of the natural parameters: exp(ln theta + L z), L the Cholesky factor of the covariance. */
    private static double[][] draw(String name, List<Estimate> estimates, Optional<ModelFit> fit, int draws,
            SplittableRandom random) {
        int k = estimates.size();
        List<Double> cov = fit.map(ModelFit::logCovariance).orElse(List.of());
        if (cov.size() != k * k) {
            throw new IllegalArgumentException(name + " has no covariance of its estimates (parameters given, or a"
                    + " Hessian that is not positive definite): intervals need a fitted model with standard errors");
        }
        double[][] l = cholesky(cov, k, name);
        double[][] out = new double[draws][k];
        double[] z = new double[k];
        for (int b = 0; b < draws; b++) {
            for (int i = 0; i < k; i++) {
                z[i] = random.nextGaussian();
            }
            for (int i = 0; i < k; i++) {
                double u = Math.log(estimates.get(i).value());
                for (int j = 0; j <= i; j++) {
                    u += l[i][j] * z[j];
                }
                out[b][i] = Math.exp(u);
            }
        }
        return out;
    }

    private static double[][] cholesky(List<Double> cov, int k, String name) {
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = cov.get(i * k + j);
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException(name + "'s covariance is not positive definite");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    /** The model of a kind with other parameters (in the literature's order). */
    static TransactionModel withParameters(String name, PeriodUnit unit, double[] t) {
        return switch (name) {
            case BgNbdModel.NAME -> BgNbdModel.of(t[0], t[1], t[2], t[3], unit);
            case MbgNbdModel.NAME -> MbgNbdModel.of(t[0], t[1], t[2], t[3], unit);
            case ParetoNbdModel.NAME -> ParetoNbdModel.of(t[0], t[1], t[2], t[3], unit);
            case NbdModel.NAME -> NbdModel.of(t[0], t[1], unit);
            default -> throw new IllegalArgumentException("intervals are for the pareto-nbd, bg-nbd, mbg-nbd and nbd"
                    + " models, not " + name);
        };
    }
}
