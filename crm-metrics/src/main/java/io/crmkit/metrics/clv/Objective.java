package io.crmkit.metrics.clv;

/**
 * A smooth function to minimise over {@code R^n} (the models' negative log-likelihood over log
 * parameters). Implementations must be deterministic; they may be stateful only if documented.
 */
interface Objective {

    /**
     * Returns the number of variables.
     *
     * @return the dimension, positive
     */
    int dimension();

    /**
     * Evaluates the function and, when {@code gradient} is not null, its gradient.
     *
     * @param x the point, length {@link #dimension()}
     * @param gradient where to write the gradient, or null when only the value is needed
     * @return the value; positive infinity (or NaN) where the function is undefined
     */
    double evaluate(double[] x, double[] gradient);

    /**
     * Returns whether {@link #evaluate} fills the gradient analytically; otherwise the optimiser
     * differentiates numerically.
     *
     * @return true for an analytic gradient
     */
    default boolean hasGradient() {
        return true;
    }

    /**
     * Wraps an objective without gradient so that it returns central-difference gradients.
     *
     * @param f the value-only objective
     * @return an objective with gradients
     */
    static Objective withNumericGradient(Objective f) {
        if (f.hasGradient()) {
            return f;
        }
        return new Objective() {
            @Override
            public int dimension() {
                return f.dimension();
            }

            @Override
            public double evaluate(double[] x, double[] gradient) {
                double v = f.evaluate(x, null);
                if (gradient != null) {
                    double[] y = x.clone();
                    for (int i = 0; i < x.length; i++) {
                        double h = 1e-5 * Math.max(1, Math.abs(x[i]));
                        y[i] = x[i] + h;
                        double up = f.evaluate(y, null);
                        y[i] = x[i] - h;
                        double down = f.evaluate(y, null);
                        y[i] = x[i];
                        gradient[i] = (up - down) / (2 * h);
                    }
                }
                return v;
            }
        };
    }
}
