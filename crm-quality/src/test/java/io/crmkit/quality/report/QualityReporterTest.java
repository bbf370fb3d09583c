package io.crmkit.quality.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.quality.CustomerRecord;
import io.crmkit.quality.CustomerRecord.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualityReporterTest {

    private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");

    private final List<CustomerRecord> records = List.of(
            CustomerRecord.builder(CustomerId.of("1")).firstName("Anna").email("Anna@Example.com ")
                    .phone("(510) 645-3099").source("crm").updatedAt(Instant.parse("2025-12-01T00:00:00Z")).build(),
            CustomerRecord.builder(CustomerId.of("2")).firstName("Bob2").email("anna@example.com")
                    .phone("12").birthDate(LocalDate.of(2030, 1, 1)).source("crm")
                    .updatedAt(Instant.parse("2023-01-01T00:00:00Z")).build(),
            CustomerRecord.builder(CustomerId.of("3")).email("secretperson@nowhere").source("shop").build());

    private final QualityReport report = new QualityReporter("US", Optional.of(AS_OF), Duration.ofDays(365))
            .report(records);

    private FieldQuality field(Field f) {
        return report.fields().stream().filter(q -> q.field() == f).findFirst().orElseThrow();
    }

    @Test
    void completenessValidityUniqueness() {
        FieldQuality email = field(Field.EMAIL);
        assertThat(email.present()).isEqualTo(3);
        assertThat(email.valid()).isEqualTo(2);
        assertThat(email.distinct()).isEqualTo(1);
        assertThat(email.uniqueness()).isEqualTo(0.5);
        assertThat(email.invalidReasons()).hasSize(1);
        assertThat(email.examples().values().iterator().next()).containsExactly("3: s***@***");
        FieldQuality phone = field(Field.PHONE);
        assertThat(phone.completeness()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(phone.valid()).isEqualTo(1);
        assertThat(phone.invalidReasons()).containsKey("too short");
        assertThat(field(Field.FIRST_NAME).invalidReasons()).containsEntry("contains a digit", 1L);
        assertThat(field(Field.FIRST_NAME).examples().get("contains a digit")).containsExactly("2: B***");
        assertThat(field(Field.BIRTH_DATE).invalidReasons()).containsEntry("in the future", 1L);
        assertThat(field(Field.COMPANY).completeness()).isZero();
        assertThat(field(Field.COMPANY).validity()).isZero();
    }

    @Test
    void stalenessAndSources() {
        assertThat(report.staleness().withUpdatedAt()).isEqualTo(2);
        assertThat(report.staleness().stale()).isEqualTo(1);
        assertThat(report.sources()).extracting(SourceQuality::source).containsExactly("crm", "shop");
        assertThat(report.sources().get(0).records()).isEqualTo(2);
        assertThat(report.sources().get(1).staleness().withUpdatedAt()).isZero();
    }

    @Test
    void withoutReferenceTheNewestUpdateIsUsed() {
        QualityReport r = new QualityReporter("US", Optional.empty(), Duration.ofDays(365)).report(records);
        assertThat(r.reference()).contains(Instant.parse("2025-12-01T00:00:00Z"));
        assertThat(r.staleness().stale()).isEqualTo(1);
    }
}
