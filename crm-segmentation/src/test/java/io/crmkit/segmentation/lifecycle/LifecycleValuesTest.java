package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.customer.ContactMedium;
import io.crmkit.core.customer.ContactPurpose;
import io.crmkit.core.customer.LifecycleStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle package's small value types on the edges of their rules: every bound that is
 * included is accepted and every bound that is excluded is refused, naming the field and the value;
 * levels on their cut-offs; labels and descriptions.
 */
class LifecycleValuesTest {

    private static final CustomerId C = CustomerId.of("c1");
    private static final Money ZERO = Money.parse("USD 0.00");

    @Test
    void probabilityLevelsIncludeEachCutOffInTheHigherLevel() {
        ProbabilityLevels levels = new ProbabilityLevels(0.4, 0.6, 0.8);
        assertThat(levels.of(0.0)).isEqualTo(RiskLevel.NONE);
        assertThat(levels.of(Math.nextDown(0.4))).isEqualTo(RiskLevel.NONE);
        assertThat(levels.of(0.4)).isEqualTo(RiskLevel.LOW);
        assertThat(levels.of(Math.nextDown(0.6))).isEqualTo(RiskLevel.LOW);
        assertThat(levels.of(0.6)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(levels.of(Math.nextDown(0.8))).isEqualTo(RiskLevel.MEDIUM);
        assertThat(levels.of(0.8)).isEqualTo(RiskLevel.HIGH);
        assertThat(levels.of(1.0)).isEqualTo(RiskLevel.HIGH);
        assertThat(levels.describe()).isEqualTo("levels on the probability: low >= 0.4, medium >= 0.6, high >= 0.8");
        assertThat(ProbabilityLevels.DEFAULT).isEqualTo(new ProbabilityLevels(0.5, 0.7, 0.85));
        // equal cut-offs and cut-offs of 1 are allowed: the higher level wins
        ProbabilityLevels flat = new ProbabilityLevels(1, 1, 1);
        assertThat(flat.of(1)).isEqualTo(RiskLevel.HIGH);
        assertThat(flat.of(Math.nextDown(1.0))).isEqualTo(RiskLevel.NONE);
        assertThat(new ProbabilityLevels(0.5, 0.5, 0.9).of(0.5)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(new ProbabilityLevels(Double.MIN_VALUE, 0.5, 0.5).of(0.5)).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void probabilityLevelsRefuseCutOffsOutOfOrderOrRange() {
        assertThatThrownBy(() -> new ProbabilityLevels(0, 0.5, 0.9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("low cut-off must be in (0, 1]: 0.0");
        assertThatThrownBy(() -> new ProbabilityLevels(Math.nextUp(1.0), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("low cut-off");
        assertThatThrownBy(() -> new ProbabilityLevels(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> new ProbabilityLevels(0.5, 0.4, 0.9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("medium cut-off must be in [low, 1] = [0.5, 1]: 0.4");
        assertThatThrownBy(() -> new ProbabilityLevels(0.5, Math.nextUp(1.0), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("medium cut-off");
        assertThatThrownBy(() -> new ProbabilityLevels(0.5, 0.7, 0.6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("high cut-off must be in [medium, 1] = [0.7, 1]: 0.6");
        assertThatThrownBy(() -> new ProbabilityLevels(0.5, 0.7, Math.nextUp(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("high cut-off");
    }

    @Test
    void stageThresholds() {
        StageThresholds.Fixed fixed = new StageThresholds.Fixed(1, 2);
        assertThat(fixed.describe()).isEqualTo("at risk after 1 days, churned after 2 days");
        assertThatThrownBy(() -> new StageThresholds.Fixed(0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("atRiskAfterDays must be positive: 0");
        assertThatThrownBy(() -> new StageThresholds.Fixed(5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("churnedAfterDays (5) must be greater than atRiskAfterDays (5)");
        RhythmOptions rhythm = RhythmOptions.defaults();
        StageThresholds.Relative relative = new StageThresholds.Relative(Double.MIN_VALUE, 1.5, rhythm);
        assertThat(relative.churnedFactor()).isEqualTo(1.5);
        assertThat(new StageThresholds.Relative(2, 3, rhythm).describe())
                .isEqualTo("at risk after 2.0 x rhythm, churned after 3.0 x rhythm (" + rhythm.describe() + ")");
        assertThatThrownBy(() -> new StageThresholds.Relative(0, 3, rhythm)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("atRiskFactor must be positive: 0.0");
        assertThatThrownBy(() -> new StageThresholds.Relative(2, 2, rhythm)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("churnedFactor (2.0) must be greater than atRiskFactor (2.0)");
        assertThatThrownBy(() -> new StageThresholds.Relative(Double.NaN, 3, rhythm))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atRiskFactor");
        assertThatThrownBy(() -> new StageThresholds.Relative(1, Double.POSITIVE_INFINITY, rhythm))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("churnedFactor");
        assertThatThrownBy(() -> new StageThresholds.Relative(1, 2, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("rhythm");
    }

    @Test
    void rhythmOptionsBounds() {
        assertThat(new RhythmOptions(1, 0, Double.MIN_VALUE).minimumGaps()).isEqualTo(1);
        assertThat(new RhythmOptions(1, 1, 1).populationQuantile()).isEqualTo(1.0);
        assertThat(RhythmOptions.defaults()).isEqualTo(new RhythmOptions(2, 0.5, 30));
        assertThat(RhythmOptions.defaults().describe())
                .isEqualTo("rhythm = own median gap with >= 2 gaps, else population q0.5 of gaps, else 30.0 days");
        assertThatThrownBy(() -> new RhythmOptions(0, 0.5, 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minimumGaps must be at least 1: 0");
        assertThatThrownBy(() -> new RhythmOptions(1, -0.01, 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("populationQuantile must be in [0, 1]: -0.01");
        assertThatThrownBy(() -> new RhythmOptions(1, 1.01, 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("populationQuantile must be in [0, 1]: 1.01");
        assertThatThrownBy(() -> new RhythmOptions(1, 0.5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fallbackDays must be positive: 0.0");
        assertThatThrownBy(() -> new RhythmOptions(1, 0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fallbackDays");
    }

    @Test
    void purchaseForecastKeepsItsDaysInOrder() {
        LocalDate last = LocalDate.of(2026, 1, 10);
        LocalDate next = last.plusDays(1);
        PurchaseForecast tight = new PurchaseForecast(C, last, 1, 0, 1, next, next, next);
        assertThat(tight.expectedDate()).isEqualTo(next);
        assertThat(new PurchaseForecast(C, last, 3, 1, 20, last.plusDays(20), last.plusDays(2), last.plusDays(40))
                .ownWeight()).isEqualTo(1.0);
        assertThatThrownBy(() -> new PurchaseForecast(C, last, 0, 0.5, 5, next, next, next))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gaps must be at least 1: 0");
        assertThatThrownBy(() -> new PurchaseForecast(C, last, 1, -0.1, 5, next, next, next))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ownWeight must be in [0, 1]: -0.1");
        assertThatThrownBy(() -> new PurchaseForecast(C, last, 1, 1.1, 5, next, next, next))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ownWeight must be in [0, 1]: 1.1");
        assertThatThrownBy(() -> new PurchaseForecast(C, last, 1, 0.5, 0.99, next, next, next))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expectedGapDays must be at least 1: 0.99");
        assertThatThrownBy(() -> new PurchaseForecast(C, last, 1, 0.5, Double.NaN, next, next, next))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expectedGapDays");
        // the expected day must come after the last purchase, between earliest and latest
        assertThatThrownBy(() -> new PurchaseForecast(C, last, 1, 0.5, 5, last, last, last))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("days out of order: last 2026-01-10, earliest 2026-01-10, expected 2026-01-10, latest 2026-01-10");
        assertThatThrownBy(() -> new PurchaseForecast(C, last, 1, 0.5, 5, next, next.plusDays(1), next.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("days out of order");
        assertThatThrownBy(() -> new PurchaseForecast(C, last, 1, 0.5, 5, next.plusDays(1), next, next))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("days out of order");
    }

    @Test
    void contributionsSignalsAndScores() {
        assertThat(new Contribution(ChurnFeature.RECENCY, -1, "r").amount()).isEqualTo(-1.0);
        assertThat(new Contribution(ChurnFeature.RECENCY, 1, "r").amount()).isEqualTo(1.0);
        assertThatThrownBy(() -> new Contribution(ChurnFeature.RECENCY, Math.nextUp(1.0), "r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount must be in [-1, 1]");
        assertThatThrownBy(() -> new Contribution(ChurnFeature.RECENCY, Math.nextDown(-1.0), "r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount must be in [-1, 1]");
        assertThatThrownBy(() -> new Contribution(ChurnFeature.RECENCY, 0.1, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reason must not be blank");
        assertThatThrownBy(() -> new Signal(SignalKind.OVERDUE, 1, 2, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason must not be blank");
        assertThatThrownBy(() -> new Signal(SignalKind.OVERDUE, Double.NaN, 2, "late"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observed");
        assertThatThrownBy(() -> new Signal(SignalKind.OVERDUE, 1, Double.NEGATIVE_INFINITY, "late"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");

        List<Contribution> parts = List.of(new Contribution(ChurnFeature.RECENCY, 0.005, "recency shown"),
                new Contribution(ChurnFeature.FREQUENCY, -0.005, "frequency shown"),
                new Contribution(ChurnFeature.AGE, Math.nextDown(0.005), "age hidden"));
        ChurnScore score = new ChurnScore(C, 1, RiskLevel.HIGH, ZERO, 0, parts);
        assertThat(score.reasons()).isEqualTo("recency shown; frequency shown");
        assertThat(new ChurnScore(C, 0, RiskLevel.NONE, ZERO, 1, List.of(parts.get(2))).reasons())
                .isEqualTo("no contribution of 0.01 or more");
        assertThatThrownBy(() -> new ChurnScore(C, Math.nextUp(1.0), RiskLevel.HIGH, ZERO, 0.5, parts))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("probability must be in [0, 1]");
        assertThatThrownBy(() -> new ChurnScore(C, -0.0001, RiskLevel.HIGH, ZERO, 0.5, parts))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("probability must be in [0, 1]");
        assertThatThrownBy(() -> new ChurnScore(C, Double.NaN, RiskLevel.HIGH, ZERO, 0.5, parts))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("probability");
        assertThatThrownBy(() -> new ChurnScore(C, 0.5, RiskLevel.HIGH, ZERO, -0.0001, parts))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("base must be in [0, 1]");
        assertThatThrownBy(() -> new ChurnScore(C, 0.5, RiskLevel.HIGH, ZERO, Math.nextUp(1.0), parts))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("base must be in [0, 1]");
    }

    @Test
    void churnRiskLevelMatchesItsSignals() {
        Signal late = new Signal(SignalKind.OVERDUE, 40, 30, "40 days since the last purchase");
        Signal fewer = new Signal(SignalKind.FREQUENCY_DECLINE, 1, 3, "1 purchase, was 3");
        ChurnRisk risk = new ChurnRisk(C, RiskLevel.MEDIUM, List.of(late, fewer), ZERO);
        assertThat(risk.reasons()).isEqualTo("40 days since the last purchase; 1 purchase, was 3");
        assertThat(new ChurnRisk(C, RiskLevel.NONE, List.of(), ZERO).reasons()).isEmpty();
        assertThatThrownBy(() -> new ChurnRisk(C, RiskLevel.NONE, List.of(late), ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level NONE does not fit 1 signals");
        assertThatThrownBy(() -> new ChurnRisk(C, RiskLevel.LOW, List.of(), ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level LOW does not fit 0 signals");
    }

    @Test
    void customerStagesAndLabels() {
        CustomerStage prospect = new CustomerStage(C, Stage.PROSPECT, 0, Optional.empty(), OptionalInt.empty(),
                OptionalDouble.empty(), RhythmSource.NONE, OptionalDouble.empty(), OptionalDouble.empty());
        assertThat(prospect.purchases()).isZero();
        assertThatThrownBy(() -> new CustomerStage(C, Stage.NEW, -1, Optional.empty(), OptionalInt.empty(),
                OptionalDouble.empty(), RhythmSource.NONE, OptionalDouble.empty(), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("purchases must not be negative: -1");
        assertThat(Stage.AT_RISK.label()).isEqualTo("at-risk");
        assertThat(Stage.ACTIVE.toCustomerStage()).isEqualTo(LifecycleStage.MATURE);
        for (Stage s : Stage.values()) {
            if (s != Stage.ACTIVE) {
                assertThat(s.toCustomerStage().name()).isEqualTo(s.name());
            }
        }
        assertThat(SignalKind.LOW_P_ALIVE.label()).isEqualTo("low-p-alive");
        assertThat(RiskLevel.MEDIUM.label()).isEqualTo("medium");
        assertThat(ChurnFeature.FREQUENCY_DECLINE.label()).isEqualTo("frequency-decline");
        assertThat(ChurnFeature.FREQUENCY.direction()).isEqualTo(-1);
        assertThat(ChurnFeature.AGE.direction()).isZero();
        assertThat(ChurnFeature.COMPLAINTS.direction()).isEqualTo(1);
    }

    @Test
    void valuesAtRiskAndDueLists() {
        assertThat(ValueAtRisk.pastRevenue().describe()).isEqualTo("past revenue");
        ValueAtRisk supplied = ValueAtRisk.supplied(Map.of(C, Money.parse("USD 12.00"), CustomerId.of("c2"), ZERO));
        assertThat(supplied.describe()).isEqualTo("supplied values for 2 customers (others 0)");
        // the text shows the count, not the amounts
        assertThat(supplied.toString()).isEqualTo("Supplied[2 customers]");
        LocalDate from = LocalDate.of(2026, 3, 1);
        Instant consentAt = Instant.parse("2026-03-01T00:00:00Z");
        DueList list = new DueList(from, from, ContactMedium.EMAIL, ContactPurpose.MARKETING, consentAt, List.of(), 2, 0);
        assertThat(list.describe()).isEqualTo("due 2026-03-01 to 2026-03-01 (expected day, both included); consent for"
                + " email marketing at 2026-03-01T00:00:00Z; 2 left out without consent, 0 unknown");
        assertThatThrownBy(() -> new DueList(from, from.minusDays(1), ContactMedium.EMAIL, ContactPurpose.MARKETING,
                consentAt, List.of(), 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to 2026-02-28 must not be before from 2026-03-01");
        assertThatThrownBy(() -> new DueList(from, from, ContactMedium.EMAIL, ContactPurpose.MARKETING, consentAt,
                List.of(), -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts must not be negative: withoutConsent -1, unknown 0");
        assertThatThrownBy(() -> new DueList(from, from, ContactMedium.EMAIL, ContactPurpose.MARKETING, consentAt,
                List.of(), 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts must not be negative: withoutConsent 0, unknown -1");
    }

    @Test
    void fixedDecimalsRoundHalfUp() {
        assertThat(Numbers.fixed(new StringBuilder("p="), 0.125, 2).toString()).isEqualTo("p=0.13");
        assertThat(Numbers.fixed(new StringBuilder(), -0.125, 2).toString()).isEqualTo("-0.13");
        assertThat(Numbers.fixed(new StringBuilder(), 2, 1).toString()).isEqualTo("2.0");
        assertThat(Numbers.fixed(new StringBuilder(), 1e-9, 3).toString()).isEqualTo("0.000");
    }
}
