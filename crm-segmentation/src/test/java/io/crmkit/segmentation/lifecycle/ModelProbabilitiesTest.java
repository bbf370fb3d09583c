package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.metrics.clv.ParetoNbdModel;
import io.crmkit.metrics.clv.TransactionModel;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The model's P(no purchase in the horizon) for more distinct histories than
 * {@link ChurnFeatures#PARALLEL_FROM}: evaluated once per distinct history on the fork-join pool,
 * every customer's value equals the closed form evaluated on its own history, exactly (every
 * customer is checked: a wrong index into the distinct histories, which grow their table many
 * times here, would show).
 */
class ModelProbabilitiesTest {

    @Test
    void sharedParallelProbabilitiesEqualTheClosedFormPerCustomer() {
        PurchaseTimelines t = PurchaseTimelines.of(CustomerBaseSimulator.builder().customers(ChurnFeatures.PARALLEL_FROM + 10_000)
                .acquisition(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-12-31T00:00:00Z"))
                .observationEnd(Instant.parse("2025-12-31T00:00:00Z")).seed(11L).build().orders(),
                TimelineOptions.defaults());
        int day = (int) LocalDate.of(2025, 12, 31).toEpochDay();
        int[] count = Rhythms.counts(t, day);
        int m = 0;
        for (int c : count) {
            m += c > 0 ? 1 : 0;
        }
        int[] rows = new int[m];
        for (int i = 0, k = 0; i < count.length; i++) {
            if (count[i] > 0) {
                rows[k++] = i;
            }
        }
        assertThat(m).isGreaterThan(ChurnFeatures.PARALLEL_FROM);
        TransactionModel model = ParetoNbdModel.of(0.55, 10.6, 0.61, 11.7, PeriodUnit.WEEKS);
        double[] p = ChurnFeatures.modelProbabilities(t, day, rows, count, model, 90);
        double h = model.unit().fromDays(90);
        for (int k = 0; k < m; k++) {
            int i = rows[k];
            int c = count[i];
            int first = t.days[t.offsets[i]];
            double tx = model.unit().fromDays(t.days[t.offsets[i] + c - 1] - first);
            double bigT = model.unit().fromDays(day - first);
            int x = t.purchases(t.offsets[i], t.offsets[i] + c) - 1;
            double alive = model.probabilityAlive(x, tx, bigT);
            double none = model.probabilityNoTransactionsIfAlive(x, bigT, h);
            assertThat(p[k]).as("customer %d", k).isEqualTo(Math.min(1, Math.max(0, 1 - alive + alive * none)));
        }
    }
}
