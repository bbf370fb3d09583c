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
