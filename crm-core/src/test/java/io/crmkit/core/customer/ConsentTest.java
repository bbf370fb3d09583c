package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsentTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-06-01T00:00:00Z");

    private static ConsentRecord record(ContactMedium m, ContactPurpose p, ConsentStatus s, Instant from) {
        return ConsentRecord.of(m, p, s, from);
    }

    @Test
    void nothingIsPermittedWithoutARecord() {
        assertThat(Consent.none().permits(ContactMedium.EMAIL, ContactPurpose.MARKETING, T1)).isFalse();
    }

    @Test
    void aGrantAppliesToItsMediumPurposeAndPeriodOnly() {
        Consent c = Consent.of(new ConsentRecord(ContactMedium.EMAIL, ContactPurpose.MARKETING, ConsentStatus.GRANTED,
                T0, Optional.of(T1), Optional.of("web form")));
        assertThat(c.permits(ContactMedium.EMAIL, ContactPurpose.MARKETING, T0)).isTrue();
        assertThat(c.permits(ContactMedium.EMAIL, ContactPurpose.MARKETING, T1)).isFalse();
        assertThat(c.permits(ContactMedium.EMAIL, ContactPurpose.MARKETING, T0.minusSeconds(1))).isFalse();
        assertThat(c.permits(ContactMedium.SMS, ContactPurpose.MARKETING, T0)).isFalse();
        assertThat(c.permits(ContactMedium.EMAIL, ContactPurpose.REMINDERS, T0)).isFalse();
    }

    @Test
    void aDenialWinsOverAGrant() {
        Consent c = Consent.of(record(ContactMedium.SMS, ContactPurpose.REMINDERS, ConsentStatus.GRANTED, T0),
                record(ContactMedium.SMS, ContactPurpose.REMINDERS, ConsentStatus.DENIED, T1));
        assertThat(c.permits(ContactMedium.SMS, ContactPurpose.REMINDERS, T0)).isTrue();
        assertThat(c.permits(ContactMedium.SMS, ContactPurpose.REMINDERS, T1)).isFalse();
    }

    @Test
    void expiryMustFollowTheStart() {
        assertThatThrownBy(() -> new ConsentRecord(ContactMedium.EMAIL, ContactPurpose.MARKETING,
                ConsentStatus.GRANTED, T1, Optional.of(T1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("effectiveUntil");
    }
}
