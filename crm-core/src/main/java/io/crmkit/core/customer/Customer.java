package io.crmkit.core.customer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Sets;
import io.crmkit.core.AgentId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A customer: any party the business keeps a record of (a prospect, a buyer, a partner, a
 * distributor, a supplier), a natural person or an organization. One record is the unified view
 * of the party: profile, contact points, roles, lifecycle, acquisition, owner, tags, free
 * attributes and consent.
 *
 * <p>Purchases, interactions, service cases and survey responses refer to the customer by
 * {@link CustomerId} and are held by their own repositories.
 *
 * <p>Rules checked in the constructor: a person has no company profile and an organization no
 * person profile; {@code updatedAt} is not before {@code createdAt}; tags and attribute keys are
 * short non-blank texts. Collections are copied: contact points keep their order (first is
 * preferred), roles, tags and attributes are sorted.
 *
 * <p>Personal data: {@link #toString()} masks the name and contact points and omits attribute
 * values. Use {@link #builder(CustomerId, PartyKind, String, Instant)} to build one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the identifier, not null
 * @param kind person or organization, not null
 * @param name the display name (a person's full name or an organization's name), not null
 * @param person the profile of a person, empty for organizations, not null
 * @param company the company facts of an organization, empty for persons, not null
 * @param contactPoints the ways to reach the customer, most preferred first, not null
 * @param roles the roles the party plays, not null
 * @param lifecycleStage the recorded lifecycle stage, not null
 * @param status the administrative status, not null
 * @param acquisition how and when the customer was acquired, if recorded, not null
 * @param owner the agent who owns the relationship, if any, not null
 * @param tags free labels, sorted, not null
 * @param attributes free key/value facts, sorted by key, not null
 * @param consent the recorded contact consent, not null
 * @param createdAt when the record was created, not null
 * @param updatedAt when the record was last changed, not before {@code createdAt}, not null
 */
public record Customer(
        CustomerId id,
        PartyKind kind,
        String name,
        Optional<PersonProfile> person,
        Optional<CompanyProfile> company,
        List<ContactPoint> contactPoints,
        Set<PartyRole> roles,
        LifecycleStage lifecycleStage,
        CustomerStatus status,
        Optional<Acquisition> acquisition,
        Optional<AgentId> owner,
        Set<String> tags,
        Map<String, String> attributes,
        Consent consent,
        Instant createdAt,
        Instant updatedAt) {

    private static final int MAX_NAME = 300;
    private static final int MAX_ATTRIBUTE_VALUE = 4000;

    /**
     * Validates the customer and copies its collections.
     *
     * @throws NullPointerException if a component or a collection element is null
     * @throws IllegalArgumentException if a rule in the class description is broken
     */
    public Customer {
        Checks.notNull(id, "id");
        Checks.notNull(kind, "kind");
        Checks.personalText(name, "name", MAX_NAME);
        Checks.optional(person, "person");
        Checks.optional(company, "company");
        if (kind == PartyKind.PERSON && company.isPresent()) {
            throw new IllegalArgumentException("customer " + Pii.identifier(id.value())
                    + " is a PERSON and must not have a company profile");
        }
        if (kind == PartyKind.ORGANIZATION && person.isPresent()) {
            throw new IllegalArgumentException("customer " + Pii.identifier(id.value())
                    + " is an ORGANIZATION and must not have a person profile");
        }
        contactPoints = ImmutableList.copyOf(Checks.notNull(contactPoints, "contactPoints"));
        roles = Sets.immutableEnumSet(Checks.notNull(roles, "roles"));
        Checks.notNull(lifecycleStage, "lifecycleStage");
        Checks.notNull(status, "status");
        Checks.optional(acquisition, "acquisition");
        Checks.optional(owner, "owner");
        Checks.notNull(tags, "tags").forEach(t -> Checks.text(t, "tag"));
        tags = ImmutableSortedSet.copyOf(tags);
        Checks.notNull(attributes, "attributes").forEach((k, v) -> {
            Checks.text(k, "attribute key");
            Checks.notNull(v, "attribute '" + k + "'");
            if (v.length() > MAX_ATTRIBUTE_VALUE) {
                throw new IllegalArgumentException("attribute '" + k + "' must be at most " + MAX_ATTRIBUTE_VALUE
                        + " characters, was " + v.length());
            }
        });
        attributes = ImmutableSortedMap.copyOf(attributes);
        Checks.notNull(consent, "consent");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        Checks.notBefore(createdAt, updatedAt, "createdAt", "updatedAt");
    }

    /**
     * Starts a builder with the required fields; everything else starts empty, the stage at
     * {@link LifecycleStage#LEAD}, the status at {@link CustomerStatus#ACTIVE} and
     * {@code updatedAt} equal to {@code createdAt}.
     *
     * @param id the identifier, not null
     * @param kind person or organization, not null
     * @param name the display name, not null
     * @param createdAt when the record was created, not null
     * @return a new builder, never null
     */
    public static Builder builder(CustomerId id, PartyKind kind, String name, Instant createdAt) {
        return new Builder(id, kind, name, createdAt);
    }

    /**
     * Returns a builder holding this customer's values, to derive a changed copy.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder(id, kind, name, createdAt);
        b.person = person;
        b.company = company;
        b.contactPoints.addAll(contactPoints);
        b.roles.addAll(roles);
        b.lifecycleStage = lifecycleStage;
        b.status = status;
        b.acquisition = acquisition;
        b.owner = owner;
        b.tags.addAll(tags);
        b.attributes.putAll(attributes);
        b.consent = consent;
        b.updatedAt = updatedAt;
        return b;
    }

    /**
     * Returns the first e-mail address among the contact points.
     *
     * @return the preferred e-mail address, or empty, never null
     */
    public Optional<EmailAddress> primaryEmail() {
        return firstOf(EmailAddress.class);
    }

    /**
     * Returns the first phone number among the contact points.
     *
     * @return the preferred phone number, or empty, never null
     */
    public Optional<PhoneNumber> primaryPhone() {
        return firstOf(PhoneNumber.class);
    }

    private <T extends ContactPoint> Optional<T> firstOf(Class<T> type) {
        return contactPoints.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * Returns a form safe for logs: name and contact points masked, attribute values omitted.
     *
     * @return the masked text, never null
     */
    @Override
    public String toString() {
        return "Customer[id=" + id + ", kind=" + kind + ", name=" + Pii.mask(name)
                + ", person=" + person.map(PersonProfile::toString).orElse("-")
                + ", company=" + company.map(c -> c.size().name()).orElse("-")
                + ", contactPoints=" + contactPoints.stream().map(ContactPoint::masked)
                        .collect(Collectors.joining(", ", "[", "]"))
                + ", roles=" + roles + ", lifecycleStage=" + lifecycleStage + ", status=" + status
                + ", acquisition=" + acquisition.map(Acquisition::toString).orElse("-")
                + ", owner=" + owner.map(AgentId::toString).orElse("-")
                + ", tags=" + tags + ", attributeKeys=" + attributes.keySet()
                + ", consentRecords=" + consent.records().size()
                + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }

    /**
     * Builds a {@link Customer}. Not thread-safe; the built customer is.
     */
    public static final class Builder {
        private final CustomerId id;
        private final PartyKind kind;
        private final String name;
        private final Instant createdAt;
        private Optional<PersonProfile> person = Optional.empty();
        private Optional<CompanyProfile> company = Optional.empty();
        private final List<ContactPoint> contactPoints = new ArrayList<>();
        private final Set<PartyRole> roles = EnumSet.noneOf(PartyRole.class);
        private LifecycleStage lifecycleStage = LifecycleStage.LEAD;
        private CustomerStatus status = CustomerStatus.ACTIVE;
        private Optional<Acquisition> acquisition = Optional.empty();
        private Optional<AgentId> owner = Optional.empty();
        private final Set<String> tags = new TreeSet<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private Consent consent = Consent.none();
        private Instant updatedAt;

        private Builder(CustomerId id, PartyKind kind, String name, Instant createdAt) {
            this.id = id;
            this.kind = kind;
            this.name = name;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        /**
         * Sets the person profile.
         *
         * @param value the profile, not null
         * @return this builder
         */
        public Builder person(PersonProfile value) {
            this.person = Optional.of(value);
            return this;
        }

        /**
         * Sets the company profile.
         *
         * @param value the profile, not null
         * @return this builder
         */
        public Builder company(CompanyProfile value) {
            this.company = Optional.of(value);
            return this;
        }

        /**
         * Adds a contact point after those already added.
         *
         * @param value the contact point, not null
         * @return this builder
         */
        public Builder contactPoint(ContactPoint value) {
            contactPoints.add(Checks.notNull(value, "contactPoint"));
            return this;
        }

        /**
         * Adds roles.
         *
         * @param values the roles, not null
         * @return this builder
         */
        public Builder roles(PartyRole... values) {
            roles.addAll(List.of(values));
            return this;
        }

        /**
         * Sets the lifecycle stage.
         *
         * @param value the stage, not null
         * @return this builder
         */
        public Builder lifecycleStage(LifecycleStage value) {
            this.lifecycleStage = value;
            return this;
        }

        /**
         * Sets the status.
         *
         * @param value the status, not null
         * @return this builder
         */
        public Builder status(CustomerStatus value) {
            this.status = value;
            return this;
        }

        /**
         * Sets the acquisition.
         *
         * @param value the acquisition, not null
         * @return this builder
         */
        public Builder acquisition(Acquisition value) {
            this.acquisition = Optional.of(value);
            return this;
        }

        /**
         * Sets the owner.
         *
         * @param value the owning agent, not null
         * @return this builder
         */
        public Builder owner(AgentId value) {
            this.owner = Optional.of(value);
            return this;
        }

        /**
         * Adds tags.
         *
         * @param values the tags, not null
         * @return this builder
         */
        public Builder tags(String... values) {
            tags.addAll(List.of(values));
            return this;
        }

        /**
         * Sets an attribute.
         *
         * @param key the key, not null
         * @param value the value, not null
         * @return this builder
         */
        public Builder attribute(String key, String value) {
            attributes.put(Checks.notNull(key, "attribute key"), Checks.notNull(value, "attribute value"));
            return this;
        }

        /**
         * Sets the consent.
         *
         * @param value the consent, not null
         * @return this builder
         */
        public Builder consent(Consent value) {
            this.consent = value;
            return this;
        }

        /**
         * Sets when the record was last changed.
         *
         * @param value the instant, not null
         * @return this builder
         */
        public Builder updatedAt(Instant value) {
            this.updatedAt = value;
            return this;
        }

        /**
         * Builds the customer.
         *
         * @return the customer, never null
         * @throws NullPointerException if a required value is null
         * @throws IllegalArgumentException if a rule of {@link Customer} is broken
         */
        public Customer build() {
            return new Customer(id, kind, name, person, company, contactPoints, roles, lifecycleStage, status,
                    acquisition, owner, tags, attributes, consent, createdAt, updatedAt);
        }
    }
}
