package io.crmkit.core.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Argument checks shared by the crmkit value types; every failure names the field and the bad
 * value (masked where the value is personal data).
 *
 * <p>Internal: not part of the crmkit API and may change without notice. Stateless and thread-safe.
 */
public final class Checks {

    /** Longest identifier or label accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 256;

    private Checks() {
    }

    /**
     * Rejects null with a {@link NullPointerException} naming the field.
     *
     * @param value the value, may be null
     * @param field the field name used in the message, not null
     * @param <T> the value type
     * @return the value, never null
     */
    public static <T> T notNull(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " must not be null");
    }

    /**
     * Checks an optional component: the {@code Optional} itself must not be null.
     *
     * @param value the optional, may be null (rejected)
     * @param field the field name used in the message
     * @param <T> the value type
     * @return the optional, never null
     */
    public static <T> Optional<T> optional(Optional<T> value, String field) {
        return Objects.requireNonNull(value, () -> field + " must not be null (use Optional.empty())");
    }

    /**
     * Checks a short text (identifier, label, code): not null, not blank, no leading or trailing
     * whitespace, no control characters, at most {@link #MAX_TEXT_LENGTH} characters.
     *
     * @param value the text
     * @param field the field name used in the message
     * @return the text, unchanged
     */
    public static String text(String value, String field) {
        notNull(value, field);
        // the value itself is never quoted: a label or identifier may be personal data (an e-mail
        // address used as a customer id, a name in a tag)
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank (had " + value.length() + " characters)");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_TEXT_LENGTH
                    + " characters, was " + value.length());
        }
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(field + " must not have leading or trailing whitespace");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain control characters (one at character "
                        + (i + 1) + " of " + value.length() + ")");
            }
        }
        return value;
    }

    /**
     * Checks a personal-data text (a name, a street line): as {@link #text}, but the message shows
     * only a masked form of the value.
     *
     * @param value the text
     * @param field the field name used in the message
     * @param maxLength the longest accepted length
     * @return the text, unchanged
     */
    public static String personalText(String value, String field, int maxLength) {
        notNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength
                    + " characters, was " + value.length() + " (" + Pii.mask(value) + ")");
        }
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(
                    field + " must not have leading or trailing whitespace (" + Pii.mask(value) + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(
                        field + " must not contain control characters (" + Pii.mask(value) + ")");
            }
        }
        return value;
    }

    /**
     * Checks that {@code later} is not before {@code earlier}.
     *
     * @param earlier the earlier instant, not null
     * @param later the later instant, not null
     * @param earlierField the name of the earlier field
     * @param laterField the name of the later field
     */
    public static void notBefore(Instant earlier, Instant later, String earlierField, String laterField) {
        if (later.isBefore(earlier)) {
            throw new IllegalArgumentException(
                    laterField + " " + later + " must not be before " + earlierField + " " + earlier);
        }
    }

    /**
     * Checks a finite double.
     *
     * @param value the value
     * @param field the field name used in the message
     * @return the value
     */
    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number: " + value);
        }
        return value;
    }
}
