package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BtydView#of}: a view from columns, copied and checked value by value. */
class BtydViewOfTest {

    private static final List<CustomerId> IDS = List.of(CustomerId.of("a"), CustomerId.of("b"));

    @Test
    void holdsCopiesOfTheColumns() {
        int[] x = {0, 3};
        double[] tx = {0, 4.5};
        double[] bigT = {2, 10};
        double[] mean = {0, 12.25};
        BtydView v = BtydView.of(PeriodUnit.WEEKS, IDS, x, tx, bigT, mean);
        x[1] = 99;
        tx[1] = 99;
        bigT[1] = 99;
        mean[1] = 99;
        assertThat(v.unit()).isEqualTo(PeriodUnit.WEEKS);
        assertThat(v.size()).isEqualTo(2);
        assertThat(v.customerId(1)).isEqualTo(CustomerId.of("b"));
        assertThat(v.x()).containsExactly(0, 3);
        assertThat(v.tx()).containsExactly(0, 4.5);
        assertThat(v.bigT()).containsExactly(2, 10);
        assertThat(v.meanRepeatValue()).containsExactly(0, 12.25);
        assertThat(BtydView.of(PeriodUnit.DAYS, List.of(), new int[0], new double[0], new double[0], new double[0])
                .size()).isZero();
        // a repeat buyer whose last purchase is at T, and one with a negative mean (returns netted)
        assertThat(BtydView.of(PeriodUnit.DAYS, IDS, new int[] {1, 2}, new double[] {5, 1}, new double[] {5, 3},
                new double[] {7, -1}).tx(0)).isEqualTo(5);
    }

    @Test
    void refusesColumnsOfOtherLengthsAndValuesBreakingTheirRules() {
        assertThatThrownBy(() -> BtydView.of(PeriodUnit.DAYS, IDS, new int[1], new double[2], new double[2],
                new double[2])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2): x has 1");
        for (double[] bad : new double[][] {{-1, 0, 5, 0}, {1, 6, 5, 1}, {1, -0.5, 5, 1}, {0, 1, 5, 0},
            {0, 0, -1, 0}, {0, 0, Double.POSITIVE_INFINITY, 0}, {0, 0, Double.NaN, 0}, {1, 1, 5, Double.NaN},
            {1, 1, 5, Double.NEGATIVE_INFINITY}, {0, 0, 5, 3}}) {
            assertThatThrownBy(() -> BtydView.of(PeriodUnit.DAYS, IDS, new int[] {2, (int) bad[0]},
                    new double[] {1, bad[1]}, new double[] {1, bad[2]}, new double[] {1, bad[3]}))
                    .as(Arrays.toString(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("customer 1: ");
        }
        List<CustomerId> withNull = new ArrayList<>(IDS);
        withNull.set(1, null);
        assertThatThrownBy(() -> BtydView.of(PeriodUnit.DAYS, withNull, new int[2], new double[2], new double[2],
                new double[2])).isInstanceOf(NullPointerException.class).hasMessageContaining("ids[1]");
        assertThatThrownBy(() -> BtydView.of(null, IDS, new int[2], new double[2], new double[2], new double[2]))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("unit");
    }
}
