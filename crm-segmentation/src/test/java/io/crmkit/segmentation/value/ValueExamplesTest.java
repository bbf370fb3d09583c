package io.crmkit.segmentation.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.segmentation.Columns;
import io.crmkit.segmentation.CustomerColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Low-return customers and the Lorenz curve on five customers worked out by hand. */
class ValueExamplesTest {

    /**
     * Revenue 10, 22, 0, -5 and 100 dollars; orders 1, 3, 1, 1, 1. With a cost to serve of 5 per
     * customer, 2 per order and half the positive revenue, the margins are -2, 0, -7, -12 and 43.
     */
    private static CustomerColumns five() {
        return Columns.of(List.of(new Columns.Row(1, 1, 0, 1_000), new Columns.Row(1, 2, 1, 2_200),
                new Columns.Row(1, 1, 0, 0), new Columns.Row(1, 1, 0, -500), new Columns.Row(1, 1, 0, 10_000)));
    }

    @Test
    void lowReturnCustomersAreThoseWithoutAPositiveMarginWorstFirst() {
        LowReturnCustomers low = LowReturnCustomers.compute(five(), CostToServe.of(5, 2, 0.5));
        assertThat(low.size()).isEqualTo(4);
        assertThat(List.of(low.row(0), low.row(1), low.row(2), low.row(3))).containsExactly(3, 2, 0, 1);
        assertThat(low.customerId(0).value()).isEqualTo("c000003");
        assertThat(List.of(low.margin(0), low.margin(1), low.margin(2), low.margin(3)))
                .containsExactly(-12.0, -7.0, -2.0, 0.0);
        assertThat(low.revenue()).isCloseTo(27.0, within(1e-12));
        assertThat(low.recoverableMargin()).isCloseTo(21.0, within(1e-12));
        assertThat(low.totalMargin()).isCloseTo(22.0, within(1e-12));
        assertThat(low).hasToString("LowReturnCustomers[4 of 5 customers, revenue 27.00, recoverable margin 21.00,"
                + " total margin 22.00]");
        LowReturnCustomers none = LowReturnCustomers.compute(five(), CostToServe.of(0, 0, 0));
        assertThat(none.size()).isEqualTo(2); // revenue 0 and -5: no positive margin even without costs
        assertThat(none.recoverableMargin()).isCloseTo(5.0, within(1e-12));
        assertThatThrownBy(() -> CostToServe.of(0, -1, 0)).hasMessageContaining("perOrder -1");
        assertThatThrownBy(() -> CostToServe.of(0, 0, Double.NaN)).hasMessageContaining("shareOfRevenue NaN");
    }

    @Test
    void lorenzCurveInterpolatesBetweenItsPoints() {
        // revenue floored at 0 and sorted: 0, 0, 10, 22, 100 of 132
        LorenzCurve l = LorenzCurve.of(five());
        assertThat(l.customers()).isEqualTo(5);
        assertThat(l.flooredCustomers()).isEqualTo(1);
        assertThat(l.revenueShareOfLowest(3)).isCloseTo(10 / 132.0, within(1e-12));
        assertThat(l.revenueShareOfBottom(0)).isZero();
        assertThat(l.revenueShareOfBottom(0.5)).isCloseTo(5 / 132.0, within(1e-12));
        assertThat(l.revenueShareOfBottom(0.9)).isCloseTo(82 / 132.0, within(1e-12));
        assertThat(l.revenueShareOfBottom(1)).isEqualTo(1.0);
        assertThat(l.revenueShareOfTop(0.1)).isCloseTo(50 / 132.0, within(1e-12));
        assertThat(l.revenueShareOfTop(0.5)).isCloseTo(127 / 132.0, within(1e-12));
        assertThat(l.revenueShareOfTop(0)).isZero();
        assertThat(l.revenueShareOfTop(1)).isEqualTo(1.0);
        for (double bad : new double[] {-0.1, 1.1, Double.NaN}) {
            assertThatThrownBy(() -> l.revenueShareOfBottom(bad)).hasMessageContaining("customerShare");
            assertThatThrownBy(() -> l.revenueShareOfTop(bad)).hasMessageContaining("customerShare");
        }
        double[][] three = l.points(3);
        assertThat(three).hasDimensions(3, 2);
        assertThat(three[0]).containsExactly(0.0, 0.0);
        assertThat(three[1][0]).isCloseTo(0.6, within(1e-12));
        assertThat(three[1][1]).isCloseTo(10 / 132.0, within(1e-12));
        assertThat(three[2]).containsExactly(1.0, 1.0);
        double[][] all = l.points(100);
        assertThat(all).hasNumberOfRows(6);
        assertThat(all[4][0]).isCloseTo(0.8, within(1e-12));
        assertThat(all[4][1]).isCloseTo(32 / 132.0, within(1e-12));
        assertThatThrownBy(() -> l.points(1)).hasMessageContaining("max must be at least 2: 1");
    }
}
