package io.crmkit.quality.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.quality.CustomerRecord;
import io.crmkit.quality.CustomerRecord.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergePlannerTest {

    private final CustomerRecord crm = CustomerRecord.builder(CustomerId.of("a")).firstName("Anna")
            .lastName("Rothermel").email("anna@example.com").source("crm").updatedAt(Instant.parse("2024-01-01T00:00:00Z"))
            .build();
    private final CustomerRecord shop = CustomerRecord.builder(CustomerId.of("b")).fullName("Anna Rothemrel")
            .phone("+1 510 645 3099").birthDate(LocalDate.of(1980, 2, 3)).email("ANNA@example.com").source("shop")
            .updatedAt(Instant.parse("2025-06-01T00:00:00Z")).build();

    @Test
    void mostRecentSurvivesAndMissingFieldsAreFilled() {
        MergePlan plan = MergePlanner.defaults().plan(List.of(crm, shop));
        assertThat(plan.survivor()).isEqualTo(CustomerId.of("b"));
        assertThat(plan.absorbed()).containsExactly(CustomerId.of("a"));
        // the survivor keeps its own name and e-mail; nothing else is missing on it but nothing to fill
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.golden().fullName()).contains("Anna Rothemrel");
    }

    @Test
    void sourcePriorityFirstFillsFromTheOther() {
        MergePlanner planner = new MergePlanner(List.of(SurvivorshipRule.SOURCE_PRIORITY, SurvivorshipRule.MOST_RECENT),
                List.of("crm", "shop"));
        MergePlan plan = planner.plan(List.of(shop, crm));
        assertThat(plan.survivor()).isEqualTo(CustomerId.of("a"));
        assertThat(plan.changes()).extracting(FieldChange::field).containsExactly(Field.PHONE, Field.BIRTH_DATE);
        assertThat(plan.changes()).allSatisfy(c -> assertThat(c.from()).isEqualTo(CustomerId.of("b")));
        assertThat(plan.golden().phone()).contains("+1 510 645 3099");
        assertThat(plan.golden().email()).contains("anna@example.com");
        assertThat(plan.golden().fullName()).isEmpty();
        assertThat(plan.golden().updatedAt()).contains(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(plan.toString() + plan.changes()).doesNotContain("3099", "1980", "Rothermel");
    }

    /** Review finding 3: a street from one record and a city and postal code from another is nobody's address. */
    @Test
    void addressMovesAsOneUnitNeverMixed() {
        CustomerRecord survivor = CustomerRecord.builder(CustomerId.of("a")).firstName("Anna").lastName("Rothermel")
                .street("12 Main Street").updatedAt(Instant.parse("2025-01-01T00:00:00Z")).build();
        CustomerRecord other = CustomerRecord.builder(CustomerId.of("b")).firstName("Anna").lastName("Rothermel")
                .street("7 Elm Road").city("Berkeley").postalCode("94701").country("US")
                .updatedAt(Instant.parse("2020-01-01T00:00:00Z")).build();
        MergePlan plan = MergePlanner.defaults().plan(List.of(survivor, other));
        assertThat(plan.survivor()).isEqualTo(CustomerId.of("a"));
        assertThat(plan.golden().street()).contains("12 Main Street");
        assertThat(plan.golden().city()).isEmpty();
        assertThat(plan.golden().postalCode()).isEmpty();
        assertThat(plan.golden().country()).isEmpty();
        assertThat(plan.changes()).isEmpty();

        // a survivor without any address takes the whole address of the best-ranked record that has one
        CustomerRecord bare = CustomerRecord.builder(CustomerId.of("c")).firstName("Anna").lastName("Rothermel")
                .updatedAt(Instant.parse("2026-01-01T00:00:00Z")).build();
        CustomerRecord partial = CustomerRecord.builder(CustomerId.of("d")).city("Oakland")
                .updatedAt(Instant.parse("2025-06-01T00:00:00Z")).build();
        MergePlan filled = MergePlanner.defaults().plan(List.of(bare, partial, other));
        assertThat(filled.survivor()).isEqualTo(CustomerId.of("c"));
        assertThat(filled.golden().city()).contains("Oakland");
        assertThat(filled.golden().street()).isEmpty();
        assertThat(filled.golden().postalCode()).isEmpty();
        assertThat(filled.changes()).extracting(FieldChange::field).containsExactly(Field.CITY);
    }

    @Test
    void mostCompleteBreaksTiesAndNothingIsAppliedWithoutThePort() {
        MergePlanner planner = new MergePlanner(List.of(SurvivorshipRule.MOST_COMPLETE), List.of());
        MergePlan plan = planner.plan(List.of(crm, shop));
        assertThat(plan.survivor()).isEqualTo(CustomerId.of("b"));
        List<MergePlan> applied = new ArrayList<>();
        MergePort port = applied::add;
        assertThat(applied).isEmpty();
        port.apply(plan);
        assertThat(applied).containsExactly(plan);
    }
}
