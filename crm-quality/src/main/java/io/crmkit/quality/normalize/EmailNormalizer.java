package io.crmkit.quality.normalize;

import io.crmkit.core.customer.EmailAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Normalises e-mail addresses for matching: surrounding and inner whitespace removed, the whole
 * address lower-cased (every large provider treats the local part case-insensitively, although RFC
 * 5321 allows otherwise), {@code googlemail.com} read as {@code gmail.com}, and the providers'
 * documented rules where they are safe:
 *
 * <ul>
 *   <li>Gmail ({@code gmail.com}, {@code googlemail.com}): dots in the local part are ignored and a
 *       {@code +tag} is dropped (Google documents both);</li>
 *   <li>Outlook/Hotmail/Live, iCloud, Fastmail, Proton: a {@code +tag} is dropped (sub-addressing
 *       documented by each); dots are kept, as these providers treat them as significant.</li>
 * </ul>
 * Other domains keep their local part as written (lower-cased): a {@code +} may be a real character
 * there. An address that is not valid after this (checked with crm-core's {@link EmailAddress}) is
 * {@linkplain #normalise(String) reported as absent}; {@link #problem(String)} says why.
 *
 * <p>Idempotent. Stateless and thread-safe.
 */
public final class EmailNormalizer {

    private static final Set<String> GMAIL = Set.of("gmail.com", "googlemail.com");
    private static final Set<String> PLUS_TAG = Set.of("gmail.com", "outlook.com", "hotmail.com", "live.com",
            "icloud.com", "me.com", "fastmail.com", "protonmail.com", "proton.me");

    private EmailNormalizer() {
    }

    /**
     * Returns the normalised address, or empty when the text is not a valid address.
     *
     * @param raw the address as written, not null
     * @return the normalised address, or empty, never null
     */
    public static Optional<String> normalise(String raw) {
        String s = clean(raw);
        if (problemOf(s) != null) {
            return Optional.empty();
        }
        int at = s.lastIndexOf('@');
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (GMAIL.contains(domain)) {
            domain = "gmail.com";
            local = local.replace(".", "");
        }
        if (PLUS_TAG.contains(domain)) {
            int plus = local.indexOf('+');
            if (plus > 0) {
                local = local.substring(0, plus);
            }
        }
        String out = local + '@' + domain;
        return problemOf(out) == null ? Optional.of(out) : Optional.empty();
    }

    /**
     * Returns why the text is not a valid address after whitespace and case are normalised, or
     * empty when it is valid. The reason never repeats the address.
     *
     * @param raw the address as written, not null
     * @return the reason, or empty, never null
     */
    public static Optional<String> problem(String raw) {
        return Optional.ofNullable(problemOf(clean(raw)));
    }

    private static String clean(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String problemOf(String s) {
        try {
            EmailAddress.of(s);
            return null;
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            int colon = m.lastIndexOf("): ");
            return colon < 0 ? "not a valid address" : m.substring(colon + 3);
        }
    }
}
