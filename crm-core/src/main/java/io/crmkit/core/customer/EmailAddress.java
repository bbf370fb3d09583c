package io.crmkit.core.customer;

import com.google.common.net.InternetDomainName;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;
import java.util.Locale;

/**
 * An e-mail address in the common {@code local@domain} form.
 *
 * <p>Validation is structural: a local part of 1 to 64 characters from the RFC 5322 "atext" set
 * and dots (no leading, trailing or doubled dot; quoted local parts are not accepted), an {@code @},
 * and a domain that is a valid internet domain name with at least two labels (checked with Guava's
 * {@link InternetDomainName}). The domain is lower-cased; the local part is kept as given, since
 * some mail systems treat it case-sensitively. Deliverability is not checked.
 *
 * <p>Personal data: {@link #toString()} prints the masked form ({@code j***@example.com}); the full
 * address is available from {@link #value()}. Error messages never show the full address.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the address, normalised, not null
 */
public record EmailAddress(String value) implements ContactPoint {

    private static final int MAX_LENGTH = 254;
    private static final String ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    /**
     * Validates and normalises the address.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if the address is malformed; the message shows it masked
     */
    public EmailAddress {
        Checks.notNull(value, "email");
        value = normalise(value);
    }

    /**
     * Returns the e-mail address.
     *
     * @param value the address, not null
     * @return the address, never null
     * @throws IllegalArgumentException if the address is malformed
     */
    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    private static String normalise(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw invalid(value, "length must be 1 to " + MAX_LENGTH + " characters, was " + value.length());
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            throw invalid(value, "no '@'");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.isEmpty() || local.length() > 64) {
            throw invalid(value, "the part before '@' must have 1 to 64 characters");
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw invalid(value, "the part before '@' must not start or end with a dot or contain '..'");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = (c < 128 && Character.isLetterOrDigit(c)) || c == '.' || ATEXT_SPECIALS.indexOf(c) >= 0;
            if (!ok) {
                throw invalid(value, "character " + describe(c) + " is not allowed before '@'");
            }
        }
        if (!InternetDomainName.isValid(domain) || domain.indexOf('.') < 0 || domain.endsWith(".")) {
            throw invalid(value, "the domain after '@' is not a valid internet domain name");
        }
        return local + '@' + domain;
    }

    private static String describe(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format(Locale.ROOT, "U+%04X", (int) c)
                : "'" + c + "'";
    }

    private static IllegalArgumentException invalid(String value, String reason) {
        return new IllegalArgumentException("email is not a valid address (" + maskRaw(value) + "): " + reason);
    }

    private static String maskRaw(String value) {
        return Pii.maskEmail(value);
    }

    @Override
    public ContactMedium medium() {
        return ContactMedium.EMAIL;
    }

    /**
     * Returns the domain part, lower-cased.
     *
     * @return the domain, never null
     */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public String masked() {
        return maskRaw(value);
    }

    /**
     * Returns the masked form; use {@link #value()} for the address itself.
     *
     * @return the masked address, never null
     */
    @Override
    public String toString() {
        return masked();
    }
}
