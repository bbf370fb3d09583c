package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.PersonProfile;
import io.crmkit.core.customer.PhoneNumber;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.SocialAccount;
import io.crmkit.core.customer.WebAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@code toString()} of the types holding personal data never shows that data. A personal value
 * counts as leaked when it appears in {@code toString()} although it does not appear in the
 * {@code toString()} of the same value with every personal part replaced by a placeholder (so a
 * name that happens to equal a tag or an enum constant is not a leak); values of fewer than four
 * characters are not checked, since the masked forms show a first character or the last digits by
 * design.
 */
class PersonalDataProperties {

    private static final String PLACEHOLDER = "Zz";

    @Property(tries = 300)
    void customerToStringShowsNoPersonalData(@ForAll Customer customer) {
        Customer placeholder = new Customer(customer.id(), customer.kind(), PLACEHOLDER,
                customer.person().map(p -> PersonProfile.empty()), customer.company(), List.of(), customer.roles(),
                customer.lifecycleStage(), customer.status(), customer.acquisition(), customer.owner(),
                customer.tags(), customer.attributes(), customer.consent(), customer.createdAt(),
                customer.updatedAt());
        List<String> secrets = new ArrayList<>();
        secrets.add(customer.name());
        customer.person().ifPresent(p -> secrets.addAll(secretsOf(p)));
        customer.contactPoints().forEach(cp -> secrets.addAll(secretsOf(cp)));
        assertNoLeak(customer.toString(), placeholder.toString(), secrets);
    }

    @Property(tries = 500)
    void contactPointToStringShowsNoPersonalData(@ForAll ContactPoint contactPoint) {
        String skeleton;
        if (contactPoint instanceof EmailAddress e) {
            skeleton = EmailAddress.of("z@" + e.domain()).toString();
        } else if (contactPoint instanceof PhoneNumber p) {
            String digits = p.value().substring(1);
            skeleton = PhoneNumber.of("+" + "9".repeat(digits.length() - 4) + digits.substring(digits.length() - 4))
                    .toString();
        } else if (contactPoint instanceof PostalAddress a) {
            skeleton = PostalAddress.of(List.of(PLACEHOLDER), PLACEHOLDER, a.countryCode()).toString();
        } else if (contactPoint instanceof SocialAccount s) {
            skeleton = SocialAccount.of(s.network(), PLACEHOLDER).toString();
        } else {
            WebAddress w = (WebAddress) contactPoint;
            skeleton = WebAddress.of(w.uri().getScheme() + "://" + w.uri().getHost()).toString();
        }
        assertThat(contactPoint.toString()).isEqualTo(contactPoint.masked());
        assertNoLeak(contactPoint.toString(), skeleton, secretsOf(contactPoint));
    }

    @Property(tries = 300)
    void personProfileToStringShowsNeitherBirthDateNorOccupation(@ForAll PersonProfile profile) {
        PersonProfile skeleton = new PersonProfile(profile.gender(), Optional.empty(), Optional.empty());
        assertNoLeak(profile.toString(), skeleton.toString(), secretsOf(profile));
    }

    private static List<String> secretsOf(PersonProfile p) {
        List<String> secrets = new ArrayList<>();
        p.birthDate().ifPresent(d -> secrets.add(d.toString()));
        p.occupation().ifPresent(secrets::add);
        return secrets;
    }

    private static List<String> secretsOf(ContactPoint contactPoint) {
        List<String> secrets = new ArrayList<>();
        if (contactPoint instanceof EmailAddress e) {
            secrets.add(e.value());
            String local = e.value().substring(0, e.value().lastIndexOf('@'));
            if (local.length() >= 2) {
                secrets.add(local + "@");
            }
        } else if (contactPoint instanceof PhoneNumber p) {
            secrets.add(p.value());
            secrets.add(p.value().substring(1, p.value().length() - 4));
        } else if (contactPoint instanceof PostalAddress a) {
            secrets.addAll(a.lines());
            secrets.add(a.locality());
            a.region().ifPresent(secrets::add);
            a.postalCode().ifPresent(secrets::add);
        } else if (contactPoint instanceof SocialAccount s) {
            secrets.add(s.handle());
        } else if (contactPoint instanceof WebAddress w) {
            // scheme and host are shown by design; the path and query are the personal part
            String path = w.uri().getRawPath() == null ? "" : w.uri().getRawPath();
            String query = w.uri().getRawQuery() == null ? "" : w.uri().getRawQuery();
            if (path.length() > 1 || !query.isEmpty()) {
                secrets.add(w.uri().toString());
                secrets.add(path);
                secrets.add(query);
            }
        }
        return secrets;
    }

    private static void assertNoLeak(String shown, String skeleton, List<String> secrets) {
        for (String secret : secrets) {
            if (secret.length() >= 4 && !skeleton.contains(secret)) {
                assertThat(shown).as("toString() must not show personal data").doesNotContain(secret);
            }
        }
    }
}
