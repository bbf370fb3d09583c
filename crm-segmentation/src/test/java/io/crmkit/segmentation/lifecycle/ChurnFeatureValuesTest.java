package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CustomerId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScore;
import io.crmkit.metrics.clv.ParetoNbdModel;
import io.crmkit.metrics.clv.TransactionModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The churn features of customers worked by hand: the two decline windows with their edges (a
 * purchase exactly one window old is in the earlier window, one exactly two windows old in
 * neither), the least purchase days the earlier window needs, a monetary decline only when the
 * earlier window had value, the complaint window and the survey look-back with their edges.
 */
class ChurnFeatureValuesTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final int DAY = (int) AS_OF.toEpochDay();
    private static final java.util.Currency EUR = java.util.Currency.getInstance("EUR");
    private static final TransactionModel MODEL = ParetoNbdModel.of(0.55, 10.6, 0.61, 11.7, PeriodUnit.WEEKS);

    private static Instant ago(int days) {
        return AS_OF.minusDays(days).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static double value(ChurnFeatures f, ChurnFeature feature, int k) {
        return f.value[feature.ordinal()][k];
    }

    @Test
    void declineWindowsCountPurchasesByAgeWithTheirEdges() {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        CustomerId a = CustomerId.of("a");
        // ages 61 and 60: in neither window; 59, 40 and 30: the earlier one; 29: the recent one
        int[] ages = {61, 60, 59, 40, 30, 29};
        long[] cents = {7_000, 9_000, 1_000, 2_000, 3_000, 500};
        for (int k = 0; k < ages.length; k++) {
            b.add(a, ago(ages[k]), OrderStatusCategory.COMPLETED, cents[k], EUR);
        }
        // earlier-window purchases without value: no monetary decline
        CustomerId z = CustomerId.of("z");
        b.add(z, ago(45), OrderStatusCategory.COMPLETED, 0, EUR);
        b.add(z, ago(35), OrderStatusCategory.COMPLETED, 0, EUR);
        b.add(z, ago(35 + 1), OrderStatusCategory.COMPLETED, 0, EUR);
        b.add(z, ago(3), OrderStatusCategory.COMPLETED, 800, EUR);
        PurchaseTimelines t = b.build();

        ChurnModelOptions three = ChurnModelOptions.builder(AS_OF, 91).decline(30, 3).build();
        ChurnFeatures f = ChurnFeatures.of(t, EngagementHistory.none(), DAY, three, MODEL);
        int ka = f.indexOfRow[t.indexOf(a).orElseThrow()];
        assertThat(f.recent[ka]).isEqualTo(1);
        assertThat(f.previous[ka]).isEqualTo(3);
        assertThat(f.revenue[ka]).isEqualTo(22_500);
        assertThat(f.since[ka]).isEqualTo(29);
        assertThat(f.age[ka]).isEqualTo(61);
        assertThat(value(f, ChurnFeature.FREQUENCY_DECLINE, ka)).isCloseTo(1 - 1 / 3.0, within(1e-12));
        assertThat(value(f, ChurnFeature.MONETARY_DECLINE, ka)).isCloseTo(1 - 500 / 6_000.0, within(1e-12));
        assertThat(value(f, ChurnFeature.RECENCY, ka)).isEqualTo(Math.log1p(29));
        assertThat(value(f, ChurnFeature.AGE, ka)).isEqualTo(Math.log1p(61));
        assertThat(value(f, ChurnFeature.FREQUENCY, ka)).isEqualTo(Math.log1p(5));
        assertThat(value(f, ChurnFeature.VALUE, ka)).isEqualTo(Math.log1p(22_500));
        assertThat(value(f, ChurnFeature.OVERDUE, ka)).isEqualTo(Math.log1p(29 / f.rhythm[ka]));
        double q = Math.min(1 - 1e-6, Math.max(1e-6, f.modelProbability[ka]));
        assertThat(value(f, ChurnFeature.MODEL, ka)).isCloseTo(Math.log(q / (1 - q)), within(1e-12));

        int kz = f.indexOfRow[t.indexOf(z).orElseThrow()];
        assertThat(f.previous[kz]).isEqualTo(3);
        assertThat(value(f, ChurnFeature.FREQUENCY_DECLINE, kz)).isCloseTo(1 - 1 / 3.0, within(1e-12));
        assertThat(value(f, ChurnFeature.MONETARY_DECLINE, kz)).isZero();

        // four earlier purchase days needed: no decline features at all
        ChurnModelOptions four = ChurnModelOptions.builder(AS_OF, 91).decline(30, 4).build();
        ChurnFeatures g = ChurnFeatures.of(t, EngagementHistory.none(), DAY, four, MODEL);
        assertThat(value(g, ChurnFeature.FREQUENCY_DECLINE, ka)).isZero();
        assertThat(value(g, ChurnFeature.MONETARY_DECLINE, ka)).isZero();
    }

    @Test
    void moreRecentThanEarlierPurchasesClampTheDeclineAtMinusOne() {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        CustomerId c = CustomerId.of("c");
        b.add(c, ago(50), OrderStatusCategory.COMPLETED, 100, EUR);
        for (int age : new int[] {20, 15, 10, 5}) {
            b.add(c, ago(age), OrderStatusCategory.COMPLETED, 1_000, EUR);
        }
        PurchaseTimelines t = b.build();
        ChurnFeatures f = ChurnFeatures.of(t, EngagementHistory.none(), DAY,
                ChurnModelOptions.builder(AS_OF, 91).decline(30, 1).build(), MODEL);
        assertThat(value(f, ChurnFeature.FREQUENCY_DECLINE, 0)).isEqualTo(-1);
        assertThat(value(f, ChurnFeature.MONETARY_DECLINE, 0)).isEqualTo(-1);
    }

    @Test
    void complaintsAndTheLatestSurveyCountWithinTheirWindows() {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        CustomerId in = CustomerId.of("in");
        CustomerId edge = CustomerId.of("edge");
        CustomerId late = CustomerId.of("late");
        for (CustomerId id : new CustomerId[] {in, edge, late}) {
            b.add(id, ago(100), OrderStatusCategory.COMPLETED, 1_000, EUR);
        }
        PurchaseTimelines t = b.build();
        LocalDate d = AS_OF;
        EngagementHistory.Builder e = EngagementHistory.builder(ZoneOffset.UTC);
        // a 20-day complaint window leaves out its start: of complaints 20 days ago, 19 days ago and
        // today, the last two count
        e.add(ChurnProbabilityProperties.complaint("k1", in, d.minusDays(20)));
        e.add(ChurnProbabilityProperties.complaint("k2", in, d.minusDays(19)));
        e.add(ChurnProbabilityProperties.complaint("k3", in, d));
        // surveys: the latest on or before the day counts when younger than the look-back
        e.add(SurveyResponse.of(SurveyResponseId.of("s1"), in, ago(40), SurveyScore.nps(2), InteractionChannel.WEB));
        e.add(SurveyResponse.of(SurveyResponseId.of("s2"), in, ago(29), SurveyScore.nps(7), InteractionChannel.WEB));
        e.add(SurveyResponse.of(SurveyResponseId.of("s3"), in, ago(-1), SurveyScore.nps(0), InteractionChannel.WEB));
        e.add(SurveyResponse.of(SurveyResponseId.of("s4"), edge, ago(30), SurveyScore.nps(1), InteractionChannel.WEB));
        e.add(SurveyResponse.of(SurveyResponseId.of("s5"), late, ago(-3), SurveyScore.nps(1), InteractionChannel.WEB));
        ChurnModelOptions o = ChurnModelOptions.builder(AS_OF, 91).complaintWindowDays(20).surveyLookbackDays(30)
                .build();
        ChurnFeatures f = ChurnFeatures.of(t, e.build(), DAY, o, MODEL);
        int ki = f.indexOfRow[t.indexOf(in).orElseThrow()];
        int ke = f.indexOfRow[t.indexOf(edge).orElseThrow()];
        int kl = f.indexOfRow[t.indexOf(late).orElseThrow()];
        assertThat(f.complaints[ki]).isEqualTo(2);
        assertThat(value(f, ChurnFeature.COMPLAINTS, ki)).isEqualTo(2);
        assertThat(f.score[ki]).isEqualTo(SurveyScore.nps(7).normalised());
        assertThat(value(f, ChurnFeature.DISSATISFACTION, ki)).isEqualTo(1 - SurveyScore.nps(7).normalised());
        // a response exactly as old as the look-back no longer counts
        assertThat(f.score[ke]).isEqualTo(-1);
        assertThat(value(f, ChurnFeature.DISSATISFACTION, ke)).isZero();
        // a response after the day does not count either
        assertThat(f.score[kl]).isEqualTo(-1);
        assertThat(f.complaints[kl]).isZero();
    }
}
