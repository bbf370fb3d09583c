package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CustomerId;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A back-test worked by hand on seven customers (the CDNOW back-test checks the same report on
 * real data, but takes minutes): who is eligible and lost, the warning list against the recency
 * baseline of the same length, and the forecast's error against the mean-gap baseline.
 */
class LifecycleBacktestTest {

    private static final LocalDate SPLIT = LocalDate.of(2025, 6, 30);
    private static final Currency EUR = Currency.getInstance("EUR");

    private static PurchaseTimelines timelines() {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        Object[] customerThenDays = {
            "a", new int[] {-100, -50, 20}, // returns within the horizon, complained: listed, no hit
            "b", new int[] {-90}, // lost, complained: listed, a hit
            "c", new int[] {-200, -150}, // lost, longest since the last purchase
            "d", new int[] {-20, -10, 5}, // returns
            "e", new int[] {10}, // first buys after the split: not eligible
            "f", new int[] {-30, 61}, // returns a day after the horizon: lost
            "g", new int[] {-40, 60}, // returns on the horizon's last day
        };
        for (int k = 0; k < customerThenDays.length; k += 2) {
            CustomerId id = CustomerId.of((String) customerThenDays[k]);
            for (int day : (int[]) customerThenDays[k + 1]) {
                b.add(id, SPLIT.plusDays(day).atTime(12, 0).toInstant(ZoneOffset.UTC), OrderStatusCategory.COMPLETED,
                        1_000, EUR);
            }
        }
        return b.build();
    }

    private static WarningOptions complaintsOnly() {
        return WarningOptions.builder(SPLIT.minusYears(1)).overdue(Optional.empty()).decline(Optional.empty())
                .satisfaction(Optional.empty()).complaints(Optional.of(new WarningOptions.Complaints(30, 1)))
                .levels(new WarningOptions.Levels(1, 1)).build();
    }

    @Test
    void listsAndForecastsAreScoredAgainstWhatHappenedAfterTheSplit() {
        PurchaseTimelines t = timelines();
        EngagementHistory complaints = EngagementHistory.builder(ZoneOffset.UTC)
                .add(ChurnProbabilityProperties.complaint("k1", CustomerId.of("a"), SPLIT.minusDays(5)))
                .add(ChurnProbabilityProperties.complaint("k2", CustomerId.of("b"), SPLIT.minusDays(10))).build();
        ForecastOptions forecast = new ForecastOptions(SPLIT.minusYears(1), 0.8);
        BacktestReport r = LifecycleBacktest.run(t, complaints, complaintsOnly(), RiskLevel.LOW, forecast, SPLIT, 60);

        assertThat(r.split()).isEqualTo(SPLIT);
        assertThat(r.horizonDays()).isEqualTo(60);
        assertThat(r.eligible()).isEqualTo(6);
        assertThat(r.lost()).isEqualTo(3); // b, c, f
        assertThat(r.baseRate()).isEqualTo(0.5);
        // the warnings (the options' own date is replaced by the split): a and b, one of them lost
        assertThat(r.warning()).isEqualTo(new BacktestReport.ListOutcome(2, 1, 0.5, 1 / 3.0, 1.0));
        // the two longest since their last purchase, c (150 days) and b (90): both lost
        assertThat(r.recencyBaseline()).isEqualTo(new BacktestReport.ListOutcome(2, 2, 1.0, 2 / 3.0, 2.0));

        // forecasts of the repeat customers who came back: a (back on day 20) and d (day 5)
        NextPurchaseReport f = NextPurchase.forecast(t, forecast.at(SPLIT));
        long errorA = Math.abs(SPLIT.plusDays(20).toEpochDay()
                - f.forecastOf(CustomerId.of("a")).orElseThrow().expectedDate().toEpochDay());
        long errorD = Math.abs(SPLIT.plusDays(5).toEpochDay()
                - f.forecastOf(CustomerId.of("d")).orElseThrow().expectedDate().toEpochDay());
        assertThat(r.forecasted()).isEqualTo(2);
        assertThat(r.forecastMaeDays()).isCloseTo((errorA + errorD) / 2.0, within(1e-12));
        // the mean-gap baseline: a expected 50 days after day -50 (20 days early), d 10 after day -10 (5 early)
        assertThat(r.baselineMaeDays()).isCloseTo((20 + 5) / 2.0, within(1e-12));
    }

    @Test
    void withoutWarningsTheListsAreEmptyAndScoreZero() {
        BacktestReport r = LifecycleBacktest.run(timelines(), EngagementHistory.none(), complaintsOnly(),
                RiskLevel.HIGH, new ForecastOptions(SPLIT, 0.8), SPLIT, 60);
        assertThat(r.warning()).isEqualTo(new BacktestReport.ListOutcome(0, 0, 0, 0, 0));
        assertThat(r.recencyBaseline()).isEqualTo(new BacktestReport.ListOutcome(0, 0, 0, 0, 0));
        assertThatThrownBy(() -> LifecycleBacktest.run(timelines(), EngagementHistory.none(), complaintsOnly(),
                RiskLevel.LOW, new ForecastOptions(SPLIT, 0.8), SPLIT, 0))
                .hasMessage("horizonDays must be positive: 0");
        assertThat(BacktestReport.ListOutcome.of(3, 1, 0, 10)).isEqualTo(new BacktestReport.ListOutcome(3, 1,
                1 / 3.0, 0, 0));
    }
}
