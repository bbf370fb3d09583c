package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.customer.ConsentRecord;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ContactMedium;
import io.crmkit.core.customer.ContactPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.port.memory.InMemoryCustomerRepository;
import io.crmkit.core.service.CaseType;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate D0 = LocalDate.of(2025, 1, 1);
    static final StageThresholds.Fixed FIXED = new StageThresholds.Fixed(30, 90);

    static Instant at(int day) {
        return D0.plusDays(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /** Purchases per customer as day offsets from D0, 10.00 EUR each. */
    static PurchaseTimelines timelines(Object... customerThenDays) {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        for (int k = 0; k < customerThenDays.length; k += 2) {
            CustomerId id = CustomerId.of((String) customerThenDays[k]);
            b.customer(id);
            for (int day : (int[]) customerThenDays[k + 1]) {
                b.add(id, at(day), OrderStatusCategory.COMPLETED, 1_000, EUR);
            }
        }
        return b.build();
    }

    static Stage stage(PurchaseTimelines t, String id, int asOf, StageThresholds thresholds) {
        return Lifecycle.assign(t, new StageOptions(D0.plusDays(asOf), thresholds)).stageOf(CustomerId.of(id))
                .orElseThrow();
    }

    @Test
    void fixedThresholdsWalkThroughEveryStage() {
        PurchaseTimelines t = timelines("a", new int[] {0, 10, 20, 200}, "p", new int[] {});
        assertThat(stage(t, "a", -1, FIXED)).isEqualTo(Stage.PROSPECT);
        assertThat(stage(t, "a", 5, FIXED)).isEqualTo(Stage.NEW);
        assertThat(stage(t, "a", 25, FIXED)).isEqualTo(Stage.ACTIVE);
        assertThat(stage(t, "a", 50, FIXED)).isEqualTo(Stage.ACTIVE); // 30 days since: not beyond 30
        assertThat(stage(t, "a", 51, FIXED)).isEqualTo(Stage.AT_RISK);
        assertThat(stage(t, "a", 111, FIXED)).isEqualTo(Stage.CHURNED);
        assertThat(stage(t, "a", 200, FIXED)).isEqualTo(Stage.REACTIVATED);
        assertThat(stage(t, "a", 231, FIXED)).isEqualTo(Stage.AT_RISK);
        assertThat(stage(t, "p", 231, FIXED)).isEqualTo(Stage.PROSPECT);
    }

    @Test
    void relativeThresholdsFollowEachCustomersOwnRhythm() {
        StageThresholds rhythm = new StageThresholds.Relative(1.5, 3, new RhythmOptions(2, 0.5, 30));
        PurchaseTimelines t = timelines("weekly", new int[] {0, 7, 14, 21}, "monthly", new int[] {0, 30, 60, 90},
                "once", new int[] {80});
        // 12 days after the last purchase: overdue for the weekly buyer, on time for the monthly one
        assertThat(stage(t, "weekly", 33, rhythm)).isEqualTo(Stage.AT_RISK);
        assertThat(stage(t, "monthly", 102, rhythm)).isEqualTo(Stage.ACTIVE);
        // the one-time buyer falls back to the population median gap (7, 7, 7, 30, 30, 30 -> 18.5 days)
        LifecycleReport report = Lifecycle.assign(t, new StageOptions(D0.plusDays(110), rhythm));
        CustomerStage once = report.customer(t.indexOf(CustomerId.of("once")).orElseThrow());
        assertThat(once.rhythmSource()).isEqualTo(RhythmSource.POPULATION);
        assertThat(once.rhythmDays()).hasValue(18.5);
        assertThat(once.atRiskAfterDays()).hasValue(27.75);
        assertThat(once.stage()).isEqualTo(Stage.AT_RISK);
        assertThat(once.daysSinceLastPurchase()).hasValue(30);
    }

    @Test
    void nobodyWithAGapUsesTheFallback() {
        StageThresholds rhythm = new StageThresholds.Relative(1, 2, new RhythmOptions(1, 0.5, 45));
        PurchaseTimelines t = timelines("x", new int[] {0}, "y", new int[] {5});
        LifecycleReport report = Lifecycle.assign(t, new StageOptions(D0.plusDays(50), rhythm));
        assertThat(report.customer(0).rhythmSource()).isEqualTo(RhythmSource.FALLBACK);
        assertThat(report.customer(0).stage()).isEqualTo(Stage.AT_RISK);
        assertThat(report.customer(1).stage()).isEqualTo(Stage.NEW);
        assertThat(report.definitions()).contains("as of 2025-02-20").contains("else 45.0 days");
    }

    @Test
    void transitionsListTheCustomersWhoChanged() {
        PurchaseTimelines t = timelines("a", new int[] {0, 10}, "b", new int[] {0, 100}, "c", new int[] {105});
        StageTransitions tr = StageTransitions.between(t, new StageOptions(D0.plusDays(20), FIXED), D0.plusDays(110));
        assertThat(tr.changes()).containsExactly(
                new StageTransitions.Change(CustomerId.of("a"), Stage.ACTIVE, Stage.CHURNED),
                new StageTransitions.Change(CustomerId.of("b"), Stage.NEW, Stage.REACTIVATED),
                new StageTransitions.Change(CustomerId.of("c"), Stage.PROSPECT, Stage.NEW));
        assertThat(tr.into(Stage.CHURNED)).hasSize(1);
        assertThatThrownBy(() -> StageTransitions.between(t, new StageOptions(D0.plusDays(20), FIXED), D0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secondAsOf 2025-01-01");
    }

    @Test
    void warningExplainsEverySignalWithItsNumbers() {
        PurchaseTimelines t = timelines("a", new int[] {0, 10, 20, 30, 40, 50, 60, 100}, "b", new int[] {110, 120});
        CustomerId a = CustomerId.of("a");
        EngagementHistory engagement = EngagementHistory.builder(ZoneOffset.UTC)
                .add(ServiceCase.builder(ServiceCaseId.of("s1"), a, CaseType.COMPLAINT, InteractionChannel.EMAIL, at(110))
                        .build())
                .add(ServiceCase.builder(ServiceCaseId.of("s2"), a, CaseType.QUESTION, InteractionChannel.EMAIL, at(111))
                        .build())
                .add(SurveyResponse.of(SurveyResponseId.of("r1"), a, at(20), SurveyScore.nps(9), InteractionChannel.WEB))
                .add(SurveyResponse.of(SurveyResponseId.of("r2"), a, at(112), SurveyScore.nps(3), InteractionChannel.WEB))
                .build();
        WarningOptions options = WarningOptions.builder(D0.plusDays(125))
                .decline(Optional.of(new WarningOptions.Decline(60, 0.5, 0.5, 2))).build();
        ChurnRiskReport report = ChurnWarning.score(t, engagement, options);
        ChurnRisk risk = report.warningOf(a).orElseThrow();
        assertThat(risk.signals()).extracting(Signal::kind).containsExactly(SignalKind.OVERDUE,
                SignalKind.FREQUENCY_DECLINE, SignalKind.MONETARY_DECLINE, SignalKind.RISING_COMPLAINTS,
                SignalKind.LOW_SATISFACTION, SignalKind.FALLING_SATISFACTION);
        assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
        // own median gap 10 days, 25 days since the last purchase
        assertThat(risk.signals().get(0).observed()).isEqualTo(2.5);
        assertThat(risk.reasons()).contains("25 days since the last purchase = 2.50 x the own rhythm of 10.0 days")
                .contains("1 purchase in the last 60 days against 6 before")
                .contains("complaints rising: 1 in the last 90 days against 0 before")
                .contains("latest score 0.30").contains("0.90 to 0.30");
        assertThat(risk.valueAtRisk().toMinorUnits()).isEqualTo(8_000);
        assertThat(report.levelOf(CustomerId.of("b"))).hasValue(RiskLevel.NONE);
        assertThat(report.warnings()).containsExactly(risk);
        assertThat(report.counts().get(RiskLevel.HIGH)).isEqualTo(1);
        assertThat(report.definitions()).contains("overdue at >= 2.0 x rhythm");
    }

    @Test
    void warningsAreRankedByLevelThenValueAtRisk() {
        PurchaseTimelines t = timelines("a", new int[] {0}, "b", new int[] {0}, "c", new int[] {0, 1});
        WarningOptions options = WarningOptions.builder(D0.plusDays(400))
                .valueAtRisk(ValueAtRisk.supplied(java.util.Map.of(CustomerId.of("b"),
                        io.crmkit.core.Money.of("99.00", "EUR")))).build();
        List<ChurnRisk> ranked = ChurnWarning.score(t, EngagementHistory.none(), options).warnings();
        assertThat(ranked).extracting(r -> r.customerId().toString()).containsExactly("b", "a", "c");
        assertThat(ranked.get(1).valueAtRisk().isZero()).isTrue();
    }

    @Test
    void dueListKeepsOnlyCustomersWhoseConsentPermits() {
        PurchaseTimelines t = timelines("yes", new int[] {0, 10, 20}, "no", new int[] {0, 10, 20},
                "ghost", new int[] {0, 10, 20}, "late", new int[] {0, 100});
        NextPurchaseReport forecast = NextPurchase.forecast(t, new ForecastOptions(D0.plusDays(22), 0.8));
        Instant created = at(-100);
        Customer yes = Customer.builder(CustomerId.of("yes"), PartyKind.PERSON, "Ann Example", created)
                .consent(Consent.of(ConsentRecord.of(ContactMedium.EMAIL, ContactPurpose.REMINDERS,
                        ConsentStatus.GRANTED, created))).build();
        Customer no = Customer.builder(CustomerId.of("no"), PartyKind.PERSON, "Bob Example", created)
                .consent(Consent.of(ConsentRecord.of(ContactMedium.SMS, ContactPurpose.REMINDERS,
                        ConsentStatus.GRANTED, created))).build();
        DueList due = DueList.of(forecast, D0.plusDays(25), D0.plusDays(40),
                InMemoryCustomerRepository.of(List.of(yes, no)), ContactMedium.EMAIL, ContactPurpose.REMINDERS, at(25));
        assertThat(due.due()).extracting(f -> f.customerId().toString()).containsExactly("yes");
        assertThat(due.due().get(0).expectedDate()).isEqualTo(D0.plusDays(30));
        assertThat(due.withoutConsent()).isEqualTo(1);
        assertThat(due.unknown()).isEqualTo(1);
        assertThat(due.describe()).contains("1 left out without consent").doesNotContain("Ann");
    }

    @Test
    void forecastShrinksFewGapsTowardsThePopulation() {
        PurchaseTimelines t = timelines("steady", new int[] {0, 10, 20, 30, 40, 50, 60, 70, 80}, "once",
                new int[] {0, 40}, "other", new int[] {0, 9, 21, 30, 41, 50});
        NextPurchaseReport r = NextPurchase.forecast(t, new ForecastOptions(D0.plusDays(40), 0.9));
        PurchaseForecast steady = r.forecastOf(CustomerId.of("steady")).orElseThrow();
        PurchaseForecast once = r.forecastOf(CustomerId.of("once")).orElseThrow();
        assertThat(steady.gaps()).isEqualTo(4);
        assertThat(steady.expectedDate()).isEqualTo(D0.plusDays(50));
        // one gap of 40 days, shrunk towards the population's ~10-day rhythm
        assertThat(once.ownWeight()).isLessThan(steady.ownWeight());
        assertThat(once.expectedGapDays()).isLessThan(40);
        assertThat(r.forecastOf(CustomerId.of("nobody"))).isEmpty();
        assertThat(r.definitions()).contains("90.0% interval");
    }

    @Test
    void degenerateInputsGiveDefinedResults() {
        PurchaseTimelines empty = PurchaseTimelines.builder(TimelineOptions.defaults()).build();
        assertThat(Lifecycle.assign(empty, new StageOptions(D0, FIXED)).size()).isZero();
        assertThat(NextPurchase.forecast(empty, new ForecastOptions(D0, 0.8)).forecasts()).isEmpty();
        assertThat(ChurnWarning.score(empty, EngagementHistory.none(), WarningOptions.builder(D0).build())
                .assessed()).isZero();
        PurchaseTimelines single = timelines("solo", new int[] {3});
        assertThat(stage(single, "solo", 3, FIXED)).isEqualTo(Stage.NEW);
        assertThat(NextPurchase.forecast(single, new ForecastOptions(D0.plusDays(3), 0.8)).forecasts()).isEmpty();
        assertThatThrownBy(() -> single.btyd(D0, io.crmkit.core.history.PeriodUnit.WEEKS))
                .hasMessageContaining("nobody bought on or before 2025-01-01");
        // every gap equal: no spread, the interval is a point
        PurchaseTimelines regular = timelines("r", new int[] {0, 7, 14});
        PurchaseForecast f = NextPurchase.forecast(regular, new ForecastOptions(D0.plusDays(14), 0.8)).forecasts()
                .get(0);
        assertThat(f.earliest()).isEqualTo(f.latest()).isEqualTo(D0.plusDays(21));
    }

    @Test
    void badOptionsNameTheFieldAndValue() {
        assertThatThrownBy(() -> new StageThresholds.Fixed(30, 30)).hasMessageContaining("churnedAfterDays (30)");
        assertThatThrownBy(() -> new RhythmOptions(0, 0.5, 30)).hasMessageContaining("minimumGaps must be at least 1: 0");
        assertThatThrownBy(() -> new WarningOptions.Overdue(0.5, RhythmOptions.defaults()))
                .hasMessageContaining("0.5");
        assertThatThrownBy(() -> new ForecastOptions(D0, 1)).hasMessageContaining("intervalLevel must be in (0, 1): 1.0");
        assertThatThrownBy(() -> new WarningOptions.Levels(3, 2)).hasMessageContaining("highAt (2)");
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        assertThatThrownBy(() -> b.add(CustomerId.of("z"), at(0), OrderStatusCategory.COMPLETED, -5, EUR))
                .hasMessageContaining("-5");
        b.add(CustomerId.of("z"), at(0), OrderStatusCategory.COMPLETED, 5, EUR);
        assertThatThrownBy(() -> b.add(CustomerId.of("z"), at(1), OrderStatusCategory.COMPLETED, 5,
                Currency.getInstance("USD"))).isInstanceOf(io.crmkit.core.CurrencyMismatchException.class);
        assertThatThrownBy(() -> LifecycleBacktest.run(timelines("a", new int[] {0}), EngagementHistory.none(),
                WarningOptions.builder(D0).build(), RiskLevel.NONE, new ForecastOptions(D0, 0.8), D0, 10))
                .hasMessageContaining("listLevel");
    }

    @Test
    void voidOrdersAndPlacementsAfterTheAsOfDoNotCount() {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        b.add(CustomerId.of("v"), at(0), OrderStatusCategory.VOID, 100, EUR);
        b.add(CustomerId.of("v"), at(5), OrderStatusCategory.COMPLETED, 100, EUR);
        b.add(CustomerId.of("v"), at(5), OrderStatusCategory.COMPLETED, 50, EUR);
        PurchaseTimelines t = b.build();
        assertThat(t.purchaseDays(0)).containsExactly(D0.plusDays(5));
        assertThat(t.purchaseValue(0, 0).toMinorUnits()).isEqualTo(150);
        assertThat(t.ordersSeen()).isEqualTo(3);
        assertThat(t.ordersCounted()).isEqualTo(2);
        assertThat(t.toString()).contains("1 customers");
    }
}
