package io.crmkit.core.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Masking of personal data for {@code toString()}, logs and exception messages.
 *
 * <p>Internal: not part of the crmkit API. Stateless and thread-safe.
 */
public final class Pii {

    /** What a fully hidden value prints as. */
    public static final String HIDDEN = "***";

    /**
     * The e-mail domains shown in full by {@link #maskEmail(String)}: large public providers, whose
     * name says nothing about the person, and the domains reserved for documentation (RFC 2606).
     * Any other domain may be a family's or a small firm's own and is reduced to its top-level domain.
     */
    public static final Set<String> PUBLIC_EMAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com", "aol.com", "icloud.com", "me.com",
            "mac.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "mail.ru",
            "yandex.ru", "qq.com", "163.com", "126.com", "sina.com", "naver.com", "example.com", "example.org",
            "example.net");

    private Pii() {
    }

    /**
     * Masks an e-mail address, valid or not: the first character of the local part and {@code ***},
     * then {@code @} and the domain when it is one of {@link #PUBLIC_EMAIL_DOMAINS}, else
     * {@code @***} and the top-level domain ({@code a***@***.de}), or {@code @***} when the domain
     * has no dot. A local part starting with {@code *} is shown as {@code ***} alone, with the
     * domain hidden as a private one ({@code ***@***.com}), so that the mask never spells the
     * address. Text without {@code @} is masked as by {@link #mask(String)}.
     *
     * @param value the address, not null
     * @return the masked form, never null
     */
    public static String maskEmail(String value) {
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return mask(value);
        }
        // a local part starting with the mask's own '*' is not shown, nor a public domain after it:
        // "*@example.com" would else be spelled out by "****@example.com"
        boolean starred = value.charAt(0) == '*';
        String local = at == 0 || starred ? "" : value.codePoints().limit(1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (PUBLIC_EMAIL_DOMAINS.contains(domain) && !starred) {
            return local + HIDDEN + "@" + domain;
        }
        int dot = domain.lastIndexOf('.');
        String tld = dot < 0 ? "" : domain.substring(dot);
        boolean plain = tld.length() >= 3 && tld.length() <= 7 && tld.chars().skip(1).allMatch(c -> c >= 'a' && c <= 'z');
        return local + HIDDEN + "@" + HIDDEN + (plain ? tld : "");
    }

    /**
     * Masks a phone number, valid or not: its digits only, the last four kept when there are at
     * least eight digits, else the last two as by {@link #maskKeepingLast(String, int)}; a leading
     * {@code +} is kept ({@code +***8000}).
     *
     * @param value the number as written, not null
     * @return the masked form, never null
     */
    public static String maskPhone(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        String masked = maskKeepingLast(digits, digits.length() >= 8 ? 4 : 2);
        return value.strip().startsWith("+") ? "+" + masked : masked;
    }

    /**
     * Masks a free text: its first character followed by {@code ***}, or {@code ***} alone when
     * the text is shorter than four characters.
     *
     * @param value the personal text, not null
     * @return the masked form, never null
     */
    public static String mask(String value) {
        if (value.length() < 4) {
            return HIDDEN;
        }
        return value.codePoints().limit(1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + HIDDEN;
    }

    /**
     * Shows an identifier in a message: as it is, unless it looks like contact data (it holds an
     * {@code @}, or seven or more digits, as an e-mail address or a phone number used as a customer
     * identifier would), which is {@linkplain #mask masked}.
     *
     * @param id the identifier's text, not null
     * @return the text or its masked form, never null
     */
    public static String identifier(String id) {
        int digits = 0;
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch == '@') {
                return mask(id);
            }
            if (ch >= '0' && ch <= '9' && ++digits >= 7) {
                return mask(id);
            }
        }
        return id;
    }

    /**
     * Masks a digit string, keeping the last {@code keep} characters.
     *
     * @param value the value, not null
     * @param keep how many trailing characters to keep
     * @return the masked form, never null
     */
    public static String maskKeepingLast(String value, int keep) {
        if (value.length() <= keep + 2) {
            return HIDDEN;
        }
        return HIDDEN + value.substring(value.length() - keep);
    }
}
