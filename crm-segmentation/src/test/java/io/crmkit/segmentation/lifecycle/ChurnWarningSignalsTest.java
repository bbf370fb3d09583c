package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each warning signal of {@link ChurnWarning} alone (one signal is a warning), on customers built at
 * its edges: a threshold met exactly raises it, the windows' edges fall where the options say, and
 * the reasons state the numbers.
 */
class ChurnWarningSignalsTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final Currency EUR = Currency.getInstance("EUR");

    private static Instant ago(int days) {
        return AS_OF.minusDays(days).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /** Options with every signal off and one signal enough for a warning. */
    private static WarningOptions.Builder none() {
        return WarningOptions.builder(AS_OF).overdue(Optional.empty()).decline(Optional.empty())
                .complaints(Optional.empty()).satisfaction(Optional.empty()).alive(Optional.empty())
                .levels(new WarningOptions.Levels(1, 1));
    }

    private static PurchaseTimelines buys(Object... customerThenAges) {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        for (int k = 0; k < customerThenAges.length; k += 2) {
            CustomerId id = CustomerId.of((String) customerThenAges[k]);
            for (int age : (int[]) customerThenAges[k + 1]) {
                b.add(id, ago(age), OrderStatusCategory.COMPLETED, 1_000, EUR);
            }
        }
        return b.build();
    }

    private static List<Signal> signals(ChurnRiskReport report, String id) {
        return report.warningOf(CustomerId.of(id)).map(ChurnRisk::signals).orElse(List.of());
    }

    @Test
    void declineCountsTheWindowsFromTheirEdges() {
        // d1: 59 and 30 days ago in the earlier window (exactly two, the minimum), 29 in the recent one
        // d2: 60 days ago is in neither window, so the earlier one holds only 45: too few
        PurchaseTimelines t = buys("d1", new int[] {59, 30, 29}, "d2", new int[] {60, 45, 10});
        ChurnRiskReport r = ChurnWarning.score(t, EngagementHistory.none(),
                none().decline(Optional.of(new WarningOptions.Decline(30, 0.5, 0.5, 2))).build());
        List<Signal> d1 = signals(r, "d1");
        assertThat(d1).extracting(Signal::kind).containsExactly(SignalKind.FREQUENCY_DECLINE,
                SignalKind.MONETARY_DECLINE);
        assertThat(d1).extracting(Signal::observed).containsExactly(0.5, 0.5);
        assertThat(d1.get(0).reason()).startsWith("frequency down 50%: 1 ").endsWith(" in the last 30 days against 2 before");
        assertThat(d1.get(1).reason()).isEqualTo("revenue down 50% in the last 30 days against the 30 days before");
        assertThat(signals(r, "d2")).isEmpty();
        assertThat(r.assessed()).isEqualTo(2);
    }

    @Test
    void complaintsRiseWhenTheRecentWindowHasEnoughAndMoreThanTheOneBefore() {
        PurchaseTimelines t = buys("c1", new int[] {100}, "c2", new int[] {100});
        CustomerId c1 = CustomerId.of("c1");
        CustomerId c2 = CustomerId.of("c2");
        EngagementHistory.Builder e = EngagementHistory.builder(ZoneOffset.UTC);
        // c1: 0 and 29 days ago recent; 30 days ago the window before; 60 days ago in neither
        int n = 0;
        for (int age : new int[] {0, 29, 30, 60}) {
            e.add(ChurnProbabilityProperties.complaint("k" + n++, c1, AS_OF.minusDays(age)));
        }
        // c2: two recent, two before: not rising
        for (int age : new int[] {3, 4, 31, 59}) {
            e.add(ChurnProbabilityProperties.complaint("k" + n++, c2, AS_OF.minusDays(age)));
        }
        ChurnRiskReport r = ChurnWarning.score(t, e.build(),
                none().complaints(Optional.of(new WarningOptions.Complaints(30, 2))).build());
        assertThat(signals(r, "c1")).extracting(Signal::reason)
                .containsExactly("complaints rising: 2 in the last 30 days against 1 before");
        assertThat(signals(r, "c2")).isEmpty();
    }

    private static SurveyResponse survey(String id, CustomerId customer, int age, int nps) {
        return SurveyResponse.of(SurveyResponseId.of(id), customer, ago(age), SurveyScore.nps(nps),
                InteractionChannel.WEB);
    }

    @Test
    void satisfactionLooksAtTheLatestResponsesWithinTheLookBack() {
        PurchaseTimelines t = buys("s1", new int[] {100}, "s2", new int[] {100}, "s3", new int[] {100}, "s4",
                new int[] {100});
        CustomerId s1 = CustomerId.of("s1");
        CustomerId s2 = CustomerId.of("s2");
        CustomerId s3 = CustomerId.of("s3");
        CustomerId s4 = CustomerId.of("s4");
        EngagementHistory e = EngagementHistory.builder(ZoneOffset.UTC)
                // s1: 0.9 29 days ago, then 0.6 (exactly the low score, a drop of 0.3) 20 days ago
                .add(survey("r1", s1, 29, 9)).add(survey("r2", s1, 20, 6))
                // s2: a low score exactly 30 days ago, as old as the look-back: not counted
                .add(survey("r3", s2, 30, 1))
                // s3: 1.0 30 days ago (out of the look-back), 0.7 10 days ago: neither low nor a counted drop
                .add(survey("r4", s3, 30, 10)).add(survey("r5", s3, 10, 7))
                // s4: 0.9 five days ago; a 0 after the as-of date does not count
                .add(survey("r6", s4, 5, 9)).add(survey("r7", s4, -2, 0)).build();
        ChurnRiskReport r = ChurnWarning.score(t, e,
                none().satisfaction(Optional.of(new WarningOptions.Satisfaction(30, 0.6, 0.3))).build());
        assertThat(signals(r, "s1")).extracting(Signal::reason).containsExactly(
                "low satisfaction: latest score 0.60 of 1 (20 days ago)", "satisfaction falling: 0.90 to 0.60 of 1");
        assertThat(signals(r, "s2")).isEmpty();
        assertThat(signals(r, "s3")).isEmpty();
        assertThat(signals(r, "s4")).isEmpty();
    }

    @Test
    void overdueFromExactlyTheFactorTimesTheRhythm() {
        // gaps of 10 days and the last purchase 20 days ago: exactly twice the rhythm
        PurchaseTimelines t = buys("o1", new int[] {50, 40, 30, 20}, "o2", new int[] {49, 39, 29, 19});
        ChurnRiskReport r = ChurnWarning.score(t, EngagementHistory.none(),
                none().overdue(Optional.of(new WarningOptions.Overdue(2.0, RhythmOptions.defaults()))).build());
        List<Signal> o1 = signals(r, "o1");
        assertThat(o1).extracting(Signal::kind).containsExactly(SignalKind.OVERDUE);
        assertThat(o1.get(0).observed()).isEqualTo(2.0);
        assertThat(o1.get(0).reason()).startsWith("overdue: 20 days since the last purchase = 2.00 x the ")
                .endsWith(" rhythm of 10.0 days");
        assertThat(signals(r, "o2")).isEmpty();
    }
}
