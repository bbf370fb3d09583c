package io.crmkit.quality.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    @Test
    void emailsFoldCaseWhitespaceAndProviderRules() {
        assertThat(EmailNormalizer.normalise("  John.Smith@Example.COM ")).contains("john.smith@example.com");
        assertThat(EmailNormalizer.normalise("j.o.h.n+shop@GoogleMail.com")).contains("john@gmail.com");
        assertThat(EmailNormalizer.normalise("jane.doe+news@outlook.com")).contains("jane.doe@outlook.com");
        // elsewhere '+' and dots are kept: they may be real characters
        assertThat(EmailNormalizer.normalise("a.b+c@example.org")).contains("a.b+c@example.org");
        assertThat(EmailNormalizer.normalise("not an address")).isEmpty();
        assertThat(EmailNormalizer.problem("john@@example.com")).isPresent();
        assertThat(EmailNormalizer.problem("john.smith@example.com")).isEmpty();
    }

    @Test
    void emailProblemsNeverRepeatTheAddress() {
        assertThat(EmailNormalizer.problem("secretname@nodomain").orElseThrow()).doesNotContain("secretname");
    }

    @Test
    void phonesToE164WithTheDefaultRegion() {
        PhoneNormalizer us = new PhoneNormalizer("US");
        assertThat(us.normalise("(510) 645-3099")).contains("+15106453099");
        assertThat(us.normalise("+1 510.645.3099")).contains("+15106453099");
        assertThat(us.normalise("1-510-645-3099")).contains("+15106453099");
        assertThat(us.normalise("+86 138-0013-8000")).contains("+8613800138000");
        assertThat(us.normalise("0086 138 0013 8000")).contains("+8613800138000");
        assertThat(new PhoneNormalizer("ZZ").normalise("(510) 645-3099")).isEmpty();
        assertThat(new PhoneNormalizer("CN").normalise("138 0013 8000")).contains("+8613800138000");
        assertThat(us.normalise("hello")).isEmpty();
        assertThat(us.problem("12")).isPresent();
        assertThatThrownBy(() -> new PhoneNormalizer("XX")).hasMessageContaining("defaultRegion");
    }

    @Test
    void namesFoldCaseAccentsAndScripts() {
        assertThat(NameNormalizer.fold("  José  O'Neil-Smith ")).isEqualTo("jose o neil smith");
        assertThat(NameNormalizer.fold("Søren Müller")).isEqualTo("soren muller");
        assertThat(NameNormalizer.fold("张伟")).isEqualTo("zhang wei");
        assertThat(NameNormalizer.split(Optional.empty(), Optional.empty(), Optional.of("张伟明")))
                .isEqualTo(new NameNormalizer.Parts("weiming", "zhang"));
        assertThat(NameNormalizer.split(Optional.empty(), Optional.empty(), Optional.of("欧阳娜娜")))
                .isEqualTo(new NameNormalizer.Parts("nana", "ouyang"));
        assertThat(NameNormalizer.split(Optional.of("Wei Ming"), Optional.of("ZHANG"), Optional.empty()))
                .isEqualTo(new NameNormalizer.Parts("weiming", "zhang"));
        assertThat(NameNormalizer.split(Optional.empty(), Optional.empty(), Optional.of("Rothermel, Anna Maria")))
                .isEqualTo(new NameNormalizer.Parts("annamaria", "rothermel"));
        assertThat(NameNormalizer.split(Optional.empty(), Optional.empty(), Optional.of("Anna Rothermel")))
                .isEqualTo(new NameNormalizer.Parts("anna", "rothermel"));
        assertThat(new NameNormalizer.Parts("anna", "rothermel").toString()).doesNotContain("anna", "rothermel");
    }

    @Test
    void addressesLightly() {
        assertThat(AddressNormalizer.street("12 Oak Street")).isEqualTo("12 oak st");
        assertThat(AddressNormalizer.street("12 OAK ST.")).isEqualTo("12 oak st");
        assertThat(AddressNormalizer.street("Hauptstraße 5")).isEqualTo("hauptstr 5");
        assertThat(AddressNormalizer.postalCode(" sw1a 1aa")).isEqualTo("SW1A1AA");
        assertThat(AddressNormalizer.country("United States")).contains("US");
        assertThat(AddressNormalizer.country("cn")).contains("CN");
        assertThat(AddressNormalizer.country("Atlantis")).isEmpty();
    }
}
