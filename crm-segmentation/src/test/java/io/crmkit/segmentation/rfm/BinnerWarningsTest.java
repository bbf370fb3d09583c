package io.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The warnings a scored dimension carries, worked by hand: coinciding cuts, empty scores (in the
 * score order of the direction), cuts that split a tie, and a dimension without customers.
 */
class BinnerWarningsTest {

    @Test
    void coincidingThresholdsLeaveAnEmptyBin() {
        double[] values = {1, 2, 2, 5, 9};
        // value <= 2: bin 1 (three customers); 2 < value <= 2: bin 2 (empty); <= 6: bin 3; above: bin 4
        DimensionScores up = Binner.apply(Dimension.RECENCY, values, Binning.thresholds(Side.LOWER, 2, 2, 6),
                Direction.HIGHER_IS_BETTER);
        assertThat(up.warnings()).containsExactly(
                "R: cuts 1 and 2 coincide at 2, so the bin between them is empty (merged)",
                "R: no customer has score 2");
        assertThat(up.score(0)).isEqualTo(1);
        assertThat(up.score(3)).isEqualTo(3);
        assertThat(up.score(4)).isEqualTo(4);
        // the same bins scored the other way round: the empty bin 2 is score 3
        DimensionScores down = Binner.apply(Dimension.MONETARY, values, Binning.thresholds(Side.LOWER, 2, 2, 6),
                Direction.LOWER_IS_BETTER);
        assertThat(down.warnings()).containsExactly(
                "M: cuts 1 and 2 coincide at 2, so the bin between them is empty (merged)",
                "M: no customer has score 3");
        assertThat(down.score(0)).isEqualTo(4);
    }

    @Test
    void severalEmptyScoresAreListedTogether() {
        DimensionScores s = Binner.apply(Dimension.FREQUENCY, new double[] {1, 3}, Binning.thresholds(Side.LOWER, 2,
                2, 2), Direction.HIGHER_IS_BETTER);
        assertThat(s.warnings()).containsExactly(
                "F: cuts 1 and 2 coincide at 2, so the bin between them is empty (merged)",
                "F: cuts 2 and 3 coincide at 2, so the bin between them is empty (merged)",
                "F: no customer has scores 2, 3");
    }

    @Test
    void coincidingNtileCutsSplitATieAndMergeNothing() {
        // eight equal values in four groups of two: the three cuts coincide at 7, every bin holds two
        double[] values = {7, 7, 7, 7, 7, 7, 7, 7};
        DimensionScores s = Binner.apply(Dimension.MONETARY, values, Binning.ntile(4), Direction.HIGHER_IS_BETTER);
        assertThat(s.mergedCuts()).isEmpty();
        assertThat(s.warnings()).noneMatch(w -> w.contains("coincide"));
        assertThat(s.warnings()).containsExactly(
                "M: cut 1 splits the 8 customers with value 7 between scores 1 and 2 (tie broken by customer id)",
                "M: cut 2 splits the 8 customers with value 7 between scores 2 and 3 (tie broken by customer id)",
                "M: cut 3 splits the 8 customers with value 7 between scores 3 and 4 (tie broken by customer id)");
        for (int score = 1; score <= 4; score++) {
            assertThat(s.customersWithScore(score)).isEqualTo(2);
        }
        // the same values under quantiles: one bin holds them all, the others are merged away
        DimensionScores q = Binner.apply(Dimension.MONETARY, values, Binning.quantiles(4), Direction.HIGHER_IS_BETTER);
        assertThat(q.mergedCuts()).containsExactly(2, 3);
        assertThat(q.customersWithScore(1)).isEqualTo(8);
    }

    @Test
    void noCustomers() {
        assertThat(Binner.apply(Dimension.RECENCY, new double[0], Binning.thresholds(Side.UPPER, 2, 6),
                Direction.HIGHER_IS_BETTER).warnings()).containsExactly("R: no customers to score");
        assertThat(Binner.apply(Dimension.RECENCY, new double[0], Binning.quantiles(3), Direction.HIGHER_IS_BETTER)
                .warnings()).containsExactly("R: no customers to score, so no cuts");
    }

    @Test
    void aCutThroughATieIsReported() {
        // four equal values in two groups of two: the cut at 1 splits them
        DimensionScores s = Binner.apply(Dimension.FREQUENCY, new double[] {1, 1, 1, 1}, Binning.ntile(2),
                Direction.HIGHER_IS_BETTER);
        assertThat(s.warnings()).containsExactly(
                "F: cut 1 splits the 4 customers with value 1 between scores 1 and 2 (tie broken by customer id)");
        // three 1s over two groups of two, scored the other way round
        DimensionScores down = Binner.apply(Dimension.RECENCY, new double[] {1, 1, 1, 5}, Binning.ntile(2),
                Direction.LOWER_IS_BETTER);
        assertThat(down.warnings()).containsExactly(
                "R: cut 1 splits the 3 customers with value 1 between scores 1 and 2 (tie broken by customer id)");
        assertThat(down.score(0)).isEqualTo(2);
        assertThat(down.score(3)).isEqualTo(1);
    }
}
