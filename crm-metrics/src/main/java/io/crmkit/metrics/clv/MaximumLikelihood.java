package io.crmkit.metrics.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The fitting engine shared by the models: maximises a log-likelihood over the logarithms of its
 * (positive) parameters, computes standard errors from the Hessian and builds the report.
 */
final class MaximumLikelihood {

    /** Log-parameters beyond this are treated as the edge of the parameter space. */
    static final double BOUNDARY_LOG = 20;

    private MaximumLikelihood() {
    }

    /** A log-likelihood over natural (positive) parameters. */
    interface Function {
        /**
         * Returns the total log-likelihood at {@code theta}, and its gradient with respect to
         * {@code theta} into {@code gradient} when not null and {@link #hasGradient()}.
         */
        double value(double[] theta, double[] gradient);

        boolean hasGradient();
    }

    /** The estimate and its fit. */
    record Result(double[] theta, ModelFit fit) {
        FitStatus status() {
            return fit.report().status();
        }
    }

    /**
     * Maximises the likelihood; throws {@link ModelFitException} unless the fit converged.
     */
    static Result fit(String model, String[] names, Function ll, double observations, double[] startLog,
            FitOptions options) {
        Result r = optimise(names, ll, observations, startLog, options);
        if (r.status() != FitStatus.CONVERGED) {
            throw new ModelFitException(model, r.fit().report());
        }
        return r;
    }

    /** How a model with drop-out measures it, for the boundary report. */
    interface Dropout {
        /** The measure's label, such as {@code s/beta}. */
        String label();

        /** What the measure is, such as "the mean drop-out rate per week". */
        String meaning(BtydData data);

        /** The measure at the natural parameters. */
        double value(double[] theta);
    }

    /**
     * Fits a BTYD model with drop-out and checks it against its no-drop-out limit, the NBD: when
     * its log-likelihood exceeds the NBD's by at most {@link FitOptions#boundaryTolerance()}, or
     * when a parameter ran to the edge, throws {@link ModelFitException} with status BOUNDARY and a
     * {@link FitBoundary} (with the NBD fit when drop-out is what vanished).
     */
    static Result fitWithDropout(String model, String[] names, Function ll, BtydData data, double[] startLog,
            FitOptions options, Dropout dropout) {
        // the NBD's two-parameter likelihood has one optimum: one start is enough for the reference.
        // Fitted first, so that starts which end on the ridge towards it (within the tolerance)
        // agree with each other wherever along the ridge they stop (without a penalty, which keeps
        // the parameters off the ridge)
        Result nbd = NbdModel.optimise(data, options.withStarts(1, 1));
        boolean nbdUsable = nbd.status() == FitStatus.CONVERGED || nbd.status() == FitStatus.BOUNDARY;
        double limit = nbdUsable && options.l2Penalty() == 0 ? nbd.fit().logLikelihood() : Double.NaN;
        Result res = optimise(names, ll, data.customerCount(), startLog, options, limit);
        FitStatus status = res.status();
        if (status != FitStatus.CONVERGED && status != FitStatus.BOUNDARY) {
            throw new ModelFitException(model, res.fit().report());
        }
        double gain = res.fit().logLikelihood() - nbd.fit().logLikelihood();
        if (nbdUsable && gain <= options.boundaryTolerance()) {
            String explanation = "no drop-out is visible in these data: the purchase process fits an NBD without"
                    + " churn (" + model + " log-likelihood " + fixed(res.fit().logLikelihood()) + ", NBD "
                    + fixed(nbd.fit().logLikelihood()) + ": a gain of " + fixed(gain) + ", within the boundary"
                    + " tolerance " + options.boundaryTolerance() + "; " + dropout.label() + ", "
                    + dropout.meaning(data) + ", ends at " + String.format(java.util.Locale.ROOT, "%.3g",
                            dropout.value(res.theta())) + ", which these data cannot tell from 0)";
            if (nbd.status() == FitStatus.BOUNDARY) {
                explanation += "; " + edgeExplanation(nbd, NbdModel.NAME, data.unit());
            }
            throw boundary(model, res, dropout.label(), explanation,
                    Optional.of(NbdModel.of(nbd, data.unit())));
        }
        if (status == FitStatus.BOUNDARY) {
            throw boundary(model, res, edgeParameters(res), edgeExplanation(res, model, data.unit()), Optional.empty());
        }
        return res;
    }

    private static ModelFitException boundary(String model, Result res, String parameter, String explanation,
            Optional<TransactionModel> nested) {
        FitReport r = res.fit().report();
        FitReport report = new FitReport(FitStatus.BOUNDARY, r.iterations(), r.evaluations(), r.gradientNorm(),
                r.logLikelihood(), r.startsRun(), r.startsAgreeing(), r.method(), r.l2Penalty(), r.observations());
        List<Estimate> atEdge = new ArrayList<>();
        for (Estimate e : res.fit().estimates()) {
            atEdge.add(new Estimate(e.name(), e.value(), OptionalDouble.empty()));
        }
        return new ModelFitException(report, new FitBoundary(model, parameter, explanation, atEdge,
                r.logLikelihood(), nested));
    }

