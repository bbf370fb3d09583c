package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.service.Resolution;
import io.crmkit.core.service.ResolutionCode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Personal data never reaches an exception message or a {@code toString()} unmasked: identifiers
 * that are contact data, free-text labels and tags, and free-text fields of records.
 */
class PersonalDataInMessagesTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    void anEmailUsedAsCustomerIdIsMaskedInTheKindMismatchMessage() {
        assertThatThrownBy(() -> Customer.builder(CustomerId.of("john.smith@example.com"), PartyKind.ORGANIZATION,
                "ACME Ltd", CREATED).person(PersonProfile.empty()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORGANIZATION")
                .hasMessageContaining("j***")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("smith").doesNotContain("example.com"));
    }

    @Test
    void aPlainCustomerIdIsShownForDebugging() {
        assertThatThrownBy(() -> Customer.builder(CustomerId.of("C-1002"), PartyKind.ORGANIZATION,
                "ACME Ltd", CREATED).person(PersonProfile.empty()).build())
                .hasMessageContaining("C-1002");
        assertThatThrownBy(() -> Customer.builder(CustomerId.of("8613800138000"), PartyKind.ORGANIZATION,
                "ACME Ltd", CREATED).person(PersonProfile.empty()).build())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("13800138000"));
    }

    @Test
    void badTagsAndConsentSourcesAreNotEchoed() {
        String longTag = "Zhang Wei, called about his mother " + "x".repeat(300);
        assertThatThrownBy(() -> Customer.builder(CustomerId.of("c-1"), PartyKind.PERSON, "Zhang Wei", CREATED)
                .tags(longTag).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Zhang").doesNotContain("mother"));
        assertThatThrownBy(() -> new ConsentRecord(ContactMedium.EMAIL, ContactPurpose.MARKETING,
                ConsentStatus.GRANTED, CREATED, Optional.empty(), Optional.of(" call with Li Na")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Li Na"));
        assertThatThrownBy(() -> new ConsentRecord(ContactMedium.EMAIL, ContactPurpose.MARKETING,
                ConsentStatus.GRANTED, CREATED, Optional.empty(), Optional.of("Li\u0000Na")))
                .hasMessageContaining("character 3")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Li"));
    }

    @Test
    void freeTextFieldsAreMaskedInToString() {
        ConsentRecord consent = new ConsentRecord(ContactMedium.EMAIL, ContactPurpose.MARKETING,
                ConsentStatus.GRANTED, CREATED, Optional.empty(), Optional.of("phone call with Li Na"));
        assertThat(consent.toString()).contains("MARKETING").contains("p***").doesNotContain("Li Na");
        CompanyProfile company = new CompanyProfile(Optional.of("retail"), CompanySize.SMALL, Optional.empty(),
                Optional.empty(), Optional.of("Wang Fang's tea shop, sole proprietor"));
        assertThat(company.toString()).contains("retail").contains("SMALL").doesNotContain("Wang");
        Resolution resolution = new Resolution(ResolutionCode.values()[0], Optional.of("Mr Rothermel was refunded"));
        assertThat(resolution.toString()).contains(ResolutionCode.values()[0].name()).doesNotContain("Rothermel");
    }
}
