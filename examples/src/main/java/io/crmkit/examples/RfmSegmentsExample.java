package io.crmkit.examples;

import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScorer;
import io.crmkit.segmentation.segment.SegmentMap;
import io.crmkit.segmentation.segment.SegmentSummary;
import io.crmkit.segmentation.segment.Segmentation;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Quick start 2: RFM scores and segments. Scores the simulated shop's customers on recency,
 * frequency and monetary value (quintiles of the values, R's type-7 estimator, most recent
 * scoring highest), assigns the eleven-segment map (Champions, Loyal Customers, ..., Lost) and
 * prints the segment table (customers, revenue in US dollars and its share per segment), the cuts
 * used on each dimension and a few scored customers.
 *
 * <p>Stateless and thread-safe.
 */
public final class RfmSegmentsExample {

    private RfmSegmentsExample() {
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
        PurchaseSummaries summaries = ShopData.summaries();
        out.println("RFM segments of " + summaries.size() + " customers (eleven-segment map, scores 1-5):");

        // tour:rfm begin
        RfmResult scores = RfmScorer.score(summaries, RfmOptions.defaults()); // quintiles, R type 7
        Segmentation segments = SegmentMap.elevenSegments().assign(scores);
        for (SegmentSummary row : segments.summary().nonEmpty()) {
            out.printf(Locale.ROOT, "%-20s %5d customers  revenue %10.2f  share %5.1f %%%n", row.segment(),
                    row.customers(), row.revenue(), 100 * row.revenueShare().orElse(0));
        }
        // tour:rfm end

        out.println();
        out.println("total: " + segments.summary().customers() + " customers");
        for (Dimension d : Dimension.values()) {
            out.println(d.name().toLowerCase(Locale.ROOT) + " cuts: " + scores.dimension(d).cuts());
        }
        scores.warnings().forEach(w -> out.println("warning: " + w));
        out.println();
        out.println("a few customers (recency in days):");
        for (int i = 0; i < Math.min(5, scores.size()); i++) {
            out.printf(Locale.ROOT, "  %s  recency %5.0f  frequency %3d  monetary %9.2f  RFM %d%d%d  %s%n",
                    scores.customerId(i), scores.recencyDays(i), scores.frequency(i), scores.monetary(i),
                    scores.r(i), scores.f(i), scores.m(i), segments.segment(i));
        }
    }
}
