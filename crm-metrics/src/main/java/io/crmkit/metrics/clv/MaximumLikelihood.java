package io.crmkit.metrics.clv;

import io.crmkit.metrics.clv.internal.Objective;
import io.crmkit.metrics.clv.internal.Optimizer;
import java.util.ArrayList;
import java.util.List;
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
    }

    static Result fit(String model, String[] names, Function ll, double observations, double[] startLog,
            FitOptions options) {
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
                new Optimizer.Settings(options.gradientTolerance(), options.maxIterations(), options.confirmations()));
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
        if (status != FitStatus.CONVERGED) {
            throw new ModelFitException(model, report);
        }
        double[] se = standardErrors(objective, r.x(), scale);
        List<Estimate> estimates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            OptionalDouble s = se == null || !Double.isFinite(se[i]) ? OptionalDouble.empty()
                    : OptionalDouble.of(theta[i] * se[i]);
            estimates.add(new Estimate(names[i], theta[i], s));
        }
        return new Result(theta, new ModelFit(estimates, report));
    }

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
     * Standard errors of the log parameters from the Hessian of the total negative log-likelihood
     * (central differences of the gradient); null when it is not positive definite.
     */
    private static double[] standardErrors(Objective objective, double[] u, double scale) {
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
        double[] se = new double[n];
        for (int i = 0; i < n; i++) {
            se[i] = Math.sqrt(cov[i][i]);
        }
        return se;
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
