package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.metrics.clv.ParetoNbdModel;
import io.crmkit.metrics.clv.TransactionModel;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * More customers than {@link ChurnFeatures#PARALLEL_FROM}, so that the rhythms and the features are
 * computed in ranges on the fork-join pool: every customer's values equal those worked out from its
 * own days here, one customer at a time, exactly.
 */
class ParallelFeaturesTest {

    @Test
    void warningsAssessedInTwoHalvesEqualOnePassInRowOrder() {
        PurchaseTimelines t = PurchaseTimelines.of(CustomerBaseSimulator.builder()
                .customers(ChurnWarning.PARALLEL_MIN_CUSTOMERS + 321)
                .acquisition(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-12-31T00:00:00Z"))
                .observationEnd(Instant.parse("2025-12-31T00:00:00Z")).seed(11L).build().orders(),
                TimelineOptions.defaults());
        WarningOptions options = WarningOptions.builder(LocalDate.of(2025, 9, 30))
                .alive(java.util.Optional.of(new WarningOptions.Alive(ParetoNbdModel.of(0.55, 10.6, 0.61, 11.7,
                        PeriodUnit.WEEKS), 0.5)))
                .build();
        ChurnRiskReport halves = ChurnWarning.score(t, EngagementHistory.none(), options, true);
        ChurnRiskReport onePass = ChurnWarning.score(t, EngagementHistory.none(), options, false);
        assertThat(halves.warnings()).hasSizeGreaterThan(1000).isEqualTo(onePass.warnings());
        assertThat(halves.counts()).isEqualTo(onePass.counts());
        assertThat(halves.signalCounts()).isEqualTo(onePass.signalCounts());
        assertThat(halves.assessed()).isEqualTo(onePass.assessed());
        for (int i = 0; i < t.size(); i += 97) {
            assertThat(halves.warningOf(t.customerId(i))).isEqualTo(onePass.warningOf(t.customerId(i)));
            assertThat(halves.levelOf(t.customerId(i))).isEqualTo(onePass.levelOf(t.customerId(i)));
        }
        // ranked as the report says, sorted here on its own: level and value at risk highest first,
        // then customer identifier (the timelines' order)
        java.util.List<ChurnRisk> reference = new java.util.ArrayList<>(halves.warnings());
        reference.sort(java.util.Comparator.comparing(ChurnRisk::level).reversed()
                .thenComparing(w -> w.valueAtRisk().amount(), java.util.Comparator.reverseOrder())
                .thenComparing(ChurnRisk::customerId));
        assertThat(halves.warnings()).isEqualTo(reference);
        long ties = 0;
        for (int k = 1; k < reference.size(); k++) {
            ties += reference.get(k - 1).level() == reference.get(k).level() && reference.get(k - 1).valueAtRisk()
                    .amount().compareTo(reference.get(k).valueAtRisk().amount()) == 0 ? 1 : 0;
        }
        assertThat(ties).as("warnings tied on level and value, ordered by identifier").isPositive();
    }

    @Test
    void featuresComputedInParallelRangesEqualEachCustomersOwnDays() {
        PurchaseTimelines t = PurchaseTimelines.of(CustomerBaseSimulator.builder()
                .customers(ChurnFeatures.PARALLEL_FROM + 2 * ChurnFeatures.RANGE + 123)
                .acquisition(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-12-31T00:00:00Z"))
                .observationEnd(Instant.parse("2025-12-31T00:00:00Z")).seed(5L).build().orders(),
                TimelineOptions.defaults());
        LocalDate asOf = LocalDate.of(2025, 9, 30);
        int day = (int) asOf.toEpochDay();
        ChurnModelOptions o = ChurnModelOptions.builder(asOf, 91).build();
        TransactionModel model = ParetoNbdModel.of(0.55, 10.6, 0.61, 11.7, PeriodUnit.WEEKS);
        ChurnFeatures f = ChurnFeatures.of(t, EngagementHistory.none(), day, o, model);
        Rhythms rhythms = Rhythms.of(t, day, o.rhythm());
        assertThat(f.size()).isGreaterThan(ChurnFeatures.PARALLEL_FROM);
        int w = o.declineWindowDays();
        int own = 0;
        for (int k = 0; k < f.size(); k++) {
            int i = f.rows[k];
            int from = t.offsets[i];
            int c = 0;
            while (from + c < t.offsets[i + 1] && t.days[from + c] <= day) {
                c++;
            }
            assertThat(rhythms.count[i]).as("count of %d", k).isEqualTo(c);
            assertThat(f.since[k]).as("since of %d", k).isEqualTo(day - t.days[from + c - 1]);
            // purchases per day slot: the slot's orders under the default order unit (tested against
            // the orders themselves in LifecycleProperties)
            assertThat(f.repeat[k]).isEqualTo(t.purchases(from, from + c) - 1);
            assertThat(f.age[k]).isEqualTo(day - t.days[from]);
            long revenue = 0;
            int recent = 0;
            int previous = 0;
            for (int j = from; j < from + c; j++) {
                revenue += t.values[j];
                int age = day - t.days[j];
                recent += age < w ? t.purchases(j, j + 1) : 0;
                previous += age >= w && age < 2 * w ? t.purchases(j, j + 1) : 0;
            }
            assertThat(f.revenue[k]).as("revenue of %d", k).isEqualTo(revenue);
            assertThat(f.recent[k]).isEqualTo(recent);
            assertThat(f.previous[k]).isEqualTo(previous);
            if (c - 1 >= o.rhythm().minimumGaps()) {
                int[] gaps = new int[c - 1];
                for (int j = 0; j < gaps.length; j++) {
                    gaps[j] = t.days[from + j + 1] - t.days[from + j];
                }
                Arrays.sort(gaps);
                int g = gaps.length;
                double median = (g & 1) == 1 ? gaps[g / 2] : (gaps[g / 2 - 1] + (double) gaps[g / 2]) / 2;
                assertThat(f.rhythm[k]).as("rhythm of %d", k).isEqualTo(median);
                own++;
            } else {
                assertThat(f.rhythm[k]).isEqualTo(rhythms.population);
            }
        }
        // both kinds of rhythm occur, in every range
        assertThat(own).isBetween(1, f.size() - 1);
        // the population rhythm (counted in slices of the customers at once): the R type-7 quantile
        // of every gap on or before the day, pooled and sorted here
        int[] all = new int[t.days.length];
        int gaps = 0;
        for (int i = 0; i < t.size(); i++) {
            for (int j = t.offsets[i] + 1; j < t.offsets[i] + rhythms.count[i]; j++) {
                all[gaps++] = t.days[j] - t.days[j - 1];
            }
        }
        Arrays.sort(all, 0, gaps);
        double h = (gaps - 1) * o.rhythm().populationQuantile();
        int lo = (int) Math.floor(h);
        int hi = Math.min(gaps - 1, lo + 1);
        assertThat(rhythms.population).isEqualTo(all[lo] + (h - lo) * (all[hi] - all[lo]));
    }
}
