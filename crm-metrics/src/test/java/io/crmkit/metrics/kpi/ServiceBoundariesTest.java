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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked service and survey KPIs on the edges: cases and responses on period boundaries and
 * outside the grid, backlogs at the exact end of a period, percentiles of more durations than the
 * first buffer holds, and the validation of every summary.
 */
class ServiceBoundariesTest {

    /** January, February and March 2026 in UTC. */
    private static final PeriodGrid Q1 = PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    private static final Instant FEB_1 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant MAR_1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APR_1 = Instant.parse("2026-04-01T00:00:00Z");
    private static final CustomerId C = CustomerId.of("c");
    private static final SlaTargets HOUR_AND_DAY = SlaTargets.of(Duration.ofHours(1), Duration.ofDays(1));

    private static ServiceCase.Builder open(String id, CaseType type, Instant at) {
        return ServiceCase.builder(ServiceCaseId.of(id), C, type, InteractionChannel.EMAIL, at);
    }

    @Test
    void backlogAtTheEndOfAPeriodLeavesOutCasesFinishedOrOpenedExactlyThen() {
        List<ServiceCase> cases = List.of(
                // opened before the grid, still open: backlog at the end of every month, opened in none
                open("before", CaseType.QUESTION, Instant.parse("2025-12-20T00:00:00Z")).status(CaseStatus.OPEN).build(),
                // resolved exactly at the end of January: not in January's backlog (isOpenAt(Feb 1) is false)
                open("jan-to-feb1", CaseType.QUESTION, Instant.parse("2026-01-05T00:00:00Z")).resolvedAt(FEB_1)
                        .status(CaseStatus.RESOLVED).build(),
                // resolved a second later: in January's backlog only
                open("jan-to-feb1+1s", CaseType.QUESTION, Instant.parse("2026-01-06T00:00:00Z"))
                        .resolvedAt(FEB_1.plusSeconds(1)).status(CaseStatus.RESOLVED).build(),
                // opened exactly at the start of February: February's case, not in January's backlog
                open("feb1", CaseType.COMPLAINT, FEB_1).closedAt(Instant.parse("2026-03-15T00:00:00Z"))
                        .status(CaseStatus.CLOSED).build(),
                // opened before the grid, closed in March: backlog at the end of January and February
                open("dec-to-mar", CaseType.QUESTION, Instant.parse("2025-12-31T23:00:00Z"))
                        .closedAt(Instant.parse("2026-03-02T00:00:00Z")).status(CaseStatus.CLOSED).build(),
                // opened and finished before the grid: nowhere
                open("old", CaseType.QUESTION, Instant.parse("2025-11-01T00:00:00Z"))
                        .resolvedAt(Instant.parse("2025-11-02T00:00:00Z")).status(CaseStatus.RESOLVED).build(),
                // opened at the end of the grid: ignored, but still open now, so in the current backlog
                open("apr1", CaseType.COMPLAINT, APR_1).status(CaseStatus.WAITING).build(),
                // opened in March, never finished
                open("mar", CaseType.QUESTION, MAR_1.plusSeconds(3600)).status(CaseStatus.OPEN).build());
        Instant asOf = Instant.parse("2026-04-02T00:00:00Z");
        ServiceKpis.ServiceKpiReport r = ServiceKpis.compute(cases.stream(), Q1, asOf);
        assertThat(r.periods()).extracting(ServiceKpis.PeriodServiceKpis::label)
                .containsExactly(Q1.label(0), Q1.label(1), Q1.label(2));
        assertThat(r.periods()).extracting(ServiceKpis.PeriodServiceKpis::opened).containsExactly(2L, 1L, 1L);
        assertThat(r.periods()).extracting(ServiceKpis.PeriodServiceKpis::complaints).containsExactly(0L, 1L, 0L);
        // end of January: before, jan-to-feb1+1s, dec-to-mar
        // end of February: before, feb1, dec-to-mar
        // end of March: before, mar
        assertThat(r.periods()).extracting(ServiceKpis.PeriodServiceKpis::backlogAtEnd).containsExactly(3L, 3L, 2L);
        for (int p = 0; p < Q1.size(); p++) {
            Instant end = Q1.start(p + 1);
            long expected = cases.stream().filter(c -> c.openedAt().isBefore(end) && c.isOpenAt(end)).count();
            assertThat(r.periods().get(p).backlogAtEnd()).as("backlog at %s", end).isEqualTo(expected);
        }
        assertThat(r.asOf()).isEqualTo(asOf);
        assertThat(r.backlogByCategory()).containsOnly(java.util.Map.entry(CaseStatusCategory.OPEN, 2L),
                java.util.Map.entry(CaseStatusCategory.WAITING, 1L));
        // no SLA targets on these cases: every case opened in a period is tallied without a target
        for (ServiceKpis.PeriodServiceKpis p : r.periods()) {
            assertThat(p.firstResponseSla()).isEqualTo(new SlaTally(0, 0, 0, p.opened()));
            assertThat(p.resolutionSla()).isEqualTo(new SlaTally(0, 0, 0, p.opened()));
            assertThat(p.firstResponseSla().compliance()).isEmpty();
        }
    }

