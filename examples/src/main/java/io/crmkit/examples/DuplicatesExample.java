package io.crmkit.examples;

import io.crmkit.core.CustomerId;
import io.crmkit.quality.CustomerRecord;
import io.crmkit.quality.match.Cluster;
import io.crmkit.quality.match.DuplicateFinder;
import io.crmkit.quality.match.MatchOptions;
import io.crmkit.quality.match.MatchResult;
import io.crmkit.quality.match.ScoredPair;
import io.crmkit.quality.report.FieldQuality;
import io.crmkit.quality.report.QualityReport;
import io.crmkit.quality.report.QualityReporter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Quick start 9: data quality and duplicates. Four customer records from two systems (a CRM and a
 * shop): the same person typed twice with a transposed surname and differently written phone
 * numbers, and another in Chinese characters and in pinyin. Prints the
 * duplicate pairs with their match probability and reasons (personal values masked), the
 * clusters to merge, and the field completeness and validity of the data-quality report.
 *
 * <p>Stateless and thread-safe.
 */
public final class DuplicatesExample {

    private DuplicatesExample() {
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
        out.println("duplicate pairs (match probability; reasons, personal values masked):");

        // tour:duplicates begin
        List<CustomerRecord> records = List.of(
                CustomerRecord.builder(CustomerId.of("crm-17")).firstName("Anna").lastName("Rothermel")
                        .email("anna@rothermel.de").phone("+1 510 645 3099").build(),
                CustomerRecord.builder(CustomerId.of("shop-4")).firstName("Anna").lastName("Rothemrel")
                        .email("ANNA@rothermel.de").phone("(510) 645-3099").build(),
                CustomerRecord.builder(CustomerId.of("shop-9")).fullName("张伟").phone("+86 138 0013 8000").build(),
                CustomerRecord.builder(CustomerId.of("crm-23")).firstName("Wei").lastName("Zhang")
                        .phone("0086 13800138000").build());
        MatchResult result = DuplicateFinder.create(MatchOptions.builder().defaultRegion("US").build()).find(records);
        for (ScoredPair pair : result.duplicates()) {
            out.printf(Locale.ROOT, "%s = %s (%.3f): %s%n", pair.left(), pair.right(), pair.score(), pair.reasonsText());
        }
        // tour:duplicates end

        out.println();
        out.println("records: " + result.records() + "; duplicate pairs: " + result.duplicates().size()
                + "; household pairs: " + result.households().size() + "; namesake pairs: "
                + result.namesakes().size());
        out.println("clusters to merge:");
        for (Cluster c : result.clusters()) {
            out.println("  " + c.members());
        }
        QualityReport report = new QualityReporter("US", Optional.empty(), Duration.ofDays(365)).report(records);
        out.println("field quality (completeness, validity):");
        for (FieldQuality f : report.fields()) {
            if (f.present() > 0) {
                out.printf(Locale.ROOT, "  %-12s %.2f  %.2f%n", f.field().name().toLowerCase(Locale.ROOT),
                        f.completeness(), f.validity());
            }
        }
    }
}
