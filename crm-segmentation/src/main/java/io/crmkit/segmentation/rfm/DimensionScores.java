package io.crmkit.segmentation.rfm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The explained scores of one RFM dimension: per customer the value and the score; the cuts
 * actually used; the customers and value range of every score; and the diagnostics: empty scores,
 * coinciding (merged) cuts, customers tied on each cut and ties split by NTILE.
 *
 * <p>Rows are in the order of the scored values (ascending customer identifier for an
 * {@link RfmResult}). Obtain one from {@link RfmResult#dimension(Dimension)} or
 * {@link RfmScorer#scoreDimension}.
 *
 * <p>Immutable and thread-safe.
 */
public final class DimensionScores {

    private final Dimension dimension;
    private final Binning binning;
    private final Direction direction;
    private final double[] values;
    private final byte[] scores;
    private final List<Cut> cuts;
    private final List<ScoreBin> scoreBins;
    private final List<String> warnings;

    DimensionScores(Dimension dimension, Binning binning, Direction direction, double[] values, byte[] scores,
            List<Cut> cuts, List<ScoreBin> scoreBins, List<String> warnings) {
        this.dimension = dimension;
        this.binning = binning;
        this.direction = direction;
        this.values = values;
        this.scores = scores;
        this.cuts = List.copyOf(cuts);
        this.scoreBins = List.copyOf(scoreBins);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Returns the dimension scored.
     *
     * @return the dimension, never null
     */
    public Dimension dimension() {
        return dimension;
    }

    /**
     * Returns the binning method used.
     *
     * @return the binning, never null
     */
    public Binning binning() {
        return binning;
    }

    /**
     * Returns the direction used.
     *
     * @return the direction, never null
     */
    public Direction direction() {
        return direction;
    }

    /**
     * Returns the number of bins, the highest score.
     *
     * @return 2 to 9
     */
    public int bins() {
        return binning.bins();
    }

    /**
     * Returns the number of customers scored.
     *
     * @return the count
     */
    public int size() {
        return scores.length;
    }

    /**
     * Returns a customer's value on this dimension (days, purchases or currency units).
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the value
     */
    public double value(int i) {
        Objects.checkIndex(i, scores.length);
        return values[i];
    }

    /**
     * Returns a customer's score.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return 1 to {@link #bins()}
     */
    public int score(int i) {
        return scores[i];
    }

    /**
     * Returns the {@code bins() - 1} cuts in ascending value order, as used; empty only when no
     * customer was scored by a data-driven method (nothing to cut).
     *
     * @return the cuts, immutable, never null
     */
    public List<Cut> cuts() {
        return cuts;
    }

    /**
     * Returns one entry per score, 1 to {@link #bins()}: how many customers got it and the range
     * of their values.
     *
     * @return the bins in score order, immutable, never null
     */
    public List<ScoreBin> scoreBins() {
        return scoreBins;
    }

    /**
     * Returns how many customers got a score.
     *
     * @param score 1 to {@link #bins()}
     * @return the count
     */
    public long customersWithScore(int score) {
        Objects.checkIndex(score - 1, scoreBins.size());
        return scoreBins.get(score - 1).customers();
    }

    /**
     * Returns the scores no customer got.
     *
     * @return the empty scores, ascending, never null
     */
    public List<Integer> emptyScores() {
        List<Integer> empty = new ArrayList<>();
        for (ScoreBin b : scoreBins) {
            if (b.empty()) {
                empty.add(b.score());
            }
        }
        return empty;
    }

    /**
     * Returns the 1-based numbers {@code j} of the cuts equal to cut {@code j - 1} with no customer
     * in the bin between them (its bins merged into one). Under NTILE, cuts that coincide split a tie
     * and the bin between them holds customers: they are not listed (the split ties are, in
     * {@link #warnings()}).
     *
     * @return the cut numbers, ascending, never null
     */
    public List<Integer> mergedCuts() {
        return Binner.mergedCuts(cuts, scoreBins, direction, binning.bins());
    }

    /**
     * Returns the number of customers whose value equals some cut (each customer counted once).
     *
     * @return the count
     */
    public long customersOnCuts() {
        long sum = 0;
        for (int j = 0; j < cuts.size(); j++) {
            if (j == 0 || cuts.get(j).value() != cuts.get(j - 1).value()) {
                sum += cuts.get(j).tiedCustomers();
            }
        }
        return sum;
    }

    /**
     * Returns the diagnostics in words: no customers, empty scores, merged cuts and split ties.
     * They hold values and counts only, never identifiers.
     *
     * @return the warnings, immutable, never null
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns fixed thresholds that reproduce these cuts on other data: the frozen thresholds of
     * a migration matrix. Exact for every value-based method, and for the rank-based ones unless
     * NTILE split a tie (then the whole tie group falls below the cut).
     *
     * @return the thresholds, never null
     * @throws IllegalStateException if there are no cuts (no customers were scored)
     */
    public Binning.Thresholds frozen() {
        if (cuts.isEmpty()) {
            throw new IllegalStateException(dimension + ": no cuts to freeze (no customers were scored)");
        }
        List<Double> t = new ArrayList<>();
        for (Cut c : cuts) {
            t.add(c.value());
        }
        return new Binning.Thresholds(t, cuts.get(0).side());
    }

    /**
     * Describes the dimension's scoring in a few lines: method, direction, cuts with their tied
     * customers, the customers and value range per score, and the warnings.
     *
     * @return the text, never null
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(dimension.letter()).append(": ").append(binning.describe()).append(", ")
                .append(direction == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better")
                .append('\n');
        sb.append("  cuts:");
        if (cuts.isEmpty()) {
            sb.append(" none");
        }
        for (int j = 0; j < cuts.size(); j++) {
            Cut c = cuts.get(j);
            sb.append(j == 0 ? " " : ", ").append(c).append(" (").append(c.tiedCustomers()).append(" on it")
                    .append(c.splitsTie() ? ", split" : "").append(')');
        }
        sb.append('\n');
        for (ScoreBin b : scoreBins) {
            sb.append("  ").append(b).append('\n');
        }
        for (String w : warnings) {
            sb.append("  warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    /**
     * Returns a one-line summary: dimension, method and counts per score.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DimensionScores[").append(dimension.letter()).append(", ")
                .append(binning.describe()).append(", counts");
        for (ScoreBin b : scoreBins) {
            sb.append(' ').append(b.score()).append('=').append(b.customers());
        }
        return sb.append(']').toString();
    }
}
