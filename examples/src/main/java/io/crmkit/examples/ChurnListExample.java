package io.crmkit.examples;

import io.crmkit.core.order.Order;
import io.crmkit.segmentation.lifecycle.ChurnModel;
import io.crmkit.segmentation.lifecycle.ChurnModelOptions;
import io.crmkit.segmentation.lifecycle.ChurnProbability;
import io.crmkit.segmentation.lifecycle.ChurnScore;
import io.crmkit.segmentation.lifecycle.ChurnScores;
import io.crmkit.segmentation.lifecycle.EngagementHistory;
import io.crmkit.segmentation.lifecycle.PurchaseTimelines;
import io.crmkit.segmentation.lifecycle.RiskLevel;
import io.crmkit.segmentation.lifecycle.TimelineOptions;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Quick start 4: a churn list. Fits the churn probability (P(no purchase in the 90 days after
 * 2025-12-31), a logistic regression trained on the shop's own past at 2025-10-02 on the
 * Pareto/NBD model's prediction and the purchase signals) and prints the customers at high risk,
 * most likely first, with the value at risk (past revenue, US dollars) and the reasons: each
 * feature's contribution to the probability against the base, largest first. Then the number of
 * customers per risk level and the model's definitions.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChurnListExample {

    private ChurnListExample() {
    }

    /**
     * Runs the quick start and prints to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the quick start and prints its report.
     *
     * @param out where the report goes, not null
     */
    public static void run(PrintStream out) {
        Stream<Order> orders = ShopData.orders();
        out.println("churn list: the customers at high risk, most likely to churn first");

        // tour:churn begin
        PurchaseTimelines timelines = PurchaseTimelines.of(orders, TimelineOptions.defaults()); // UTC days
        ChurnModelOptions options = ChurnModelOptions.builder(LocalDate.of(2025, 12, 31), 90).build();
        ChurnModel model = ChurnProbability.fit(timelines, EngagementHistory.none(), options);
        ChurnScores scores = model.score(timelines, EngagementHistory.none());
        List<ChurnScore> highRisk = scores.atLeast(RiskLevel.HIGH);           // ranked, most likely first
        for (ChurnScore s : highRisk.subList(0, Math.min(3, highRisk.size()))) {
            out.printf(Locale.ROOT, "%s: P(churn in 90 days) %.2f, %s at risk; %s%n", s.customerId(),
                    s.probability(), s.valueAtRisk(), s.reasons());
        }
        // tour:churn end

        out.println();
        out.println("customers assessed: " + scores.assessed());
        scores.counts().forEach((level, n) -> out.println("  " + level.label() + ": " + n));
        out.printf(Locale.ROOT, "mean probability: %.4f%n", scores.meanProbability());
        out.println("definitions: " + scores.definitions());
    }
}
