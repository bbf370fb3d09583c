package io.crmkit.quality.normalize;

import io.crmkit.core.CustomerId;
import io.crmkit.quality.CustomerRecord;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CustomerRecord} with every field normalised for matching: name parts folded
 * ({@link NameNormalizer}), e-mail normalised ({@link EmailNormalizer}), phone in E.164
 * ({@link PhoneNormalizer}), street, city, postal code and country normalised
 * ({@link AddressNormalizer}), company folded. An empty string means absent or unreadable.
 *
 * <p>Personal data: {@link #toString()} prints the identifier only.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the customer identifier, not null
 * @param given the folded given name, not null
 * @param family the folded family name, not null
 * @param email the normalised e-mail, not null
 * @param phone the phone in E.164, not null
 * @param street the normalised street, not null
 * @param city the folded city, not null
 * @param postalCode the normalised postal code, not null
 * @param country the ISO 3166-1 alpha-2 country code, not null
 * @param birthDate the date of birth, not null
 * @param company the folded company name, not null
 */
public record NormalizedRecord(CustomerId id, String given, String family, String email, String phone, String street,
        String city, String postalCode, String country, Optional<LocalDate> birthDate, String company) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public NormalizedRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(given, "given");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(company, "company");
    }

    /**
     * Normalises a record.
     *
     * @param record the record, not null
     * @param phones the phone normaliser (its default region), not null
     * @return the normalised record, never null
     */
    public static NormalizedRecord of(CustomerRecord record, PhoneNormalizer phones) {
        NameNormalizer.Parts name = NameNormalizer.split(record.firstName(), record.lastName(), record.fullName());
        return new NormalizedRecord(record.id(), name.given(), name.family(),
                record.email().flatMap(EmailNormalizer::normalise).orElse(""),
                record.phone().flatMap(phones::normalise).orElse(""),
                record.street().map(AddressNormalizer::street).orElse(""),
                record.city().map(AddressNormalizer::city).orElse(""),
                record.postalCode().map(AddressNormalizer::postalCode).orElse(""),
                record.country().flatMap(AddressNormalizer::country).orElse(""),
                record.birthDate(),
                record.company().map(NameNormalizer::fold).orElse(""));
    }

    /**
     * Returns the identifier only.
     *
     * @return the masked text, never null
     */
    @Override
    public String toString() {
        return "NormalizedRecord[id=" + id + "]";
    }
}
