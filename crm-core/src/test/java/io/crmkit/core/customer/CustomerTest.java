package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.AgentId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T08:00:00Z");

    private static Customer.Builder person() {
        return Customer.builder(CustomerId.of("c-1"), PartyKind.PERSON, "Zhang Wei", CREATED);
    }

    @Test
    void builderDefaultsAreDocumented() {
        Customer c = person().build();
        assertThat(c.lifecycleStage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(c.updatedAt()).isEqualTo(CREATED);
        assertThat(c.contactPoints()).isEmpty();
        assertThat(c.consent().permits(ContactMedium.EMAIL, ContactPurpose.MARKETING, CREATED)).isFalse();
    }

    @Test
    void toStringMasksPersonalData() {
        Customer c = person()
                .person(new PersonProfile(Optional.of(Gender.MALE), Optional.of(LocalDate.of(1988, 5, 17)),
                        Optional.of("engineer")))
                .contactPoint(EmailAddress.of("zhang.wei@example.com"))
                .contactPoint(PhoneNumber.of("+8613800138000"))
                .attribute("national_id", "110101198805170011")
                .tags("vip")
                .owner(AgentId.of("agent-7"))
                .build();
        assertThat(c.toString()).doesNotContain("Zhang", "zhang.wei", "13800138000", "1988", "engineer",
                "110101198805170011").contains("c-1", "vip", "national_id", "agent-7");
    }

    @Test
    void primaryContactsAreTheFirstOfTheirKind() {
        Customer c = person().contactPoint(PhoneNumber.of("+8613800138000"))
                .contactPoint(EmailAddress.of("first@example.com"))
                .contactPoint(EmailAddress.of("second@example.com")).build();
        assertThat(c.primaryEmail()).contains(EmailAddress.of("first@example.com"));
        assertThat(c.primaryPhone()).contains(PhoneNumber.of("+8613800138000"));
    }

    @Test
    void aPersonCannotHaveCompanyFactsAndViceVersa() {
        assertThatThrownBy(() -> person().company(CompanyProfile.ofSize(CompanySize.SMALL)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c-1").hasMessageContaining("PERSON");
        assertThatThrownBy(() -> Customer.builder(CustomerId.of("o-1"), PartyKind.ORGANIZATION, "ACME Ltd", CREATED)
                .person(PersonProfile.empty()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORGANIZATION");
    }

    @Test
    void updatedAtMayNotPrecedeCreatedAt() {
        assertThatThrownBy(() -> person().updatedAt(CREATED.minusSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updatedAt")
                .hasMessageContaining("createdAt");
    }

    @Test
    void nameIsValidatedWithoutBeingShown() {
        assertThatThrownBy(() -> Customer.builder(CustomerId.of("c-2"), PartyKind.PERSON, " Li Na", CREATED).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Li Na"));
    }

    @Test
    void companyFactsAreValidated() {
        CompanyProfile p = new CompanyProfile(Optional.of("C26"), CompanySize.MEDIUM,
                Optional.of(Money.of("5000000.00", "CNY")), Optional.of(LocalDate.of(2010, 1, 4)), Optional.empty());
        assertThat(p.size().isSme()).isTrue();
        assertThatThrownBy(() -> new CompanyProfile(Optional.empty(), CompanySize.LARGE,
                Optional.of(Money.of("-1.00", "CNY")), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registeredCapital");
    }

    @Test
    void toBuilderRoundTrips() {
        Customer c = person().tags("a", "b").attribute("k", "v").roles(PartyRole.BUYER, PartyRole.PARTNER).build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void ageIsComputedFromTheBirthDate() {
        PersonProfile p = new PersonProfile(Optional.empty(), Optional.of(LocalDate.of(1990, 6, 15)), Optional.empty());
        assertThat(p.ageOn(LocalDate.of(2026, 6, 14))).contains(35);
        assertThat(p.ageOn(LocalDate.of(2026, 6, 15))).contains(36);
        assertThat(PersonProfile.empty().ageOn(LocalDate.of(2026, 1, 1))).isEmpty();
    }
}
