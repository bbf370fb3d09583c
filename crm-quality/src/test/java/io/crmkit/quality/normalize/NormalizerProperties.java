package io.crmkit.quality.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every normaliser is idempotent. */
class NormalizerProperties {

    private static final PhoneNormalizer US = new PhoneNormalizer("US");

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcdeéèüößøABCZ '-.,张伟王李明").ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.of("José O'Neil", "张伟", "Zhang Wei", "Søren  Ødegaard", "Groß", "欧阳娜娜"));
    }

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcXYZ.+_ 09").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> domain = Arbitraries.of("gmail.com", "GoogleMail.com", "outlook.com", "example.org", "x",
                "Example.COM ");
        return Arbitraries.oneOf(local.flatMap(l -> domain.map(d -> l + "@" + d)), Arbitraries.strings().ofMaxLength(10));
    }

    @Provide
    Arbitrary<String> phones() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789 +-().").ofMaxLength(20),
                Arbitraries.strings().numeric().ofLength(10).map(d -> "(" + d.substring(0, 3) + ") " + d.substring(3)),
                Arbitraries.strings().numeric().ofLength(11).map(d -> "+86 1" + d.substring(1)));
    }

    @Property
    void nameFoldIsIdempotent(@ForAll("names") String raw) {
        String once = NameNormalizer.fold(raw);
        assertThat(NameNormalizer.fold(once)).isEqualTo(once);
    }

    @Property
    void emailNormalisationIsIdempotent(@ForAll("emails") String raw) {
        EmailNormalizer.normalise(raw).ifPresent(once -> assertThat(EmailNormalizer.normalise(once)).contains(once));
    }

    @Property
    void phoneNormalisationIsIdempotent(@ForAll("phones") String raw) {
        US.normalise(raw).ifPresent(once -> assertThat(US.normalise(once)).contains(once));
    }

    @Property
    void addressNormalisationIsIdempotent(@ForAll("names") String raw) {
        String street = AddressNormalizer.street(raw);
        assertThat(AddressNormalizer.street(street)).isEqualTo(street);
        String postal = AddressNormalizer.postalCode(raw);
        assertThat(AddressNormalizer.postalCode(postal)).isEqualTo(postal);
        AddressNormalizer.country(raw).ifPresent(c -> assertThat(AddressNormalizer.country(c)).contains(c));
    }
}
