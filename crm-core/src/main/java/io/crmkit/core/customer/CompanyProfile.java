package io.crmkit.core.customer;

import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The company facts of a customer that is an organization: industry, size class, registered
 * capital, founding date and business scope.
 *
 * <p>Not personal data (except for individual businesses, whose name is held on the
 * {@link Customer} and masked there).
 *
 * <p>Immutable and thread-safe.
 *
 * @param industry the industry, in the host's classification (for example an ISIC or GB/T 4754
 *     code or a label), if recorded, not null
 * @param size the size class, not null ({@link CompanySize#UNKNOWN} when not recorded)
 * @param registeredCapital the registered capital, if recorded, not negative, not null
 * @param foundedOn the founding date, if recorded, not null
 * @param businessScope the registered business scope, if recorded, not null
 */
public record CompanyProfile(
        Optional<String> industry, CompanySize size, Optional<Money> registeredCapital,
        Optional<LocalDate> foundedOn, Optional<String> businessScope) {

    /**
     * Validates the profile.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a text is blank or too long, or the capital is negative
     */
    public CompanyProfile {
        Checks.optional(industry, "industry").ifPresent(i -> Checks.text(i, "industry"));
        Checks.notNull(size, "size");
        Checks.optional(registeredCapital, "registeredCapital").ifPresent(c -> {
            if (c.isNegative()) {
                throw new IllegalArgumentException("registeredCapital must not be negative: " + c);
            }
        });
        Checks.optional(foundedOn, "foundedOn");
        Checks.optional(businessScope, "businessScope").ifPresent(s -> {
            if (s.isBlank() || s.length() > 2000) {
                throw new IllegalArgumentException("businessScope must be 1 to 2000 non-blank characters, had "
                        + s.length());
            }
        });
    }

    /**
     * Returns a profile with only the size class recorded.
     *
     * @param size the size class, not null
     * @return the profile, never null
     */
    public static CompanyProfile ofSize(CompanySize size) {
        return new CompanyProfile(Optional.empty(), size, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Returns the profile with its free-text business scope masked (an individual business may name its owner there).
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "CompanyProfile[industry=" + industry.orElse("none") + ", size=" + size + ", registeredCapital="
                + registeredCapital.map(Object::toString).orElse("none") + ", foundedOn="
                + foundedOn.map(Object::toString).orElse("none") + ", businessScope="
                + businessScope.map(Pii::mask).orElse("none") + "]";
    }
}
