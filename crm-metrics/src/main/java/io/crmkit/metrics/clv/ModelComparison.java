package io.crmkit.metrics.clv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Compares transaction models on the same data by log-likelihood, AIC ({@code 2k - 2 LL}) and BIC
 * ({@code k ln n - 2 LL}, {@code n} customers); rows sorted by AIC, best first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rows one row per model, best AIC first, not null
 */
public record ModelComparison(List<Row> rows) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if the rows are null
     */
    public ModelComparison {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    /**
     * One model's scores.
     *
     * @param model the model name, not null
     * @param parameters the number of parameters {@code k}
     * @param logLikelihood the log-likelihood on the data
     * @param aic Akaike's information criterion
     * @param bic the Bayesian information criterion
     */
    public record Row(String model, int parameters, double logLikelihood, double aic, double bic) {
        /**
         * Validates the name.
         *
         * @throws NullPointerException if the name is null
         */
        public Row {
            Objects.requireNonNull(model, "model");
        }
    }

    /**
     * Scores models on data.
     *
     * @param data the customers, not null
     * @param models the models, not null, not empty
     * @return the comparison, never null
     */
    public static ModelComparison of(BtydData data, List<? extends TransactionModel> models) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(models, "models");
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models must not be empty");
        }
        double n = data.customerCount();
        List<Row> rows = new ArrayList<>();
        for (TransactionModel m : models) {
            double ll = m.logLikelihood(data);
            int k = m.parameters().size();
            rows.add(new Row(m.name(), k, ll, 2.0 * k - 2 * ll, k * Math.log(n) - 2 * ll));
        }
        rows.sort(Comparator.comparingDouble(Row::aic));
        return new ModelComparison(rows);
    }

    /**
     * Returns the best model's name by AIC.
     *
     * @return the name, never null
     */
    public String bestByAic() {
        return rows.get(0).model();
    }
}
