package io.crmkit.core.service;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;
import java.util.Optional;

/**
 * How a service case was resolved: a code and an optional short reason code of the host's own.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the resolution code, not null
 * @param reason the host's finer reason code (not free text), if any, not null
 */
public record Resolution(ResolutionCode code, Optional<String> reason) {

    /**
     * Validates the resolution.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the reason is blank, too long or padded
     */
    public Resolution {
        Checks.notNull(code, "code");
        Checks.optional(reason, "reason").ifPresent(r -> Checks.text(r, "reason"));
    }

    /**
     * Returns a resolution without a reason.
     *
     * @param code the code, not null
     * @return the resolution, never null
     */
    public static Resolution of(ResolutionCode code) {
        return new Resolution(code, Optional.empty());
    }

    /**
     * Returns the resolution with its free-text reason masked (it may quote the customer).
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "Resolution[code=" + code + ", reason=" + reason.map(Pii::mask).orElse("none") + "]";
    }
}
