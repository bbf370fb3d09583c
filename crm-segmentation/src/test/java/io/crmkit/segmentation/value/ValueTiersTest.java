package io.crmkit.segmentation.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.segmentation.Columns;
import io.crmkit.segmentation.CustomerColumns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the value tiers. */
class ValueTiersTest {

    /** Ten customers with revenue 10, 20, ..., 100 dollars, frequency 1..10. */
    private static CustomerColumns tenCustomers() {
        List<Columns.Row> rows = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            rows.add(new Columns.Row(k, k, 0, k * 1_000L));
        }
        return Columns.of(rows);
    }

    @Test
    void abcByRevenueOnAWorkedExample() {
        // total 550; descending 100, 90, 80, 70, 60 (cumulative before: 0, 100, 190, 270, 340, 400, 450...)
        // A while before < 440 (80%): 100..60 and 50 (before 400); B while before < 522.5: 40 (450),
        // 30 (490) and 20 (520); C: 10 (540)
        TierAssignment<AbcClass> abc = ValueTiers.abcByRevenue(tenCustomers());
        assertThat(abc.customers(AbcClass.A)).isEqualTo(6);
        assertThat(abc.customers(AbcClass.B)).isEqualTo(3);
        assertThat(abc.customers(AbcClass.C)).isEqualTo(1);
        assertThat(abc.tier(9)).isEqualTo(AbcClass.A);
        assertThat(abc.tier(0)).isEqualTo(AbcClass.C);
        assertThat(abc.summary().get(0).revenueShare().getAsDouble()).isCloseTo(450 / 550.0, within(1e-12));
        assertThat(abc.definition()).contains("80%").contains("95%");
    }

    @Test
    void giniOfAWorkedExample() {
        // x = 10..100: G = 2 * sum(i * x_i) / (n * sum x) - (n + 1) / n = 2 * 3850 / 5500 - 1.1 = 0.3
        LorenzCurve l = LorenzCurve.of(tenCustomers());
        assertThat(l.gini()).isCloseTo(0.3, within(1e-12));
        assertThat(l.revenueShareOfTop(0.2)).isCloseTo(190 / 550.0, within(1e-12));
        assertThat(l.toString()).contains("gini=0.3000");
    }

    @Test
    void lowReturnAfterCostToServe() {
        // cost 15 per customer + 0.5 per order: margins 10 - 15.5 = -5.5, 20 - 16 = 4, ...
        LowReturnCustomers low = LowReturnCustomers.compute(tenCustomers(), CostToServe.of(15, 0.5, 0));
        assertThat(low.size()).isEqualTo(1);
        assertThat(low.customerId(0).value()).isEqualTo("c000000");
        assertThat(low.margin(0)).isEqualTo(-5.5);
        assertThat(low.recoverableMargin()).isEqualTo(5.5);
        assertThat(low.revenue()).isEqualTo(10.0);
        assertThatThrownBy(() -> CostToServe.of(-1, 0, 0)).hasMessageContaining("-1");
        assertThatThrownBy(() -> LowReturnCustomers.compute(tenCustomers(), (c, i) -> Double.NaN))
                .hasMessageContaining("row 0");
    }

    @Test
    void boundsAreValidated() {
        assertThatThrownBy(() -> ValueTiers.abcByRevenue(tenCustomers(), 0.9, 0.8)).hasMessageContaining("0.9");
        assertThatThrownBy(() -> ValueTiers.abcByCustomers(tenCustomers(), 0.6, 0.6)).hasMessageContaining("0.6");
    }
}
