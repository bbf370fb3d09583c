package io.crmkit.quality;

import io.crmkit.core.CustomerId;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.PersonProfile;
import io.crmkit.core.customer.PhoneNumber;
import io.crmkit.core.customer.PostalAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer record as a source system holds it, before any cleansing: the fields duplicate
 * detection and the data-quality report look at, each optional and kept exactly as given (an
 * e-mail in capitals, a phone written with spaces, a name with or without accents, in Han
 * characters or in pinyin).
 *
 * <p>A record has either a {@code firstName}/{@code lastName} pair, a single {@code fullName}, or
 * both; {@code source} names the system it came from (for survivorship by source priority and the
 * per-source report) and {@code updatedAt} when it was last changed (for survivorship by recency and
 * staleness). Empty strings are not allowed: a missing value is {@link Optional#empty()}.
 *
 * <p>Personal data: {@link #toString()} prints the identifier and which fields are present, never
 * their values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the customer identifier, not null
 * @param firstName the given name, not null
 * @param lastName the family name, not null
 * @param fullName the full name in one text (used when first and last name are absent), not null
 * @param email the e-mail address as written, not null
 * @param phone the phone number as written, not null
 * @param street the street line, not null
 * @param city the city, not null
 * @param postalCode the postal code, not null
 * @param country the country, an ISO 3166-1 alpha-2 code or a name, not null
 * @param birthDate the date of birth, not null
 * @param company the company name, not null
 * @param source the source system, not null
 * @param updatedAt when the record was last changed, not null
 */
public record CustomerRecord(
        CustomerId id,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<String> fullName,
        Optional<String> email,
        Optional<String> phone,
        Optional<String> street,
        Optional<String> city,
        Optional<String> postalCode,
        Optional<String> country,
        Optional<LocalDate> birthDate,
        Optional<String> company,
        Optional<String> source,
        Optional<Instant> updatedAt) {

    /**
     * Validates the record.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a text field is present but blank (the message names the
     *     field and the record's identifier, never the value)
     */
    public CustomerRecord {
        Objects.requireNonNull(id, "id");
        for (Field f : Field.values()) {
            Optional<?> v = Objects.requireNonNull(f.rawOf(firstName, lastName, fullName, email, phone, street, city,
                    postalCode, country, birthDate, company), f.column());
            if (v.isPresent() && v.get() instanceof String s && s.isBlank()) {
                throw new IllegalArgumentException(f.column() + " of customer " + id
                        + " is blank: leave it empty (Optional.empty()) instead");
            }
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (source.isPresent() && source.get().isBlank()) {
            throw new IllegalArgumentException("source of customer " + id + " is blank");
        }
    }

    /**
     * Starts a builder with every field empty.
     *
     * @param id the customer identifier, not null
     * @return a new builder, never null
     */
    public static Builder builder(CustomerId id) {
        return new Builder(Objects.requireNonNull(id, "id"));
    }

    /**
     * Returns a builder holding this record's values.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.firstName = firstName;
        b.lastName = lastName;
        b.fullName = fullName;
        b.email = email;
        b.phone = phone;
        b.street = street;
        b.city = city;
        b.postalCode = postalCode;
        b.country = country;
        b.birthDate = birthDate;
        b.company = company;
        b.source = source;
        b.updatedAt = updatedAt;
        return b;
    }

    /**
     * Returns the record of a crmkit {@link Customer}: its name as {@code fullName}, the first e-mail,
     * phone and postal address among its contact points, the birth date of a person, the name of an
     * organization as {@code company}, and {@code updatedAt}.
     *
     * @param customer the customer, not null
     * @return the record, never null
     */
    public static CustomerRecord of(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        Builder b = builder(customer.id()).fullName(customer.name())
                .updatedAt(customer.updatedAt());
        customer.primaryEmail().map(EmailAddress::value).ifPresent(b::email);
        customer.primaryPhone().map(PhoneNumber::value).ifPresent(b::phone);
        customer.person().flatMap(PersonProfile::birthDate).ifPresent(b::birthDate);
        if (customer.company().isPresent()) {
            b.company(customer.name());
        }
        customer.contactPoints().stream().filter(PostalAddress.class::isInstance).map(PostalAddress.class::cast)
                .findFirst().ifPresent(a -> {
                    b.street(String.join(", ", a.lines()));
                    b.city(a.locality());
                    a.postalCode().ifPresent(b::postalCode);
                    b.country(a.countryCode());
                });
        return b.build();
    }

    /**
     * Returns the raw value of a field.
     *
     * @param field the field, not null
     * @return the value as given (a date as ISO text), or empty, never null
     */
    public Optional<String> get(Field field) {
        return field.rawOf(firstName, lastName, fullName, email, phone, street, city, postalCode, country, birthDate,
                company).map(Object::toString);
    }

    /**
     * Returns how many of the {@link Field}s are present.
     *
     * @return the count, 0 to the number of fields
     */
    public int presentFields() {
        int n = 0;
        for (Field f : Field.values()) {
            if (get(f).isPresent()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Returns the identifier and the names of the fields present, never their values.
     *
     * @return the masked text, never null
     */
    @Override
    public String toString() {
        List<String> present = new ArrayList<>();
        for (Field f : Field.values()) {
            if (get(f).isPresent()) {
                present.add(f.column());
            }
        }
        return "CustomerRecord[id=" + id + ", present=" + present + ", source=" + source.orElse("-")
                + ", updatedAt=" + updatedAt.map(Instant::toString).orElse("-") + "]";
    }

    /** The personal fields of a record, by their CSV column name. Immutable and thread-safe. */
    public enum Field {
        /** The given name. */
        FIRST_NAME("first_name"),
        /** The family name. */
        LAST_NAME("last_name"),
        /** The full name in one text. */
        NAME("name"),
        /** The e-mail address. */
        EMAIL("email"),
        /** The phone number. */
        PHONE("phone"),
        /** The street line. */
        STREET("street"),
        /** The city. */
        CITY("city"),
        /** The postal code. */
        POSTAL_CODE("postal_code"),
        /** The country. */
        COUNTRY("country"),
        /** The date of birth. */
        BIRTH_DATE("birth_date"),
        /** The company name. */
        COMPANY("company");

        private final String column;

        Field(String column) {
            this.column = column;
        }

        /**
         * Returns the CSV column name, such as {@code first_name}.
         *
         * @return the name, never null
         */
        public String column() {
            return column;
        }

        Optional<?> rawOf(Optional<String> firstName, Optional<String> lastName, Optional<String> fullName,
                Optional<String> email, Optional<String> phone, Optional<String> street, Optional<String> city,
                Optional<String> postalCode, Optional<String> country, Optional<LocalDate> birthDate,
                Optional<String> company) {
            return switch (this) {
                case FIRST_NAME -> firstName;
                case LAST_NAME -> lastName;
                case NAME -> fullName;
                case EMAIL -> email;
                case PHONE -> phone;
                case STREET -> street;
                case CITY -> city;
                case POSTAL_CODE -> postalCode;
                case COUNTRY -> country;
                case BIRTH_DATE -> birthDate;
                case COMPANY -> company;
            };
        }
    }

    /** Builds a {@link CustomerRecord}; blank texts are taken as absent. Not thread-safe. */
    public static final class Builder {
        private final CustomerId id;
        private Optional<String> firstName = Optional.empty();
        private Optional<String> lastName = Optional.empty();
        private Optional<String> fullName = Optional.empty();
        private Optional<String> email = Optional.empty();
        private Optional<String> phone = Optional.empty();
        private Optional<String> street = Optional.empty();
        private Optional<String> city = Optional.empty();
        private Optional<String> postalCode = Optional.empty();
        private Optional<String> country = Optional.empty();
        private Optional<LocalDate> birthDate = Optional.empty();
        private Optional<String> company = Optional.empty();
        private Optional<String> source = Optional.empty();
        private Optional<Instant> updatedAt = Optional.empty();

        private Builder(CustomerId id) {
            this.id = id;
        }

        private static Optional<String> text(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }

        /**
         * Sets the given name; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder firstName(String value) {
            firstName = text(value);
            return this;
        }

        /**
         * Sets the family name; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder lastName(String value) {
            lastName = text(value);
            return this;
        }

        /**
         * Sets the full name; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder fullName(String value) {
            fullName = text(value);
            return this;
        }

        /**
         * Sets the e-mail address; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder email(String value) {
            email = text(value);
            return this;
        }

        /**
         * Sets the phone number; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder phone(String value) {
            phone = text(value);
            return this;
        }

        /**
         * Sets the street line; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder street(String value) {
            street = text(value);
            return this;
        }

        /**
         * Sets the city; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder city(String value) {
            city = text(value);
            return this;
        }

        /**
         * Sets the postal code; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder postalCode(String value) {
            postalCode = text(value);
            return this;
        }

        /**
         * Sets the country; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder country(String value) {
            country = text(value);
            return this;
        }

        /**
         * Sets the date of birth; null clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder birthDate(LocalDate value) {
            birthDate = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets the company name; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder company(String value) {
            company = text(value);
            return this;
        }

        /**
         * Sets the source system; null or blank clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder source(String value) {
            source = text(value);
            return this;
        }

        /**
         * Sets when the record was last changed; null clears it.
         *
         * @param value the value, may be null
         * @return this builder
         */
        public Builder updatedAt(Instant value) {
            updatedAt = Optional.ofNullable(value);
            return this;
        }

        /**
         * Builds the record.
         *
         * @return the record, never null
         */
        public CustomerRecord build() {
            return new CustomerRecord(id, firstName, lastName, fullName, email, phone, street, city, postalCode, country,
                    birthDate, company, source, updatedAt);
        }
    }
}