    @Test
    void slaTalliesJudgeEveryCaseAtTheAsOfInstant() {
        Instant t = Instant.parse("2026-01-10T08:00:00Z");
        List<ServiceCase> cases = List.of(
                // responded exactly at the target (met), resolved a minute late (breached)
                open("on-time", CaseType.QUESTION, t).sla(HOUR_AND_DAY).firstResponseAt(t.plus(Duration.ofHours(1)))
                        .resolvedAt(t.plus(Duration.ofDays(1)).plusSeconds(60)).status(CaseStatus.RESOLVED).build(),
                // not responded, target passed at asOf (breached); not finished, target not passed (pending)
                open("silent", CaseType.QUESTION, t.plus(Duration.ofHours(20))).sla(HOUR_AND_DAY)
                        .status(CaseStatus.OPEN).build(),
                // not responded, the target passes exactly at asOf: pending, not breached
                open("due-now", CaseType.QUESTION, t.plus(Duration.ofHours(23))).sla(HOUR_AND_DAY)
                        .status(CaseStatus.OPEN).build(),
                // first-response target only
                open("no-resolution-target", CaseType.QUESTION, t).sla(new SlaTargets(Optional.of(Duration.ofHours(1)),
                        Optional.empty())).firstResponseAt(t.plusSeconds(1)).status(CaseStatus.OPEN).build());
        Instant asOf = t.plus(Duration.ofHours(24));
        ServiceKpis.PeriodServiceKpis jan = ServiceKpis.compute(cases.stream(), Q1, asOf).periods().get(0);
        assertThat(jan.firstResponseSla()).isEqualTo(new SlaTally(2, 1, 1, 0));
        assertThat(jan.firstResponseSla().compliance()).hasValue(2.0 / 3);
        assertThat(jan.resolutionSla()).isEqualTo(new SlaTally(0, 1, 2, 1));
        assertThat(jan.resolutionSla().compliance()).hasValue(0.0);
        assertThat(jan.firstResponseTime().count()).isEqualTo(2);
        assertThat(jan.firstResponseTime().p50()).contains(Duration.ofMillis((3_600_000 + 1_000) / 2));
        assertThat(jan.resolutionTime().count()).isEqualTo(1);
        assertThat(jan.resolutionTime().p95()).contains(Duration.ofDays(1).plusSeconds(60));
        ServiceKpis.PeriodServiceKpis feb = ServiceKpis.compute(cases.stream(), Q1, asOf).periods().get(1);
        assertThat(feb.firstResponseTime()).isEqualTo(new DurationStats(0, Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    @Test
    void percentilesOfFortyDurationsInterpolateBetweenOrderStatistics() {
        // 40 cases responded after 1, 2, ..., 40 minutes, fed in reverse: the buffers grow past 16
        List<ServiceCase> cases = new ArrayList<>();
        Instant t = Instant.parse("2026-02-03T00:00:00Z");
        for (int m = 40; m >= 1; m--) {
            cases.add(open("c" + m, CaseType.QUESTION, t).firstResponseAt(t.plus(Duration.ofMinutes(m)))
                    .resolvedAt(t.plus(Duration.ofMinutes(2 * m))).status(CaseStatus.RESOLVED).build());
        }
        ServiceKpis.PeriodServiceKpis feb = ServiceKpis.compute(cases.stream(), Q1, MAR_1).periods().get(1);
        // type 7: position h = (n - 1) p = 39 p on 0-based sorted values 1..40 minutes
        // p50: 19.5 -> 20.5 min; p90: 35.1 -> 36.1 min; p95: 37.05 -> 38.05 min
        DurationStats frt = feb.firstResponseTime();
        assertThat(frt.count()).isEqualTo(40);
        assertThat(frt.p50()).contains(Duration.ofMillis(20 * 60_000 + 30_000));
        assertThat(frt.p90()).contains(Duration.ofMillis(36 * 60_000 + 6_000));
        assertThat(frt.p95()).contains(Duration.ofMillis(38 * 60_000 + 3_000));
        DurationStats rt = feb.resolutionTime();
        assertThat(rt.count()).isEqualTo(40);
        assertThat(rt.p50()).contains(Duration.ofMinutes(41));
        assertThat(rt.p90()).contains(Duration.ofMillis(72 * 60_000 + 12_000));
        assertThat(rt.p95()).contains(Duration.ofMillis(76 * 60_000 + 6_000));
        assertThat(feb.opened()).isEqualTo(40);
        assertThat(feb.backlogAtEnd()).isZero();
    }

    @Test
    void complaintsPerHundredOrdersAndTallyValidation() {
        ServiceKpis.PeriodServiceKpis p = new ServiceKpis.PeriodServiceKpis("x", 10, 3,
                DurationStats.ofMillis(new double[0], 0), DurationStats.ofMillis(new double[0], 0),
                new SlaTally(0, 0, 0, 0), new SlaTally(0, 0, 0, 0), 0);
        assertThat(p.complaintsPerHundredOrders(0)).isEmpty();
        assertThat(p.complaintsPerHundredOrders(1)).hasValue(300.0);
        assertThat(p.complaintsPerHundredOrders(400)).hasValue(0.75);
        assertThatThrownBy(() -> p.complaintsPerHundredOrders(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders").hasMessageContaining("-1");
        assertThat(new SlaTally(3, 1, 7, 2).compliance()).hasValue(0.75);
        assertThat(new SlaTally(0, 0, 7, 2).compliance()).isEmpty();
        assertThat(new SlaTally(0, 4, 0, 0).compliance()).hasValue(0.0);
        assertThatThrownBy(() -> new SlaTally(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new SlaTally(0, -2, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
        assertThatThrownBy(() -> new SlaTally(0, 0, -3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-3");
        assertThatThrownBy(() -> new SlaTally(0, 0, 0, -4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-4");
    }

    @Test
    void surveySeriesCountsOnlyResponsesInsideTheGridAndKeepsOtherScalesApart() {
        SurveyScale fivePoint = SurveyScale.custom("STARS", 1, 5);
        List<SurveyResponse> responses = List.of(
                response("before", "2025-12-31T23:59:59Z", SurveyScore.nps(10)),
                response("jan-start", "2026-01-01T00:00:00Z", SurveyScore.nps(6)),
                response("jan-ces", "2026-01-15T00:00:00Z", SurveyScore.ces(1)),
                response("jan-ces7", "2026-01-16T00:00:00Z", SurveyScore.ces(7)),
                response("jan-csat", "2026-01-17T00:00:00Z", SurveyScore.csat(1)),
                response("jan-stars", "2026-01-18T00:00:00Z", new SurveyScore(fivePoint, 5)),
                response("mar-last", "2026-03-31T23:59:59Z", SurveyScore.csat(5)),
                response("apr-start", "2026-04-01T00:00:00Z", SurveyScore.csat(2)));
        List<SurveyKpis.PeriodSurveyKpis> s = SurveyKpis.series(responses.stream(), Q1);
        assertThat(s).hasSize(3);
        SurveyKpis.PeriodSurveyKpis jan = s.get(0);
        assertThat(jan.label()).isEqualTo(Q1.label(0));
        assertThat(jan.nps().responses()).isEqualTo(1);
        assertThat(jan.nps().count(6)).isEqualTo(1);
        assertThat(jan.nps().nps()).hasValue(-100.0);
        assertThat(jan.ces().count(1)).isEqualTo(1);
        assertThat(jan.ces().count(7)).isEqualTo(1);
        assertThat(jan.ces().mean()).hasValue(4.0);
        assertThat(jan.csat().count(1)).isEqualTo(1);
        assertThat(jan.otherScales()).isEqualTo(1);
        assertThat(s.get(1).nps().responses() + s.get(1).csat().responses() + s.get(1).ces().responses()
                + s.get(1).otherScales()).isZero();
        assertThat(s.get(2).csat().count(5)).isEqualTo(1);
        assertThat(s.get(2).csat().responses()).isEqualTo(1);
        assertThat(SurveyKpis.responseRate(3, 4)).hasValue(0.75);
        assertThat(SurveyKpis.responseRate(0, 4)).hasValue(0.0);
        assertThatThrownBy(() -> SurveyKpis.responseRate(-1, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> SurveyKpis.responseRate(1, -4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-4");
    }

    private static SurveyResponse response(String id, String at, SurveyScore score) {
        return SurveyResponse.of(SurveyResponseId.of(id), C, Instant.parse(at), score, InteractionChannel.EMAIL);
    }

    @Test
    void npsBucketsAtTheirBoundsAndSummaryValidation() {
        // 6 is a detractor, 7 and 8 passives, 9 a promoter
        ScoreSummary s = ScoreSummary.of(SurveyScale.NPS, 6, 7, 8, 9);
        assertThat(s.promoters()).isEqualTo(1);
        assertThat(s.detractors()).isEqualTo(1);
        assertThat(s.nps()).hasValue(0.0);
        assertThat(s.responses()).isEqualTo(4);
        assertThat(s.scale()).isEqualTo(SurveyScale.NPS);
        assertThat(ScoreSummary.of(SurveyScale.NPS, 0, 10, 10).promoters()).isEqualTo(2);
        assertThat(ScoreSummary.of(SurveyScale.NPS, 0, 10, 10).detractors()).isEqualTo(1);
        // pP = pD = 1/4: se = sqrt((3/16 + 3/16 + 2/16) / 4) = sqrt(1/8)
        assertThat(s.npsMarginOfError(2.0).getAsDouble()).isCloseTo(200 * Math.sqrt(0.125), within(1e-12));
        assertThat(ScoreSummary.of(SurveyScale.NPS).npsMarginOfError(1.96)).isEmpty();
        for (double z : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> s.npsMarginOfError(z)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("z must be a positive number");
        }
        assertThat(s.topBoxShare(1)).hasValue(0.0);
        assertThat(s.topBoxShare(2)).hasValue(0.25);
        assertThat(s.topBoxShare(5)).hasValue(1.0);
        assertThat(s.topBoxShare(11)).hasValue(1.0);
        assertThat(ScoreSummary.of(SurveyScale.NPS).topBoxShare(3)).isEmpty();
        assertThat(ScoreSummary.of(SurveyScale.NPS).mean()).isEmpty();
        assertThatThrownBy(() -> s.topBoxShare(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 11");
        assertThatThrownBy(() -> s.topBoxShare(12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12");
        assertThatThrownBy(() -> s.count(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11");
        assertThatThrownBy(() -> s.count(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThat(ScoreSummary.of(SurveyScale.CSAT, 1, 5).count(5)).isEqualTo(1);
        assertThatThrownBy(() -> ScoreSummary.of(SurveyScale.CSAT, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("score 0").hasMessageContaining("CSAT");
        assertThatThrownBy(() -> ScoreSummary.of(SurveyScale.CES, 1).promoters())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CES");
        assertThatThrownBy(() -> ScoreSummary.of(SurveyScale.CES, 1).detractors())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ScoreSummary.of(SurveyScale.CES, 1).npsMarginOfError(1.96))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ScoreSummary.of(SurveyScale.CSAT, 2, 4).toString()).isEqualTo(
                "ScoreSummary[CSAT, n=2, mean=OptionalDouble[3.0]]");
    }

    @Test
    void casesInAnyOrderGiveTheSameReport() {
        Instant t = Instant.parse("2026-01-31T23:00:00Z");
        ServiceCase a = open("a", CaseType.COMPLAINT, t).sla(HOUR_AND_DAY).firstResponseAt(t.plusSeconds(7200))
                .resolvedAt(MAR_1).status(CaseStatus.RESOLVED).build();
        ServiceCase b = open("b", CaseType.QUESTION, FEB_1.plusSeconds(1)).sla(HOUR_AND_DAY).status(CaseStatus.OPEN)
                .build();
        ServiceKpis.ServiceKpiReport ab = ServiceKpis.compute(Stream.of(a, b), Q1, APR_1);
        ServiceKpis.ServiceKpiReport ba = ServiceKpis.compute(Stream.of(b, a), Q1, APR_1);
        assertThat(ab).isEqualTo(ba);
        // a resolved exactly at March 1: in the backlog at the end of January only; b from February on
        assertThat(ab.periods()).extracting(ServiceKpis.PeriodServiceKpis::backlogAtEnd).containsExactly(1L, 1L, 1L);
        assertThatThrownBy(() -> ServiceKpis.compute(Stream.of(a, null), Q1, APR_1))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("case");
    }
}
