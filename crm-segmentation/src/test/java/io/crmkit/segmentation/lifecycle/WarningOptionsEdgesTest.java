package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.metrics.clv.ParetoNbdModel;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The warning rules' documented ranges at both ends, the levels by signal count, and the description. */
class WarningOptionsEdgesTest {

    @Test
    void everyRuleAcceptsItsSmallestValuesAndRejectsTheNextOnesDown() {
        assertThat(new WarningOptions.Overdue(1, RhythmOptions.defaults()).factor()).isEqualTo(1);
        assertThatThrownBy(() -> new WarningOptions.Overdue(Math.nextDown(1.0), RhythmOptions.defaults()))
                .hasMessageStartingWith("overdue factor must be at least 1 (one rhythm): ");

        assertThat(new WarningOptions.Decline(1, 1, 1, 1).windowDays()).isEqualTo(1);
        assertThatThrownBy(() -> new WarningOptions.Decline(0, 0.5, 0.5, 1)).hasMessage("windowDays must be positive: 0");
        assertThatThrownBy(() -> new WarningOptions.Decline(1, 0.5, 0.5, 0))
                .hasMessage("minimumPrevious must be at least 1: 0");
        assertThatThrownBy(() -> new WarningOptions.Decline(1, 0, 0.5, 1)).hasMessage("frequencyDrop must be in (0, 1]: 0.0");
        assertThatThrownBy(() -> new WarningOptions.Decline(1, 0.5, 1.5, 1)).hasMessage("monetaryDrop must be in (0, 1]: 1.5");

        assertThat(new WarningOptions.Complaints(1, 1).minimumRecent()).isEqualTo(1);
        assertThatThrownBy(() -> new WarningOptions.Complaints(0, 1)).hasMessage("windowDays must be positive: 0");
        assertThatThrownBy(() -> new WarningOptions.Complaints(1, 0)).hasMessage("minimumRecent must be at least 1: 0");

        assertThat(new WarningOptions.Satisfaction(1, 0, 1).lowScore()).isZero();
        assertThat(new WarningOptions.Satisfaction(1, 1, 1).lowScore()).isEqualTo(1);
        assertThatThrownBy(() -> new WarningOptions.Satisfaction(0, 0.5, 0.5)).hasMessage("lookbackDays must be positive: 0");
        assertThatThrownBy(() -> new WarningOptions.Satisfaction(1, -0.01, 0.5))
                .hasMessage("lowScore must be in [0, 1]: -0.01");
        assertThatThrownBy(() -> new WarningOptions.Satisfaction(1, 1.01, 0.5)).hasMessage("lowScore must be in [0, 1]: 1.01");
        assertThatThrownBy(() -> new WarningOptions.Satisfaction(1, Double.NaN, 0.5)).hasMessageContaining("lowScore");

        var model = ParetoNbdModel.of(0.55, 10.6, 0.61, 11.7, PeriodUnit.WEEKS);
        assertThat(new WarningOptions.Alive(model, 1).threshold()).isEqualTo(1);
        assertThatThrownBy(() -> new WarningOptions.Alive(model, 0)).hasMessage("threshold must be in (0, 1]: 0.0");

        assertThat(new WarningOptions.Levels(1, 1).highAt()).isEqualTo(1);
        assertThatThrownBy(() -> new WarningOptions.Levels(0, 1)).hasMessage("mediumAt must be at least 1: 0");
    }

    @Test
    void levelsFollowTheNumberOfSignals() {
        WarningOptions.Levels levels = new WarningOptions.Levels(2, 4);
        assertThat(levels.of(0)).isEqualTo(RiskLevel.NONE);
        assertThat(levels.of(1)).isEqualTo(RiskLevel.LOW);
        assertThat(levels.of(2)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(levels.of(3)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(levels.of(4)).isEqualTo(RiskLevel.HIGH);
        assertThat(levels.of(5)).isEqualTo(RiskLevel.HIGH);
        assertThat(new WarningOptions.Levels(1, 1).of(1)).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void theDescriptionNamesEverySignalThatIsOn() {
        LocalDate d = LocalDate.of(2025, 6, 30);
        WarningOptions all = WarningOptions.builder(d)
                .alive(Optional.of(new WarningOptions.Alive(ParetoNbdModel.of(0.55, 10.6, 0.61, 11.7,
                        PeriodUnit.WEEKS), 0.25))).build();
        String text = all.describe();
        assertThat(text).startsWith("as of 2025-06-30 (end of day); overdue at >= 2.0 x rhythm (")
                .contains("; decline over 90-day windows: frequency >= 0.5, monetary >= 0.5 with >= 2 purchase days"
                        + " before; complaints rising over 90-day windows, >= 1; satisfaction within 180 days: low <="
                        + " 0.6, falling by >= 0.3; P(alive) < 0.25 under ")
                .endsWith("; levels: medium at 2, high at 3 signals; value at risk: past revenue");
        WarningOptions bare = all.toBuilder().overdue(Optional.empty()).decline(Optional.empty())
                .complaints(Optional.empty()).satisfaction(Optional.empty()).alive(Optional.empty()).build();
        assertThat(bare.describe()).isEqualTo("as of 2025-06-30 (end of day); levels: medium at 2, high at 3 signals;"
                + " value at risk: past revenue");
        assertThat(all.at(d.plusDays(1)).asOf()).isEqualTo(d.plusDays(1));
        assertThat(all.at(d.plusDays(1)).decline()).isEqualTo(all.decline());
    }
}
