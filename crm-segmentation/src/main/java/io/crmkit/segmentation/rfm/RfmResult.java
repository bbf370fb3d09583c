package io.crmkit.segmentation.rfm;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.CustomerColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The explained result of RFM scoring: per customer the raw values and the three scores, the
 * three-digit code, the weighted score and the FM score; per dimension the cuts actually used,
 * the customers per score and the diagnostics ({@link DimensionScores}); the R x FM grid; the
 * definitions of the input and of the scoring; and the prospects, kept apart and unscored.
 *
 * <p>Rows are the customers with purchases, in ascending identifier order. Print
 * {@link #describe()} with every result.
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmResult {

    private final CustomerColumns customers;
    private final RfmOptions options;
    private final DimensionScores recency;
    private final DimensionScores frequency;
    private final DimensionScores monetary;

    RfmResult(CustomerColumns customers, RfmOptions options, DimensionScores recency, DimensionScores frequency,
            DimensionScores monetary) {
        this.customers = customers;
        this.options = options;
        this.recency = recency;
        this.frequency = frequency;
        this.monetary = monetary;
    }

    /**
     * Returns the number of customers scored.
     *
     * @return the count
     */
    public int size() {
        return customers.size();
    }

    /**
     * Returns the input columns (revenue, orders, prospects, definitions).
     *
     * @return the columns, never null
     */
    public CustomerColumns customers() {
        return customers;
    }

    /**
     * Returns the scoring definitions.
     *
     * @return the options, never null
     */
    public RfmOptions options() {
        return options;
    }

    /**
     * Returns a customer's identifier.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the identifier, never null
     */
    public CustomerId customerId(int i) {
        return customers.customerId(i);
    }

    /**
     * Finds a customer's row.
     *
     * @param id the customer, not null
     * @return the row, or empty if the customer was not scored, never null
     */
    public OptionalInt indexOf(CustomerId id) {
        return customers.indexOf(id);
    }

    /**
     * Returns a customer's recency in days.
     *
     * @param i the row
     * @return the days, not negative
     */
    public double recencyDays(int i) {
        return recency.value(i);
    }

    /**
     * Returns a customer's number of purchases.
     *
     * @param i the row
     * @return the frequency, at least 1
     */
    public int frequency(int i) {
        return customers.frequency(i);
    }

    /**
     * Returns the monetary value scored for a customer ({@link RfmOptions#monetaryMeasure()}), in
     * major currency units.
     *
     * @param i the row
     * @return the value
     */
    public double monetary(int i) {
        return monetary.value(i);
    }

    /**
     * Returns a customer's number of counted orders.
     *
     * @param i the row
     * @return the count, at least 1
     */
    public int orders(int i) {
        return customers.orders(i);
    }

    /**
     * Returns a customer's total revenue in major currency units.
     *
     * @param i the row
     * @return the revenue
     */
    public double revenue(int i) {
        return customers.revenue(i);
    }

    /**
     * Returns a customer's recency score.
     *
     * @param i the row
     * @return 1 to the number of recency bins
     */
    public int r(int i) {
        return recency.score(i);
    }

    /**
     * Returns a customer's frequency score.
     *
     * @param i the row
     * @return 1 to the number of frequency bins
     */
    public int f(int i) {
        return frequency.score(i);
    }

    /**
     * Returns a customer's monetary score.
     *
     * @param i the row
     * @return 1 to the number of monetary bins
     */
    public int m(int i) {
        return monetary.score(i);
    }

    /**
     * Returns a customer's score on a dimension.
     *
     * @param dimension the dimension, not null
     * @param i the row
     * @return the score
     */
    public int score(Dimension dimension, int i) {
        return dimension(dimension).score(i);
    }

    /**
     * Returns a customer's cell of the score space.
     *
     * @param i the row
     * @return the cell, never null
     */
    public RfmCell cell(int i) {
        return new RfmCell(r(i), f(i), m(i));
    }

    /**
     * Returns a customer's three-digit code {@code 100 R + 10 F + M}, e.g. 543.
     *
     * @param i the row
     * @return the code
     */
    public int code(int i) {
        return 100 * r(i) + 10 * f(i) + m(i);
    }

    /**
     * Returns a customer's weighted score with the options' {@linkplain RfmOptions#weights()
     * weights}.
     *
     * @param i the row
     * @return the weighted score
     */
    public double weightedScore(int i) {
        return options.weights().apply(r(i), f(i), m(i));
    }

    /**
     * Returns a customer's FM score: the mean of F and M rounded half up.
     *
     * @param i the row
     * @return the FM score
     */
    public int fm(int i) {
        return (f(i) + m(i) + 1) / 2;
    }

    /**
     * Returns the explained scores of one dimension.
     *
     * @param dimension the dimension, not null
     * @return the scores, never null
     */
    public DimensionScores dimension(Dimension dimension) {
        return switch (Checks.notNull(dimension, "dimension")) {
            case RECENCY -> recency;
            case FREQUENCY -> frequency;
            case MONETARY -> monetary;
        };
    }

    /**
     * Returns the R x FM grid: customers per recency score and FM score.
     *
     * @return the grid, never null
     */
    public ScoreGrid grid() {
        int rows = recency.bins();
        int columns = Math.max(frequency.bins(), monetary.bins());
        long[][] counts = new long[rows][columns];
        for (int i = 0; i < size(); i++) {
            counts[r(i) - 1][fm(i) - 1]++;
        }
        return new ScoreGrid(counts);
    }

    /**
     * Returns the customers without purchases, kept apart and unscored.
     *
     * @return the prospects in identifier order, immutable, never null
     */
    public List<CustomerId> prospects() {
        return customers.prospects();
    }

    /**
     * Returns options that score other data with this result's cuts frozen as fixed thresholds
     * (same directions, monetary measure and weights): the second snapshot of a migration matrix.
     *
     * @return the options, never null
     * @throws IllegalStateException if no customer was scored (there are no cuts)
     */
    public RfmOptions frozenOptions() {
        return new RfmOptions(recency.frozen(), frequency.frozen(), monetary.frozen(), options.recencyDirection(),
                options.frequencyDirection(), options.monetaryDirection(), options.monetaryMeasure(),
                options.weights());
    }

    /**
     * Returns the diagnostics of every dimension.
     *
     * @return the warnings, never null
     */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(recency.warnings());
        all.addAll(frequency.warnings());
        all.addAll(monetary.warnings());
        return List.copyOf(all);
    }

    /**
     * Describes the result for printing with it: the input definitions, the scoring definitions,
     * and per dimension the cuts with the customers on them, the customers and value range per
     * score and the warnings. Holds no identifiers.
     *
     * @return the text, never null
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("input: ").append(customers.definitions()).append('\n');
        sb.append("scoring: ").append(options.describe()).append('\n');
        sb.append("customers: ").append(size()).append(" scored, ").append(prospects().size())
                .append(" prospects without purchases (not scored)\n");
        sb.append(recency.describe()).append(frequency.describe()).append(monetary.describe());
        return sb.toString();
    }

    /**
     * Returns a one-line summary: customers, prospects and counts per score.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "RfmResult[customers=" + size() + ", prospects=" + prospects().size() + ", " + recency + ", "
                + frequency + ", " + monetary + "]";
    }
}
