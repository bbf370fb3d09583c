package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnScoreTest {

    private static ChurnScore score(Contribution... contributions) {
        return new ChurnScore(CustomerId.of("c1"), 0.7, RiskLevel.HIGH, Money.of("10.00", "USD"), 0.5,
                List.of(contributions));
    }

    @Test
    void reasonsLeaveOutContributionsThatPrintAsZero() {
        ChurnScore s = score(new Contribution(ChurnFeature.OVERDUE, 0.18, "+0.18: 3.1 x overdue"),
                new Contribution(ChurnFeature.RECENCY, 0.005, "+0.01: 40 days since the last purchase"),
                new Contribution(ChurnFeature.MONETARY_DECLINE, -0.0049, "-0.00: revenue down 0%"));
        assertThat(s.reasons()).isEqualTo("+0.18: 3.1 x overdue; +0.01: 40 days since the last purchase");
        assertThat(s.contributions()).hasSize(3);
    }

    @Test
    void reasonsSayWhenNothingMovedTheProbability() {
        assertThat(score(new Contribution(ChurnFeature.AGE, 0.001, "+0.00: 400 days a customer")).reasons())
                .isEqualTo("no contribution of 0.01 or more");
        assertThat(score().reasons()).isEqualTo("no contribution of 0.01 or more");
    }
}