    /** The parameters beyond {@link #BOUNDARY_LOG} on the log scale, such as {@code r, alpha}. */
    static String edgeParameters(Result res) {
        StringBuilder b = new StringBuilder();
        for (Estimate e : res.fit().estimates()) {
            if (Math.abs(Math.log(e.value())) > BOUNDARY_LOG) {
                b.append(b.length() == 0 ? "" : ", ").append(e.name());
            }
        }
        return b.length() == 0 ? "(none)" : b.toString();
    }

    /** Which parameters went where, and what it means when the NBD's purchase rates stop varying. */
    static String edgeExplanation(Result res, String model, io.crmkit.core.history.PeriodUnit unit) {
        StringBuilder b = new StringBuilder();
        for (Estimate e : res.fit().estimates()) {
            double u = Math.log(e.value());
            if (Math.abs(u) > BOUNDARY_LOG) {
                b.append(b.length() == 0 ? "" : ", ").append(e.name()).append(u > 0 ? " tends to infinity ("
                        : " tends to 0 (").append(String.format(java.util.Locale.ROOT, "%.3g", e.value())).append(')');
            }
        }
        String where = b.length() == 0 ? "a parameter runs to the edge" : b.toString();
        if (model.equals(NbdModel.NAME) || res.fit().estimates().size() >= 2
                && Math.log(res.fit().estimates().get(0).value()) > BOUNDARY_LOG
                && Math.log(res.fit().estimates().get(1).value()) > BOUNDARY_LOG) {
            double rate = res.fit().estimates().get(0).value() / res.fit().estimates().get(1).value();
            return where + ": purchase rates do not vary across customers; every customer buys as a Poisson"
                    + " process with rate r/alpha = " + String.format(java.util.Locale.ROOT, "%.4g", rate)
                    + " per " + unit.singular();
        }
        return where + ": the data cannot identify the " + model + " parameters; the likelihood keeps rising"
                + " towards the edge of the parameter space";
    }

    /** Four decimals; a value that rounds to zero is "0.0000" whichever its sign (a gain of -4e-6 is noise). */
    static String fixed(double v) {
        String text = String.format(java.util.Locale.ROOT, "%.4f", v);
        return text.equals("-0.0000") ? "0.0000" : text;
    }

    /**
     * Maximises the likelihood and reports how it ended, whatever the status; standard errors only
     * for a converged fit (a fit at the boundary has none: the likelihood still rises towards the
     * edge, so its curvature there says nothing about precision).
     */
    static Result optimise(String[] names, Function ll, double observations, double[] startLog,
            FitOptions options) {
        return optimise(names, ll, observations, startLog, options, Double.NaN);
    }

