package io.crmkit.core.customer;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A postal address: street lines, locality (city), optional region and postal code, and an ISO
 * 3166-1 alpha-2 country code.
 *
 * <p>Personal data: {@link #toString()} shows only the country; the other parts are available from
 * the accessors.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lines the street lines, 1 to 4 non-blank lines, not null
 * @param locality the city or town, not null
 * @param region the state, province or prefecture, if any, not null
 * @param postalCode the postal code, if any, not null
 * @param countryCode the ISO 3166-1 alpha-2 country code, upper case, not null
 */
public record PostalAddress(
        List<String> lines, String locality, Optional<String> region, Optional<String> postalCode,
        String countryCode) implements ContactPoint {

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    private static final int MAX_PART = 200;

    /**
     * Validates the address.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a part is blank or too long, there are no or more than 4
     *     lines, or the country code is not an ISO 3166-1 alpha-2 code
     */
    public PostalAddress {
        Checks.notNull(lines, "lines");
        lines = ImmutableList.copyOf(lines);
        if (lines.isEmpty() || lines.size() > 4) {
            throw new IllegalArgumentException("address lines must be 1 to 4 lines, were " + lines.size());
        }
        for (String line : lines) {
            Checks.personalText(line, "address line", MAX_PART);
        }
        Checks.personalText(locality, "locality", MAX_PART);
        Checks.optional(region, "region").ifPresent(r -> Checks.personalText(r, "region", MAX_PART));
        Checks.optional(postalCode, "postalCode").ifPresent(p -> Checks.personalText(p, "postalCode", 20));
        Checks.notNull(countryCode, "countryCode");
        if (!COUNTRIES.contains(countryCode)) {
            throw new IllegalArgumentException(
                    "countryCode must be an upper-case ISO 3166-1 alpha-2 code such as 'CN': " + (countryCode.length() <= 3
                            ? "'" + countryCode + "'" : "had " + countryCode.length() + " characters"));
        }
    }

    /**
     * Returns an address without region or postal code.
     *
     * @param lines the street lines, not null
     * @param locality the city or town, not null
     * @param countryCode the ISO 3166-1 alpha-2 country code, not null
     * @return the address, never null
     */
    public static PostalAddress of(List<String> lines, String locality, String countryCode) {
        return new PostalAddress(lines, locality, Optional.empty(), Optional.empty(), countryCode);
    }

    @Override
    public ContactMedium medium() {
        return ContactMedium.POSTAL_MAIL;
    }

    @Override
    public String masked() {
        return "PostalAddress[" + Pii.HIDDEN + ", " + countryCode + "]";
    }

    /**
     * Returns the masked form, showing only the country.
     *
     * @return the masked address, never null
     */
    @Override
    public String toString() {
        return masked();
    }
}
