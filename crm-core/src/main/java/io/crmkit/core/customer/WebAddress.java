package io.crmkit.core.customer;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A web address (a personal page, a company site, a profile URL): an absolute {@code http} or
 * {@code https} URI with a host.
 *
 * <p>Treated as personal data: {@link #toString()} shows the host only.
 *
 * <p>Immutable and thread-safe.
 *
 * @param uri the address, absolute, http or https, with a host, not null
 */
public record WebAddress(URI uri) implements ContactPoint {

    /**
     * Validates the address.
     *
     * @throws NullPointerException if {@code uri} is null
     * @throws IllegalArgumentException if the URI is not an absolute http(s) URI with a host
     */
    public WebAddress {
        Checks.notNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("web address must be an http or https URI, scheme was '" + scheme + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("web address must have a host (" + Pii.mask(uri.toString()) + ")");
        }
    }

    /**
     * Parses a web address.
     *
     * @param uri the address text, not null
     * @return the address, never null
     * @throws IllegalArgumentException if the text is not an absolute http(s) URI with a host
     */
    public static WebAddress of(String uri) {
        Checks.notNull(uri, "uri");
        try {
            return new WebAddress(new URI(uri));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("web address is not a valid URI (" + Pii.mask(uri) + "): "
                    + e.getReason(), e);
        }
    }

    @Override
    public ContactMedium medium() {
        return ContactMedium.MESSAGING;
    }

    @Override
    public String masked() {
        return uri.getScheme() + "://" + uri.getHost() + "/" + Pii.HIDDEN;
    }

    /**
     * Returns the masked form, showing the scheme and host only.
     *
     * @return the masked address, never null
     */
    @Override
    public String toString() {
        return masked();
    }
}
