package io.crmkit.cli.orders;

import io.crmkit.core.internal.Checks;
import java.util.function.Function;

/**
 * Text helpers shared by the file readers: quoting values for messages, and the one rule for
 * identifiers read from a file. Stateless and thread-safe.
 */
public final class Texts {

    private static final int MAX_QUOTED = 40;

    private Texts() {
    }

    /**
     * Quotes a (non-personal) value for a message: at most 40 characters, control characters as {@code ?}.
     *
     * @param value the value, not null
     * @return the quoted text, never null
     */
    public static String quote(String value) {
        String v = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return "'" + v.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    /**
     * Whether an identifier read from a file is text: it holds no U+FFFD, the character that bytes
     * which are not UTF-8 are read as. Two different byte sequences can read as the same text that
     * way, which would make two customers (or orders, invoices, events) one; such identifiers are
     * rejected instead.
     *
     * @param identifier the identifier as read, not null
     * @return true unless it holds U+FFFD
     */
    public static boolean isText(String identifier) {
        return identifier.indexOf('\uFFFD') < 0;
    }

    /**
     * Makes an identifier of a file's cell: refused when it is not text ({@link #isText}) or when
     * {@code of} refuses it. The message names the column, never the value (identifiers can be
     * personal data).
     *
     * @param <I> the identifier type
     * @param text the cell as read, not null
     * @param of the identifier's factory, such as {@code CustomerId::of}
     * @param column the column's name, for the message
     * @return the identifier
     * @throws IllegalArgumentException naming the column and what is wrong
     */
    public static <I> I identifier(String text, Function<String, I> of, String column) {
        if (!isText(text)) {
            throw new IllegalArgumentException(notText(column));
        }
        try {
            return of.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(notValid(column));
        }
    }

    /**
     * Whether a cell's bytes are an identifier that {@link #identifier} accepts for every identifier
     * type, decided without making text of them: 1 to 256 bytes, each a visible ASCII character
     * ({@code !} to {@code ~}). Such bytes are UTF-8 text of one character per byte, with no control
     * character and no whitespace at all, so every rule of the identifier types holds. A cell that is
     * not plain may still be a valid identifier: {@link #identifier} decides those.
     *
     * @param bytes the cell's bytes (of an unquoted or quoted-without-escapes cell), not null
     * @param from the first byte
     * @param to the end, exclusive
     * @return true when the bytes are a valid identifier as they stand
     */
    public static boolean isPlainIdentifier(byte[] bytes, int from, int to) {
        if (to <= from || to - from > Checks.MAX_TEXT_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int b = bytes[i];
            if (b < '!' || b > '~') {
                return false;
            }
        }
        return true;
    }

    /**
     * The message for an identifier that holds bytes that are not UTF-8.
     *
     * @param column the column's name
     * @return the message, never null
     */
    static String notText(String column) {
        return column + " is not UTF-8 text (it holds bytes that are no character, or U+FFFD, which such"
                + " bytes are read as)";
    }

    /**
     * The message for an identifier that its type refuses.
     *
     * @param column the column's name
     * @return the message, never null
     */
    static String notValid(String column) {
        return column + " is not a valid identifier (1 to 256 characters, no control characters, no leading or"
                + " trailing spaces)";
    }
}
