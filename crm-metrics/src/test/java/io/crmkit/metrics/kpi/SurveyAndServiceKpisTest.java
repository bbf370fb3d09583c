package io.crmkit.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CustomerId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.service.CaseStatus;
import io.crmkit.core.service.CaseStatusCategory;
import io.crmkit.core.service.CaseType;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.service.SlaTargets;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScale;
import io.crmkit.core.survey.SurveyScore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SurveyAndServiceKpisTest {

    private static final PeriodGrid JAN_FEB = PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28));

    @Test
    void npsWithItsMarginOfError() {
        // 5 promoters, 3 passives, 2 detractors: NPS = 30
        ScoreSummary s = ScoreSummary.of(SurveyScale.NPS, 10, 9, 9, 10, 9, 8, 7, 7, 3, 6);
        assertThat(s.nps()).hasValue(30.0);
        double se = Math.sqrt((0.5 * 0.5 + 0.2 * 0.8 + 2 * 0.5 * 0.2) / 10);
        assertThat(s.npsMarginOfError(1.96).getAsDouble()).isCloseTo(100 * 1.96 * se, within(1e-12));
        assertThat(s.mean()).hasValue(7.8);
        assertThat(ScoreSummary.of(SurveyScale.NPS).nps()).isEmpty();
        assertThatThrownBy(() -> ScoreSummary.of(SurveyScale.CSAT, 5).nps()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CSAT");
    }

    @Test
    void csatTopTwoBoxAndCes() {
        ScoreSummary csat = ScoreSummary.of(SurveyScale.CSAT, 5, 4, 4, 3, 1);
        assertThat(csat.topBoxShare(2)).hasValue(0.6);
        ScoreSummary ces = ScoreSummary.of(SurveyScale.CES, 7, 5, 2, 6);
        assertThat(ces.topBoxShare(3)).hasValue(0.75);
        assertThatThrownBy(() -> ScoreSummary.of(SurveyScale.CSAT, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6");
    }

    @Test
    void surveySeriesSplitsByPeriodAndScale() {
        CustomerId c = CustomerId.of("c");
        List<SurveyResponse> responses = List.of(
                SurveyResponse.of(SurveyResponseId.of("1"), c, Instant.parse("2026-01-03T00:00:00Z"), SurveyScore.nps(10),
                        InteractionChannel.EMAIL),
                SurveyResponse.of(SurveyResponseId.of("2"), c, Instant.parse("2026-02-03T00:00:00Z"), SurveyScore.nps(0),
                        InteractionChannel.EMAIL),
                SurveyResponse.of(SurveyResponseId.of("3"), c, Instant.parse("2026-02-04T00:00:00Z"), SurveyScore.csat(5),
                        InteractionChannel.WECHAT),
                SurveyResponse.of(SurveyResponseId.of("4"), c, Instant.parse("2026-03-04T00:00:00Z"), SurveyScore.nps(9),
                        InteractionChannel.WECHAT));
        List<SurveyKpis.PeriodSurveyKpis> series = SurveyKpis.series(responses.stream(), JAN_FEB);
        assertThat(series).hasSize(2);
        assertThat(series.get(0).nps().nps()).hasValue(100.0);
        assertThat(series.get(1).nps().nps()).hasValue(-100.0);
        assertThat(series.get(1).csat().responses()).isEqualTo(1);
        assertThat(SurveyKpis.responseRate(30, 120)).hasValue(0.25);
        assertThat(SurveyKpis.responseRate(0, 0)).isEmpty();
    }

    @Test
    void serviceKpisPerPeriod() {
        CustomerId c = CustomerId.of("c");
        SlaTargets sla = SlaTargets.of(Duration.ofHours(1), Duration.ofHours(48));
        Instant jan10 = Instant.parse("2026-01-10T09:00:00Z");
        ServiceCase fast = ServiceCase.builder(ServiceCaseId.of("1"), c, CaseType.QUESTION, InteractionChannel.CHAT, jan10)
                .sla(sla).firstResponseAt(jan10.plus(Duration.ofMinutes(10))).resolvedAt(jan10.plus(Duration.ofHours(5)))
                .status(CaseStatus.RESOLVED).build();
        ServiceCase slow = ServiceCase.builder(ServiceCaseId.of("2"), c, CaseType.COMPLAINT, InteractionChannel.PHONE,
                        jan10.plusSeconds(60)).sla(sla).firstResponseAt(jan10.plus(Duration.ofHours(3)))
                .closedAt(Instant.parse("2026-02-15T00:00:00Z")).status(CaseStatus.CLOSED).build();
        ServiceCase open = ServiceCase.builder(ServiceCaseId.of("3"), c, CaseType.COMPLAINT, InteractionChannel.WECHAT,
                Instant.parse("2026-02-27T00:00:00Z")).sla(sla).status(CaseStatus.WAITING).build();
        Instant asOf = Instant.parse("2026-02-27T00:30:00Z");
        ServiceKpis.ServiceKpiReport r = ServiceKpis.compute(Stream.of(fast, slow, open), JAN_FEB, asOf);
        ServiceKpis.PeriodServiceKpis jan = r.periods().get(0);
        assertThat(jan.opened()).isEqualTo(2);
        assertThat(jan.complaints()).isEqualTo(1);
        assertThat(jan.firstResponseSla().met()).isEqualTo(1);
        assertThat(jan.firstResponseSla().breached()).isEqualTo(1);
        assertThat(jan.firstResponseSla().compliance()).hasValue(0.5);
        assertThat(jan.resolutionSla().breached()).isEqualTo(1);
        assertThat(jan.firstResponseTime().p50()).contains(Duration.ofMillis((10 * 60_000 + 3 * 3_600_000 - 60_000) / 2));
        assertThat(jan.backlogAtEnd()).isEqualTo(1); // the complaint closed in February
        assertThat(jan.complaintsPerHundredOrders(50)).hasValue(2.0);
        ServiceKpis.PeriodServiceKpis feb = r.periods().get(1);
        assertThat(feb.firstResponseSla().pending()).isEqualTo(1); // 30 minutes in, target one hour
        assertThat(feb.backlogAtEnd()).isEqualTo(1);
        assertThat(r.backlogByCategory()).containsEntry(CaseStatusCategory.WAITING, 1L).hasSize(1);
    }
}
