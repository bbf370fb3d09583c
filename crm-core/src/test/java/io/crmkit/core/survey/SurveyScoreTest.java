package io.crmkit.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SurveyScoreTest {

    @Test
    void scoresOffTheirScaleAreRejectedNamingScaleAndValue() {
        assertThatThrownBy(() -> SurveyScore.nps(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11").hasMessageContaining("NPS").hasMessageContaining("0..10");
        assertThatThrownBy(() -> SurveyScore.nps(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SurveyScore.csat(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CSAT");
        assertThatThrownBy(() -> SurveyScore.ces(8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CES");
    }

    @Test
    void reservedScaleNamesKeepTheirBounds() {
        assertThatThrownBy(() -> SurveyScale.custom("NPS", 1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
        assertThat(SurveyScale.custom("NPS", 0, 10)).isEqualTo(SurveyScale.NPS);
        assertThatThrownBy(() -> SurveyScale.custom("stars", 5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stars");
    }

    @Property
    void normalisedScoresSpanZeroToOne(@ForAll @IntRange(min = 0, max = 10) int nps,
            @ForAll @IntRange(min = 1, max = 5) int csat) {
        assertThat(SurveyScore.nps(nps).normalised()).isBetween(0.0, 1.0).isEqualTo(nps / 10.0);
        assertThat(SurveyScore.csat(csat).normalised()).isEqualTo((csat - 1) / 4.0);
    }
}
