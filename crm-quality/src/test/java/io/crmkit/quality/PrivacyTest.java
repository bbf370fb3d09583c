package io.crmkit.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.quality.match.DuplicateFinder;
import io.crmkit.quality.match.MatchOptions;
import io.crmkit.quality.match.MatchResult;
import io.crmkit.quality.match.ScoredPair;
import io.crmkit.quality.merge.MergePlan;
import io.crmkit.quality.merge.MergePlanner;
import io.crmkit.testkit.quality.DuplicateDataGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Personal values never appear in toString() of any type of crm-quality, nor in its exceptions. */
class PrivacyTest {

    /**
     * Review finding 4: an e-mail's own domain often is the family name ("anna@rothermel.de"); it
     * must appear neither in the reasons of a pair nor in the quality report's examples, valid or not.
     */
    @Test
    void ownEmailDomainsDoNotLeakTheSurname() {
        List<CustomerRecord> records = List.of(
                CustomerRecord.builder(io.crmkit.core.CustomerId.of("a")).firstName("Anna").lastName("Rothermel")
                        .email("anna@rothermel.de").phone("+1 510 645 3099").build(),
                CustomerRecord.builder(io.crmkit.core.CustomerId.of("b")).firstName("Anna").lastName("Rothermel")
                        .email("ANNA@rothermel.de").phone("(510) 645-3099").build(),
                CustomerRecord.builder(io.crmkit.core.CustomerId.of("c")).firstName("Bo").lastName("Quist")
                        .email("bo@quistfamily").phone("+1 510 645 31").build());
        MatchResult result = DuplicateFinder.create(MatchOptions.builder().defaultRegion("US").build()).find(records);
        assertThat(result.duplicates()).hasSize(1);
        List<String> printed = new ArrayList<>();
        result.duplicates().forEach(p -> {
            printed.add(p.toString());
            printed.add(p.reasonsText());
        });
        io.crmkit.quality.report.QualityReport report = new io.crmkit.quality.report.QualityReporter("US",
                java.util.Optional.empty(), java.time.Duration.ofDays(365)).report(records);
        printed.add(report.toString());
        report.fields().forEach(f -> printed.add(f.examples().toString()));
        String all = String.join("\n", printed).toLowerCase(java.util.Locale.ROOT);
        assertThat(all).contains("a***@***.de").doesNotContain("rothermel", "quist", "645");
    }

    @Test
    void noPersonalValueInToStringOrExceptions() {
        List<DuplicateDataGenerator.Row> rows = DuplicateDataGenerator.generate(DuplicateDataGenerator.Options.of(400, 9));
        List<CustomerRecord> records = LabelledData.records(rows);
        MatchResult result = DuplicateFinder.create(MatchOptions.builder().defaultRegion("US").build()).find(records);
        Map<io.crmkit.core.CustomerId, CustomerRecord> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.id(), r));
        List<String> printed = new ArrayList<>();
        records.forEach(r -> printed.add(r.toString()));
        result.normalized().forEach(n -> printed.add(n.toString()));
        for (List<ScoredPair> pairs : List.of(result.duplicates(), result.households(), result.namesakes())) {
            pairs.forEach(p -> printed.add(p.toString()));
        }
        result.clusters().forEach(c -> {
            MergePlan plan = MergePlanner.defaults().plan(c, byId);
            printed.add(plan.toString());
            plan.changes().forEach(ch -> printed.add(ch.toString()));
            printed.add(plan.golden().toString());
        });
        try {
            CustomerRecord.builder(records.get(0).id()).build().toBuilder().email(" ").build();
            new CustomerRecord(records.get(0).id(), java.util.Optional.of(" "), java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty());
        } catch (IllegalArgumentException e) {
            printed.add(e.getMessage());
        }
        assertThat(printed).hasSizeGreaterThan(records.size());
        String all = String.join("\n", printed).toLowerCase(java.util.Locale.ROOT);
        for (DuplicateDataGenerator.Row r : rows) {
            for (String v : List.of(r.email(), r.phone(), r.street(), r.birthDate(), r.lastName(), r.name())) {
                String s = v.strip().toLowerCase(java.util.Locale.ROOT);
                if (s.length() >= 4) {
                    assertThat(all).doesNotContain(s);
                }
            }
            int at = r.email().lastIndexOf('@');
            String domain = at < 0 ? "" : r.email().substring(at + 1).strip().toLowerCase(java.util.Locale.ROOT);
            if (domain.length() >= 4 && !io.crmkit.core.internal.Pii.PUBLIC_EMAIL_DOMAINS.contains(domain)) {
                assertThat(all).as("e-mail domain").doesNotContain("@" + domain);
            }
            if (r.phone().length() > 8) {
                assertThat(all).doesNotContain(r.phone().replaceAll("[^0-9]", "").substring(2));
            }
        }
    }
}
