package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The churn probability's backtest on the CDNOW sample (issue 15). */
class ChurnCdnowTest {

    static final List<LocalDate> SPLITS = List.of(LocalDate.of(1997, 9, 30), LocalDate.of(1997, 10, 31),
            LocalDate.of(1997, 12, 15));
    static PurchaseTimelines cdnow;

    @BeforeAll
    static void load() throws Exception {
        CdnowBacktestTest.load();
        cdnow = CdnowBacktestTest.cdnow;
    }

    static void print(ChurnBacktestReport r) {
        for (ChurnBacktestReport.Split s : r.splits()) {
            System.out.println("SPLIT " + s.split() + " worst decile gap " + s.worstDecileGap());
            System.out.println("  " + s.model().substring(s.model().indexOf("trained on")));
            for (var c : s.overall()) {
                System.out.println("  all    " + c);
            }
            for (var c : s.active()) {
                System.out.println("  active " + c);
            }
            for (int d = 0; d < 10; d++) {
                var c = s.calibration().get(d);
                var mc = s.modelCalibration().get(d);
                System.out.printf("  D%d %.3f %.3f | model %.3f %.3f%n", d + 1, c.meanPredicted(), c.observed(),
                        mc.meanPredicted(), mc.observed());
            }
        }
    }

    /**
     * Measured (26-week horizon, trained 26 weeks before each split): overall AUC 0.784 / 0.792 /
     * 0.800 against model-only 0.776 / 0.786 / 0.787, recency 0.773 / 0.785 / 0.791, P(alive)
     * 0.725 / 0.734 / 0.732; among the active (bought in the last 90 days) 0.730 / 0.731 / 0.687
     * against model-only 0.734 / 0.733 / 0.693 (not beaten: within 0.01), recency 0.639 / 0.624 /
     * 0.559; worst decile gap 0.063 / 0.119 / 0.083 (the 0.05 target is not met on this
     * single-cohort sample: the training date sees a younger base than the split).
     *
     * <p>RELAXED: issue 15's "Done when" asks the probability to beat every baseline also among the
     * active and a worst decile gap of at most 0.05. Neither is met here; this test asserts the
     * weaker targets in its name so that a regression below them fails, not that the issue is done.
     * Why they are not met, measured cause by cause: {@link ChurnCdnowDiagnosisTest} and ADR 0041.
     */
    @Test
    void relaxedTargetsNotTheIssues_beatsEveryBaselineOverall_activeBeatsRecencyAndPAliveButOnlyWithin0_01OfModelOnly_worstDecileGapAtMost0_13() {
        ChurnBacktestReport r = ChurnBacktest.run(cdnow, EngagementHistory.none(),
                ChurnModelOptions.builder(SPLITS.get(0), 182).build(), SPLITS, 90, 0.1);
        print(r);
        assertThat(r.splits()).hasSize(3);
        for (ChurnBacktestReport.Split s : r.splits()) {
            double p = s.overall(ChurnBacktest.PROBABILITY).orElseThrow().auc();
            double active = s.active(ChurnBacktest.PROBABILITY).orElseThrow().auc();
            for (String b : List.of(ChurnBacktest.RECENCY, ChurnBacktest.P_ALIVE, ChurnBacktest.MODEL_ONLY)) {
                assertThat(p).as("%s overall against %s", s.split(), b).isGreaterThan(s.overall(b).orElseThrow().auc());
            }
            assertThat(active).as("%s active against recency", s.split())
                    .isGreaterThan(s.active(ChurnBacktest.RECENCY).orElseThrow().auc() + 0.05);
            assertThat(active).as("%s active against P(alive)", s.split())
                    .isGreaterThan(s.active(ChurnBacktest.P_ALIVE).orElseThrow().auc() + 0.05);
            // RELAXED (issue target: beat model-only): measured 0.730 vs 0.734, 0.731 vs 0.733, 0.687 vs 0.693
            assertThat(active).as("%s active against model-only", s.split())
                    .isGreaterThan(s.active(ChurnBacktest.MODEL_ONLY).orElseThrow().auc() - 0.01);
            // RELAXED (issue target: 0.05): measured 0.063 / 0.119 / 0.083
            assertThat(s.worstDecileGap()).as("%s worst decile", s.split()).isLessThanOrEqualTo(0.13);
            assertThat(s.overall(ChurnBacktest.PROBABILITY).orElseThrow().brier().getAsDouble()).isLessThan(0.15);
            assertThat(s.calibration()).hasSize(10);
            assertThat(s.calibration().stream().mapToInt(ChurnBacktestReport.Decile::customers).sum()).isEqualTo(2357);
        }
    }
}
