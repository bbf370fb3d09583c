package io.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The RFM value types on the edges of their rules, worked by hand: cells and their codes, weights,
 * score bins, cuts on either side of a tie, score directions, the score grid's text and the number
 * format of cuts.
 */
class RfmValuesTest {

    @Test
    void cellsAndCodes() {
        assertThat(RfmCell.ofCode(111)).isEqualTo(new RfmCell(1, 1, 1));
        assertThat(RfmCell.ofCode(999)).isEqualTo(new RfmCell(9, 9, 9));
        assertThat(RfmCell.ofCode(523)).isEqualTo(new RfmCell(5, 2, 3));
        assertThat(new RfmCell(5, 2, 3).code()).isEqualTo(523);
        assertThat(new RfmCell(5, 2, 3)).hasToString("523");
        for (int code : new int[] {110, 1000, 101, 105, 190, 100, 0, -111}) {
            assertThatThrownBy(() -> RfmCell.ofCode(code)).as("code %d", code)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an RFM code has three digits of 1 to 9: " + code);
        }
        assertThatThrownBy(() -> new RfmCell(0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scores must be 1 to 9: r 0, f 1, m 1");
        assertThatThrownBy(() -> new RfmCell(10, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RfmCell(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RfmCell(1, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RfmCell(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RfmCell(1, 1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scores must be 1 to 9: r 1, f 1, m 10");
        // FM is the mean of F and M rounded half up
        assertThat(new RfmCell(3, 1, 1).fm()).isEqualTo(1);
        assertThat(new RfmCell(3, 1, 2).fm()).isEqualTo(2);
        assertThat(new RfmCell(3, 4, 5).fm()).isEqualTo(5);
        assertThat(new RfmCell(3, 9, 9).fm()).isEqualTo(9);
    }

    @Property
    void everyCellHasItsCode(@ForAll @IntRange(min = 1, max = 9) int r, @ForAll @IntRange(min = 1, max = 9) int f,
            @ForAll @IntRange(min = 1, max = 9) int m) {
        RfmCell cell = new RfmCell(r, f, m);
        assertThat(RfmCell.ofCode(cell.code())).isEqualTo(cell);
        assertThat(cell.toString()).isEqualTo("" + r + f + m);
        assertThat(cell.fm()).isEqualTo((int) Math.round((f + m) / 2.0));
    }

    @Test
    void weights() {
        assertThat(ScoreWeights.SPSS.apply(5, 3, 2)).isEqualTo(532.0);
        assertThat(ScoreWeights.EQUAL.apply(5, 3, 2)).isEqualTo(10.0);
        assertThat(new ScoreWeights(0.5, -1, 2).apply(4, 3, 1)).isEqualTo(1.0);
        assertThat(ScoreWeights.SPSS).hasToString("100/10/1");
        assertThat(new ScoreWeights(0.25, 1, 0)).hasToString("0.25/1/0");
        assertThatThrownBy(() -> new ScoreWeights(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights must be finite: recency NaN, frequency 1.0, monetary 1.0");
        assertThatThrownBy(() -> new ScoreWeights(1, Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frequency Infinity");
        assertThatThrownBy(() -> new ScoreWeights(1, 1, Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monetary -Infinity");
    }

    @Test
    void scoreBins() {
        ScoreBin full = new ScoreBin(9, 3, OptionalDouble.of(1.5), OptionalDouble.of(20));
        assertThat(full.empty()).isFalse();
        assertThat(full).hasToString("score 9: 3 customers, 1.5 to 20");
        ScoreBin none = new ScoreBin(1, 0, OptionalDouble.empty(), OptionalDouble.empty());
        assertThat(none.empty()).isTrue();
        assertThat(none).hasToString("score 1: empty");
        assertThatThrownBy(() -> new ScoreBin(0, 0, OptionalDouble.empty(), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score must be 1 to 9: 0");
        assertThatThrownBy(() -> new ScoreBin(10, 0, OptionalDouble.empty(), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score must be 1 to 9: 10");
        assertThatThrownBy(() -> new ScoreBin(2, -1, OptionalDouble.empty(), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("customers must not be negative: -1");
        assertThatThrownBy(() -> new ScoreBin(2, 0, OptionalDouble.of(1), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a bin has a value range exactly");
        assertThatThrownBy(() -> new ScoreBin(2, 0, OptionalDouble.empty(), OptionalDouble.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a bin has a value range exactly");
        assertThatThrownBy(() -> new ScoreBin(2, 1, OptionalDouble.empty(), OptionalDouble.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a bin has a value range exactly");
        assertThatThrownBy(() -> new ScoreBin(2, 1, OptionalDouble.of(1), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a bin has a value range exactly");
        assertThatThrownBy(() -> new ScoreBin(2, 1, null, OptionalDouble.of(1)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("lowest");
        assertThatThrownBy(() -> new ScoreBin(2, 1, OptionalDouble.of(1), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("highest");
    }

    @Test
    void sidesPutATiedValueBelowOrAboveItsCut() {
        double[] cuts = {2, 5, 5, 8};
        // LOWER: a value equal to a cut stays in the lower bin (value <= cut)
        assertThat(Side.LOWER.bin(1, cuts)).isEqualTo(1);
        assertThat(Side.LOWER.bin(2, cuts)).isEqualTo(1);
        assertThat(Side.LOWER.bin(3, cuts)).isEqualTo(2);
        assertThat(Side.LOWER.bin(5, cuts)).isEqualTo(2);
        assertThat(Side.LOWER.bin(6, cuts)).isEqualTo(4);
        assertThat(Side.LOWER.bin(8, cuts)).isEqualTo(4);
        assertThat(Side.LOWER.bin(9, cuts)).isEqualTo(5);
        // UPPER: a value equal to a cut goes up (value < cut stays below)
        assertThat(Side.UPPER.bin(1, cuts)).isEqualTo(1);
        assertThat(Side.UPPER.bin(2, cuts)).isEqualTo(2);
        assertThat(Side.UPPER.bin(5, cuts)).isEqualTo(4);
        assertThat(Side.UPPER.bin(8, cuts)).isEqualTo(5);
        assertThat(Side.UPPER.bin(7.99, cuts)).isEqualTo(4);
        assertThat(Side.LOWER.bin(3, new double[0])).isEqualTo(1);
        assertThat(Direction.HIGHER_IS_BETTER.score(2, 5)).isEqualTo(2);
        assertThat(Direction.LOWER_IS_BETTER.score(2, 5)).isEqualTo(4);
        assertThat(Direction.LOWER_IS_BETTER.score(1, 5)).isEqualTo(5);
        assertThat(Direction.LOWER_IS_BETTER.score(5, 5)).isEqualTo(1);
        assertThat(Dimension.RECENCY.letter() + Dimension.FREQUENCY.letter() + Dimension.MONETARY.letter())
                .isEqualTo("RFM");
    }

    @Property
    void sidesAgreeExceptOnTheCuts(@ForAll @DoubleRange(min = -10, max = 10) double value,
            @ForAll @IntRange(min = -10, max = 10) int a, @ForAll @IntRange(min = 0, max = 5) int gap) {
        double[] cuts = {a, a + gap};
        long equal = java.util.Arrays.stream(cuts).filter(c -> c == value).count();
        assertThat(Side.UPPER.bin(value, cuts) - Side.LOWER.bin(value, cuts)).isEqualTo((int) equal);
        long below = java.util.Arrays.stream(cuts).filter(c -> c < value).count();
        assertThat(Side.LOWER.bin(value, cuts)).isEqualTo(1 + (int) below);
    }

    @Test
    void cuts() {
        assertThat(new Cut(2.5, Side.LOWER, 3, true)).hasToString("<= 2.5");
        assertThat(new Cut(21.546000000000003, Side.UPPER, 0, false)).hasToString("< 21.546");
        assertThat(new Cut(-4, Side.UPPER, 0, false)).hasToString("< -4");
        assertThatThrownBy(() -> new Cut(Double.NaN, Side.LOWER, 0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be finite: NaN");
        assertThatThrownBy(() -> new Cut(Double.POSITIVE_INFINITY, Side.LOWER, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value must be finite: Infinity");
        assertThatThrownBy(() -> new Cut(1, Side.LOWER, -1, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tiedCustomers must not be negative: -1");
        assertThatThrownBy(() -> new Cut(1, null, 0, false)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("side");
    }

    @Test
    void numbersPrintWithoutBinaryNoise() {
        assertThat(RfmFormat.number(3)).isEqualTo("3");
        assertThat(RfmFormat.number(-0.0)).isEqualTo("0");
        assertThat(RfmFormat.number(-12)).isEqualTo("-12");
        assertThat(RfmFormat.number(999_999_999_999_999d)).isEqualTo("999999999999999");
        // from 1e15 on, whole numbers go through the decimal path: 12 significant digits
        assertThat(RfmFormat.number(1e15)).isEqualTo("1000000000000000");
        assertThat(RfmFormat.number(1_234_567_890_123_456d)).isEqualTo("1234567890120000");
        assertThat(RfmFormat.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(RfmFormat.number(1.0 / 3)).isEqualTo("0.333333333333");
    }

    @Test
    void gridPrintsHighRecencyFirst() {
        ScoreGrid grid = new ScoreGrid(new long[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(grid.recencyScores()).isEqualTo(2);
        assertThat(grid.fmScores()).isEqualTo(3);
        assertThat(grid.customers(1, 1)).isEqualTo(1);
        assertThat(grid.customers(2, 3)).isEqualTo(6);
        assertThat(grid.customers(1, 3)).isEqualTo(3);
        assertThatThrownBy(() -> grid.customers(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> grid.customers(3, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> grid.customers(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> grid.customers(1, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(grid.toString()).isEqualTo("R\\FM       1       2       3\n"
                + "   2       4       5       6\n"
                + "   1       1       2       3\n");
    }
}
