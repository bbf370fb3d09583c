package io.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactPointTest {

    @Test
    void email_normalisesTheDomainOnly() {
        EmailAddress e = EmailAddress.of("Zhang.Wei+crm@Example.COM");
        assertThat(e.value()).isEqualTo("Zhang.Wei+crm@example.com");
        assertThat(e.domain()).isEqualTo("example.com");
        assertThat(e.medium()).isEqualTo(ContactMedium.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zhang.wei", "@example.com", "zhang@", "zhang@localhost", "zhang..wei@example.com",
        ".zhang@example.com", "zhang.@example.com", "zhang wei@example.com", "zhang@exa mple.com", "zhang@-bad-.com",
        "zhang@example..com", "zh(ang)@example.com"})
    void email_rejectsMalformedAddressesWithoutShowingThem(String bad) {
        assertThatThrownBy(() -> EmailAddress.of(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("email")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("zhang"));
    }

    @Test
    void email_toStringIsMasked() {
        EmailAddress e = EmailAddress.of("zhang.wei@example.com");
        assertThat(e.toString()).isEqualTo("z***@example.com").doesNotContain("zhang");
    }

    @Test
    void phone_normalisesToE164() {
        assertThat(PhoneNumber.of("+86 138-0013-8000").value()).isEqualTo("+8613800138000");
        assertThat(PhoneNumber.of("+1 (415) 555 0100").value()).isEqualTo("+14155550100");
        assertThat(PhoneNumber.of("0044 20 7946 0958").value()).isEqualTo("+442079460958");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+86 138 0013 80x0", "+1234567", "+1234567890123456", "+0 415 555 0100",
        "", "+"})
    void phone_rejectsMalformedNumbersWithoutShowingThem(String bad) {
        assertThatThrownBy(() -> PhoneNumber.of(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("phone")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("138001").doesNotContain("415555"));
    }

    @Test
    void phone_toStringKeepsOnlyTheLastDigits() {
        assertThat(PhoneNumber.of("+8613800138000").toString()).isEqualTo("+***8000");
    }

    @Test
    void postalAddress_validatesCountryAndMasks() {
        PostalAddress a = new PostalAddress(List.of("88 Century Avenue", "Floor 12"), "Shanghai",
                Optional.of("Shanghai"), Optional.of("200120"), "CN");
        assertThat(a.toString()).contains("CN").doesNotContain("Century").doesNotContain("200120");
        assertThatThrownBy(() -> PostalAddress.of(List.of("1 Main St"), "Springfield", "us"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("countryCode").hasMessageContaining("'us'");
        // a longer value may be a misplaced address line: never echoed
        assertThatThrownBy(() -> PostalAddress.of(List.of("1 Main St"), "Springfield", "Main Street 5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("had 13 characters")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Main"));
        assertThatThrownBy(() -> PostalAddress.of(List.of(), "Springfield", "US"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lines");
        assertThatThrownBy(() -> PostalAddress.of(List.of(" 1 Main St"), "Springfield", "US"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("address line")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Main"));
    }

    @Test
    void webAddress_requiresHttpWithHost() {
        assertThat(WebAddress.of("https://example.com/people/zhang").toString()).isEqualTo("https://example.com/***");
        assertThatThrownBy(() -> WebAddress.of("ftp://example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp");
        assertThatThrownBy(() -> WebAddress.of("https:///x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host");
    }

    @Test
    void socialAccount_masksTheHandle() {
        SocialAccount s = SocialAccount.of(SocialNetwork.WECHAT, "wxid_zhangwei88");
        assertThat(s.toString()).isEqualTo("WECHAT:w***");
        assertThat(s.medium()).isEqualTo(ContactMedium.MESSAGING);
    }
}
