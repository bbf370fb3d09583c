package io.crmkit.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.survey.SurveyScale;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class KpiRangeProperties {

    @Property
    void npsStaysWithinItsScale(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 10) Integer> scores) {
        ScoreSummary s = ScoreSummary.of(SurveyScale.NPS, scores.stream().mapToInt(Integer::intValue).toArray());
        assertThat(s.responses()).isEqualTo(scores.size());
        s.nps().ifPresent(nps -> assertThat(nps).isBetween(-100.0, 100.0));
        s.npsMarginOfError(1.96).ifPresent(m -> assertThat(m).isBetween(0.0, 196.0));
        assertThat(s.nps().isPresent()).isEqualTo(!scores.isEmpty());
        long passives = s.responses() - s.promoters() - s.detractors();
        assertThat(passives).isEqualTo(scores.stream().filter(x -> x == 7 || x == 8).count());
    }

    @Property
    void topBoxSharesGrowWithTheBox(@ForAll @Size(min = 1, max = 100) List<@IntRange(min = 1, max = 5) Integer> scores) {
        ScoreSummary s = ScoreSummary.of(SurveyScale.CSAT, scores.stream().mapToInt(Integer::intValue).toArray());
        double previous = 0;
        for (int k = 1; k <= 5; k++) {
            double share = s.topBoxShare(k).getAsDouble();
            assertThat(share).isBetween(previous, 1.0);
            previous = share;
        }
        assertThat(previous).isEqualTo(1.0);
    }
}
