package io.crmkit.segmentation.segment;

import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.RfmCell;
import io.crmkit.segmentation.rfm.RfmResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A declarative segment map over RFM scores: ordered {@link SegmentRule}s with first-match
 * precedence and a default segment for the customers no rule matches. The score space is finite
 * (at most 9 x 9 x 9 cells), so the map is compiled into a table once and checked exhaustively by
 * {@link #lint()}.
 *
 * <p>Presets: {@link #rRfmVignette()} (R {@code rfm} 0.3.0), {@link #elevenSegments()} (the
 * widely used 125-code map) and {@link #rfGrid()} (the R x F grid).
 *
 * <p>Immutable and thread-safe (provided every {@link SegmentRule.When} condition is).
 */
public final class SegmentMap {

    /** The default segment name when none is given. */
    public static final String OTHERS = "Others";

    private final List<SegmentRule> rules;
    private final String defaultSegment;
    private final int rBins;
    private final int fBins;
    private final int mBins;
    private final List<String> segments;
    /** Per cell, the index of the first matching rule, or -1. */
    private final int[] cellRule;
    /** Per cell, the index of its segment in {@link #segments}. */
    private final short[] cellSegment;

    private SegmentMap(List<SegmentRule> rules, String defaultSegment, int rBins, int fBins, int mBins) {
        this.rules = List.copyOf(rules);
        this.defaultSegment = defaultSegment;
        this.rBins = rBins;
        this.fBins = fBins;
        this.mBins = mBins;
        Map<String, Integer> index = new LinkedHashMap<>();
        for (SegmentRule rule : this.rules) {
            index.putIfAbsent(rule.name(), index.size());
        }
        index.putIfAbsent(defaultSegment, index.size());
        this.segments = List.copyOf(index.keySet());
        int cells = rBins * fBins * mBins;
        this.cellRule = new int[cells];
        this.cellSegment = new short[cells];
        for (int r = 1; r <= rBins; r++) {
            for (int f = 1; f <= fBins; f++) {
                for (int m = 1; m <= mBins; m++) {
                    RfmCell cell = new RfmCell(r, f, m);
                    int c = cellIndex(r, f, m);
                    cellRule[c] = -1;
                    for (int k = 0; k < this.rules.size(); k++) {
                        if (this.rules.get(k).matches(cell)) {
                            cellRule[c] = k;
                            break;
                        }
                    }
                    String name = cellRule[c] < 0 ? defaultSegment : this.rules.get(cellRule[c]).name();
                    cellSegment[c] = (short) (int) index.get(name);
                }
            }
        }
    }

    /**
     * Starts a map over scores of 1 to {@code bins} on every dimension.
     *
     * @param bins 2 to 9
     * @return a new builder, never null
     */
    public static Builder builder(int bins) {
        return new Builder(bins, bins, bins);
    }

    /**
     * Starts a map over scores with a number of bins per dimension.
     *
     * @param recencyBins 2 to 9
     * @param frequencyBins 2 to 9
     * @param monetaryBins 2 to 9
     * @return a new builder, never null
     */
    public static Builder builder(int recencyBins, int frequencyBins, int monetaryBins) {
        return new Builder(recencyBins, frequencyBins, monetaryBins);
    }

    /**
     * The R {@code rfm} 0.3.0 vignette map ("RFM - Introduction", {@code rfm_segment}), 5 bins, in
     * its order: Champions, Potential Loyalist, Loyal Customers, Promising, New Customers, Can't
     * Lose Them, At Risk, Need Attention, About To Sleep, Lost; default {@code "Others"}. Its
     * ranges overlap, so the order decides (the linter lists the overlaps).
     *
     * @return the map, never null
     */
    public static SegmentMap rRfmVignette() {
        return builder(5)
                .ranges("Champions", 5, 5, 5, 5, 5, 5)
                .ranges("Potential Loyalist", 3, 5, 3, 5, 2, 5)
                .ranges("Loyal Customers", 2, 4, 2, 4, 2, 4)
                .ranges("Promising", 3, 4, 1, 3, 3, 5)
                .ranges("New Customers", 4, 5, 1, 3, 1, 5)
                .ranges("Can't Lose Them", 1, 2, 3, 4, 4, 5)
                .ranges("At Risk", 1, 2, 2, 5, 4, 5)
                .ranges("Need Attention", 1, 3, 3, 5, 3, 5)
                .ranges("About To Sleep", 2, 3, 1, 3, 1, 4)
                .ranges("Lost", 1, 1, 1, 5, 1, 5)
                .build();
    }

    /**
     * The widely used 11-segment map of all 125 codes of 5 x 5 x 5 scores (Champions, Loyal
     * Customers, Potential Loyalist, New Customers, Promising, Need Attention, About To Sleep, At
     * Risk, Can't Lose Them, Hibernating, Lost): every code in exactly one segment, so no rule
     * overlaps another and nothing falls to the default. This is the variant with About To Sleep
     * holding 331, 321, 312, 221, 213, 231, 241 and 251 (others put the last three in
     * Hibernating).
     *
     * @return the map, never null
     */
    public static SegmentMap elevenSegments() {
        return builder(5)
                .codes("Champions", 555, 554, 544, 545, 454, 455, 445)
                .codes("Loyal Customers", 543, 444, 435, 355, 354, 345, 344, 335)
                .codes("Potential Loyalist", 553, 551, 552, 541, 542, 533, 532, 531, 452, 451, 442, 441, 431, 453,
                        433, 432, 423, 353, 352, 351, 342, 341, 333, 323)
                .codes("New Customers", 512, 511, 422, 421, 412, 411, 311)
                .codes("Promising", 525, 524, 523, 522, 521, 515, 514, 513, 425, 424, 413, 414, 415, 315, 314, 313)
                .codes("Need Attention", 535, 534, 443, 434, 343, 334, 325, 324)
                .codes("About To Sleep", 331, 321, 312, 221, 213, 231, 241, 251)
                .codes("At Risk", 255, 254, 245, 244, 253, 252, 243, 242, 235, 234, 225, 224, 153, 152, 145, 143, 142,
                        135, 134, 133, 125, 124)
                .codes("Can't Lose Them", 155, 154, 144, 214, 215, 115, 114, 113)
                .codes("Hibernating", 332, 322, 233, 232, 223, 222, 132, 123, 122, 212, 211)
                .codes("Lost", 111, 112, 121, 131, 141, 151)
                .build();
    }

    /**
     * The R x F grid of 10 segments over recency and frequency scores of 1 to 5 (monetary
     * ignored), the common "RF matrix": Hibernating (R 1-2, F 1-2), At Risk (R 1-2, F 3-4), Can't
     * Lose Them (R 1-2, F 5), About To Sleep (R 3, F 1-2), Need Attention (R 3, F 3), Loyal
     * Customers (R 3-4, F 4-5), Promising (R 4, F 1), New Customers (R 5, F 1), Potential Loyalist
     * (R 4-5, F 2-3), Champions (R 5, F 4-5). It covers the 25 cells exactly once.
     *
     * @return the map, never null
     */
    public static SegmentMap rfGrid() {
        return builder(5)
                .ranges("Hibernating", 1, 2, 1, 2, 1, 5)
                .ranges("At Risk", 1, 2, 3, 4, 1, 5)
                .ranges("Can't Lose Them", 1, 2, 5, 5, 1, 5)
                .ranges("About To Sleep", 3, 3, 1, 2, 1, 5)
                .ranges("Need Attention", 3, 3, 3, 3, 1, 5)
                .ranges("Loyal Customers", 3, 4, 4, 5, 1, 5)
                .ranges("Promising", 4, 4, 1, 1, 1, 5)
                .ranges("New Customers", 5, 5, 1, 1, 1, 5)
                .ranges("Potential Loyalist", 4, 5, 2, 3, 1, 5)
                .ranges("Champions", 5, 5, 4, 5, 1, 5)
                .build();
    }

    int cellIndex(int r, int f, int m) {
        return ((r - 1) * fBins + (f - 1)) * mBins + (m - 1);
    }

    /**
     * Returns the rules in precedence order.
     *
     * @return the rules, immutable, never null
     */
    public List<SegmentRule> rules() {
        return rules;
    }

    /**
     * Returns the segment of customers no rule matches.
     *
     * @return the name, never null
     */
    public String defaultSegment() {
        return defaultSegment;
    }

    /**
     * Returns the number of bins this map is defined for on a dimension.
     *
     * @param dimension the dimension, not null
     * @return 2 to 9
     */
    public int bins(Dimension dimension) {
        return switch (Checks.notNull(dimension, "dimension")) {
            case RECENCY -> rBins;
            case FREQUENCY -> fBins;
            case MONETARY -> mBins;
        };
    }

    /**
     * Returns every segment name: the rules' names in order of first appearance, then the default
     * (unless a rule already has its name).
     *
     * @return the names, immutable, never null
     */
    public List<String> segments() {
        return segments;
    }

    /**
     * Returns the segment of a cell.
     *
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @return the segment name, never null
     * @throws IllegalArgumentException if a score is outside this map's bins
     */
    public String segmentOf(int r, int f, int m) {
        return segments.get(segmentIndexOf(r, f, m));
    }

    /**
     * Returns the index in {@link #segments()} of a cell's segment.
     *
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @return the index
     * @throws IllegalArgumentException if a score is outside this map's bins
     */
    public int segmentIndexOf(int r, int f, int m) {
        checkCell(r, f, m);
        return cellSegment[cellIndex(r, f, m)];
    }

    /**
     * Returns the first rule that matches a cell.
     *
     * @param cell the cell, not null
     * @return the rule's index in {@link #rules()}, or empty when the cell falls to the default
     */
    public OptionalInt ruleOf(RfmCell cell) {
        Checks.notNull(cell, "cell");
        checkCell(cell.r(), cell.f(), cell.m());
        int k = cellRule[cellIndex(cell.r(), cell.f(), cell.m())];
        return k < 0 ? OptionalInt.empty() : OptionalInt.of(k);
    }

    private void checkCell(int r, int f, int m) {
        if (r < 1 || r > rBins || f < 1 || f > fBins || m < 1 || m > mBins) {
            throw new IllegalArgumentException("scores " + r + ", " + f + ", " + m + " are outside this map's bins "
                    + rBins + "/" + fBins + "/" + mBins);
        }
    }

    /**
     * Assigns every scored customer exactly one segment.
     *
     * @param result the scores, with the bins this map is defined for, not null
     * @return the segmentation, never null
     * @throws IllegalArgumentException if the result's bins differ from the map's
     */
    public Segmentation assign(RfmResult result) {
        Checks.notNull(result, "result");
        for (Dimension d : Dimension.values()) {
            if (result.dimension(d).bins() != bins(d)) {
                throw new IllegalArgumentException("the segment map is for " + bins(d) + " " + d + " bins, the scores"
                        + " have " + result.dimension(d).bins());
            }
        }
        int n = result.size();
        short[] segment = new short[n];
        for (int i = 0; i < n; i++) {
            segment[i] = cellSegment[cellIndex(result.r(i), result.f(i), result.m(i))];
        }
        return new Segmentation(result, this, segment);
    }

    /**
     * Checks the map exhaustively over its score space: overlapping rules, rules that can never
     * match (shadowed by earlier rules, or empty), and cells no rule covers.
     *
     * @return the report, never null
     */
    public LintReport lint() {
        return LintReport.of(this);
    }

    int cells() {
        return cellRule.length;
    }

    /**
     * Describes the map: one line per rule in precedence order, then the default.
     *
     * @return the text, never null
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < rules.size(); k++) {
            SegmentRule rule = rules.get(k);
            sb.append(k + 1).append(". ").append(rule.name()).append(": ").append(rule.describe()).append('\n');
        }
        return sb.append("otherwise: ").append(defaultSegment).append('\n').toString();
    }

    /**
     * Returns a one-line summary: bins, rules and segments.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "SegmentMap[bins " + rBins + "/" + fBins + "/" + mBins + ", " + rules.size() + " rules, segments "
                + segments + "]";
    }

    /**
     * Builds a {@link SegmentMap}. Not thread-safe.
     */
    public static final class Builder {
        private final int rBins;
        private final int fBins;
        private final int mBins;
        private final List<SegmentRule> rules = new ArrayList<>();
        private String defaultSegment = OTHERS;

        private Builder(int rBins, int fBins, int mBins) {
            for (int b : new int[] {rBins, fBins, mBins}) {
                if (b < 2 || b > 9) {
                    throw new IllegalArgumentException("bins must be 2 to 9: " + b);
                }
            }
            this.rBins = rBins;
            this.fBins = fBins;
            this.mBins = mBins;
        }

        /**
         * Adds a rule.
         *
         * @param rule the rule, not null
         * @return this builder
         */
        public Builder rule(SegmentRule rule) {
            rules.add(Checks.notNull(rule, "rule"));
            return this;
        }

        /**
         * Adds a rule of inclusive score ranges (the R {@code rfm} package's form).
         *
         * @param name the segment name
         * @param rLow lowest recency score
         * @param rHigh highest recency score
         * @param fLow lowest frequency score
         * @param fHigh highest frequency score
         * @param mLow lowest monetary score
         * @param mHigh highest monetary score
         * @return this builder
         */
        public Builder ranges(String name, int rLow, int rHigh, int fLow, int fHigh, int mLow, int mHigh) {
            return rule(new SegmentRule.Ranges(name, ScoreRange.of(rLow, rHigh), ScoreRange.of(fLow, fHigh),
                    ScoreRange.of(mLow, mHigh)));
        }

        /**
         * Adds a rule listing three-digit codes.
         *
         * @param name the segment name
         * @param codes the codes, not empty
         * @return this builder
         */
        public Builder codes(String name, int... codes) {
            return rule(SegmentRule.Codes.of(name, Arrays.stream(Checks.notNull(codes, "codes")).boxed().toList()));
        }

        /**
         * Adds a rule with any condition over the scores.
         *
         * @param name the segment name
         * @param description the condition in words
         * @param condition the condition, a pure function of the cell
         * @return this builder
         */
        public Builder when(String name, String description, Predicate<RfmCell> condition) {
            return rule(new SegmentRule.When(name, description, condition));
        }

        /**
         * Sets the segment of customers no rule matches (default {@code "Others"}).
         *
         * @param name the name, not blank
         * @return this builder
         */
        public Builder defaultSegment(String name) {
            this.defaultSegment = Checks.text(name, "defaultSegment");
            return this;
        }

        /**
         * Builds the map, evaluating every rule on every cell once.
         *
         * @return the map, never null
         * @throws IllegalArgumentException if there are more than 1,000 segment names
         */
        public SegmentMap build() {
            if (rules.size() > 1000) {
                throw new IllegalArgumentException("at most 1000 rules: " + rules.size());
            }
            return new SegmentMap(rules, defaultSegment, rBins, fBins, mBins);
        }
    }
}