    /**
     * As {@link #optimise(String[], Function, double, double[], FitOptions)}, with the
     * log-likelihood of the limit the parameters can approach (NaN for none): starts that end
     * within {@link FitOptions#boundaryTolerance()} of it agree (see {@link Optimizer.Settings}).
     */
    static Result optimise(String[] names, Function ll, double observations, double[] startLog,
            FitOptions options, double limitLogLikelihood) {
        int n = names.length;
        double scale = 1 / Math.max(1, observations);
        double lambda = options.l2Penalty();
        Objective objective = new Objective() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public boolean hasGradient() {
                return ll.hasGradient();
            }

            @Override
            public double evaluate(double[] u, double[] gradient) {
                double[] theta = new double[n];
                for (int i = 0; i < n; i++) {
                    theta[i] = Math.exp(u[i]);
                    if (!(theta[i] > 0) || Double.isInfinite(theta[i])) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
                double[] g = gradient == null ? null : new double[n];
                double v;
                try {
                    v = ll.value(theta, g);
                } catch (ArithmeticException | IllegalArgumentException e) {
                    return Double.POSITIVE_INFINITY; // outside the region where the likelihood is computable
                }
                double penalty = 0;
                for (int i = 0; i < n; i++) {
                    penalty += theta[i] * theta[i];
                }
                if (gradient != null) {
                    for (int i = 0; i < n; i++) {
                        gradient[i] = -(theta[i] * g[i] - 2 * lambda * theta[i] * theta[i]) * scale;
                    }
                }
                double f = -(v - lambda * penalty) * scale;
                return Double.isFinite(f) ? f : Double.POSITIVE_INFINITY;
            }
        };
        double[][] starts = starts(startLog, options.maxStarts());
        Optimizer.Result r = Optimizer.minimize(objective, starts,
                new Optimizer.Settings(options.gradientTolerance(), options.maxIterations(), options.confirmations(),
                        Double.isNaN(limitLogLikelihood) ? Double.POSITIVE_INFINITY : -limitLogLikelihood * scale,
                        options.boundaryTolerance() * scale));
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = Math.exp(r.x()[i]);
        }
        double llValue = Double.NEGATIVE_INFINITY;
        if (Double.isFinite(r.value())) {
            try {
                llValue = ll.value(theta, null);
            } catch (ArithmeticException | IllegalArgumentException e) {
                llValue = Double.NEGATIVE_INFINITY;
            }
        }
        FitStatus status = switch (r.status()) {
            case CONVERGED -> FitStatus.CONVERGED;
            case MAX_ITERATIONS -> FitStatus.MAX_ITERATIONS;
            case STALLED -> FitStatus.STALLED;
            case FAILED -> FitStatus.FAILED;
        };
        if (!Double.isFinite(llValue)) {
            status = FitStatus.FAILED;
        } else {
            for (double u : r.x()) {
                if (Math.abs(u) > BOUNDARY_LOG) {
                    status = FitStatus.BOUNDARY;
                }
            }
        }
        double gnorm = Double.isFinite(r.gradientNorm()) ? r.gradientNorm() / scale : Double.POSITIVE_INFINITY;
        FitReport report = new FitReport(status, r.iterations(), r.evaluations(), gnorm, llValue, r.startsRun(),
                r.startsAgreeing(), r.method(), lambda, observations);
        double[][] cov = status == FitStatus.CONVERGED ? covariance(objective, r.x(), scale) : null;
        double[] se = null;
        List<Double> flat = List.of();
        if (cov != null) {
            se = new double[n];
            List<Double> f = new ArrayList<>(n * n);
            for (int i = 0; i < n; i++) {
                se[i] = Math.sqrt(cov[i][i]);
                for (int j = 0; j < n; j++) {
                    f.add(cov[i][j]);
                }
            }
            flat = List.copyOf(f);
        }
        List<Estimate> estimates = new ArrayList<>(n);
        boolean missing = false;
        for (int i = 0; i < n; i++) {
            OptionalDouble s = se == null || !Double.isFinite(se[i]) ? OptionalDouble.empty()
                    : OptionalDouble.of(theta[i] * se[i]);
            missing |= s.isEmpty();
            estimates.add(new Estimate(names[i], theta[i], s));
        }
        String note = "";
        if (status == FitStatus.BOUNDARY) {
            note = NO_ERRORS_AT_BOUNDARY;
        } else if (status != FitStatus.CONVERGED) {
            note = "no standard errors: the fit did not converge (" + status + ")";
        } else if (missing) {
            note = "no standard errors: the log-likelihood's Hessian at the estimate is not negative definite"
                    + " (the likelihood is flat in some direction, so the data do not pin the parameters down)";
        }
        return new Result(theta, new ModelFit(estimates, report, note, flat));
    }

    /** Why a fit at the boundary has no standard errors. */
    static final String NO_ERRORS_AT_BOUNDARY = "no standard errors at the boundary: the likelihood still rises"
            + " towards the edge of the parameter space, so its curvature there says nothing about precision";

    /** Deterministic starts: the model's start, then fixed offsets in log space. */
    static double[][] starts(double[] base, int count) {
        double[][] offsets = {{0}, {0.9, -0.9}, {-0.9, 0.9}, {1.6}, {-1.6}, {0.5, 1.2, -0.5, -1.2}};
        double[][] starts = new double[count][];
        for (int k = 0; k < count; k++) {
            double[] o = offsets[k % offsets.length];
            double extra = 0.3 * (k / offsets.length);
            starts[k] = new double[base.length];
            for (int i = 0; i < base.length; i++) {
                starts[k][i] = base[i] + o[i % o.length] + extra;
            }
        }
        return starts;
    }

    /**
     * The covariance of the log parameters, the inverse Hessian of the total negative
     * log-likelihood (central differences of the gradient); null when it is not positive definite.
     */
    private static double[][] covariance(Objective objective, double[] u, double scale) {
        Objective f = Objective.withNumericGradient(objective);
        int n = u.length;
        double[][] h = new double[n][n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int j = 0; j < n; j++) {
            double step = 1e-4;
            double[] up = u.clone();
            double[] um = u.clone();
            up[j] += step;
            um[j] -= step;
            double fp = f.evaluate(up, gp);
            double fm = f.evaluate(um, gm);
            if (!Double.isFinite(fp) || !Double.isFinite(fm)) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * step) / scale;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = m;
                h[j][i] = m;
            }
        }
        double[][] cov = Optimizer.invertSpd(h);
        if (cov == null) {
            return null;
        }
        for (double[] row : cov) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
        }
        return cov;
    }

    /** Fixed-parameter estimates (no standard errors). */
    static List<Estimate> fixed(String[] names, double... values) {
        List<Estimate> r = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            r.add(new Estimate(names[i], values[i], OptionalDouble.empty()));
        }
        return r;
    }
}
