package io.crmkit.core.internal;

/**
 * Masking of personal data for {@code toString()}, logs and exception messages.
 *
 * <p>Internal: not part of the crmkit API. Stateless and thread-safe.
 */
public final class Pii {

    /** What a fully hidden value prints as. */
    public static final String HIDDEN = "***";

    private Pii() {
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
