package io.crmkit.metrics.kpi;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScale;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Satisfaction and loyalty KPIs per reporting period: one {@link ScoreSummary} per period for
 * the NPS, CSAT and CES scales (responses on other scales are counted apart), and the response
 * rate.
 *
 * <p>Stateless and thread-safe.
 */
public final class SurveyKpis {

    private SurveyKpis() {
    }

    /**
     * The survey figures of one period.
     *
     * @param label the period's label, not null
     * @param nps the NPS-scale responses, not null
     * @param csat the CSAT-scale responses, not null
     * @param ces the CES-scale responses, not null
     * @param otherScales responses on custom scales
     */
    public record PeriodSurveyKpis(String label, ScoreSummary nps, ScoreSummary csat, ScoreSummary ces,
            long otherScales) {
        /**
         * Validates the figures.
         *
         * @throws NullPointerException if a component is null
         */
        public PeriodSurveyKpis {
            Checks.notNull(label, "label");
            Checks.notNull(nps, "nps");
            Checks.notNull(csat, "csat");
            Checks.notNull(ces, "ces");
        }
    }

    /**
     * Summarises responses per period of a grid; responses outside the grid are ignored.
     *
     * @param responses the responses, in any order, not null (consumed, not closed)
     * @param grid the periods, not null
     * @return one entry per period, in time order, never null
     */
    public static List<PeriodSurveyKpis> series(Stream<SurveyResponse> responses, PeriodGrid grid) {
        Checks.notNull(responses, "responses");
        Checks.notNull(grid, "grid");
        int p = grid.size();
        long[][] nps = new long[p][11];
        long[][] csat = new long[p][5];
        long[][] ces = new long[p][7];
        long[] other = new long[p];
        responses.forEach(r -> {
            int i = grid.indexOf(Checks.notNull(r, "response").respondedAt());
            if (i < 0 || i >= p) {
                return;
            }
            SurveyScale s = r.score().scale();
            int v = r.score().value();
            if (s.equals(SurveyScale.NPS)) {
                nps[i][v]++;
            } else if (s.equals(SurveyScale.CSAT)) {
                csat[i][v - 1]++;
            } else if (s.equals(SurveyScale.CES)) {
                ces[i][v - 1]++;
            } else {
                other[i]++;
            }
        });
        List<PeriodSurveyKpis> out = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
            out.add(new PeriodSurveyKpis(grid.label(i), new ScoreSummary(SurveyScale.NPS, nps[i]),
                    new ScoreSummary(SurveyScale.CSAT, csat[i]), new ScoreSummary(SurveyScale.CES, ces[i]), other[i]));
        }
        return out;
    }

    /**
     * Returns the response rate: responses per invitation.
     *
     * @param responses the number of responses, not negative
     * @param invitations the number of survey invitations sent, not negative
     * @return the rate, or empty when no invitation was sent
     * @throws IllegalArgumentException if a count is negative
     */
    public static OptionalDouble responseRate(long responses, long invitations) {
        if (responses < 0 || invitations < 0) {
            throw new IllegalArgumentException("responses " + responses + " and invitations " + invitations
                    + " must not be negative");
        }
        return invitations == 0 ? OptionalDouble.empty() : OptionalDouble.of(responses / (double) invitations);
    }
}
