package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.segmentation.lifecycle.ProbabilityLevels;
import io.crmkit.segmentation.lifecycle.RiskLevel;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The churn quick start: a ranked list of high-risk customers with reasons; levels add up. */
class ChurnListExampleTest {

    private final Captured out = Captured.of(ChurnListExample::run);

    @Test
    void listsHighRiskCustomersMostLikelyFirstWithReasons() {
        List<Matcher> listed = out.matching(
                "(C\\d+): P\\(churn in 90 days\\) ([0-9.]+), USD ([0-9.]+) at risk; (.+)");
        assertThat(listed).hasSize(3);
        double previous = 1.0;
        for (Matcher m : listed) {
            double p = Double.parseDouble(m.group(2));
            assertThat(p).isBetween(ProbabilityLevels.DEFAULT.high() - 0.005, 1.0).isLessThanOrEqualTo(previous);
            previous = p;
            assertThat(m.group(4)).contains("pareto-nbd");   // the model's reason is explained
        }
    }

    @Test
    void everyCustomerIsAssessedAndCountedInOneLevel() {
        int assessed = Integer.parseInt(out.line("customers assessed: (\\d+)").group(1));
        assertThat(assessed).isEqualTo(ShopData.CUSTOMERS);
        List<Matcher> levels = out.matching("  (none|low|medium|high): (\\d+)");
        assertThat(levels).extracting(m -> m.group(1))
                .containsExactly(RiskLevel.NONE.label(), RiskLevel.LOW.label(), RiskLevel.MEDIUM.label(),
                        RiskLevel.HIGH.label());
        assertThat(levels.stream().mapToInt(m -> Integer.parseInt(m.group(2))).sum()).isEqualTo(assessed);
        assertThat(Double.parseDouble(out.line("mean probability: ([0-9.]+)").group(1))).isBetween(0.0, 1.0);
        assertThat(out.line("definitions: (.+)").group(1)).contains("no purchase day in (asOf, asOf + 90 days]", "as of 2025-12-31");
    }
}
