package io.crmkit.quality.match;

import io.crmkit.core.internal.Pii;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a pair scored what it did, for one comparison: its level, the weight it added (bits) and the
 * two normalised values compared. {@link #text()} and {@link #toString()} show the values masked
 * ({@code "same phone +***3099 (+10.8)"}); {@link #text(boolean)} with {@code true} shows them in
 * full, for a host that displays them to someone entitled to see them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param comparison the comparison, not null
 * @param level the level's name ({@code "same"}, {@code "similar"}, ..., or {@code "missing"}), not null
 * @param weight the weight added, in bits (0 for a missing field), finite
 * @param left the left record's normalised value, empty when missing, not null
 * @param right the right record's normalised value, empty when missing, not null
 * @param similarity the Jaro-Winkler similarity of a similar level in [0, 1], or -1 when none was computed
 * @param swapped whether the names were compared the other way round (first with last)
 */
public record Reason(Comparison comparison, String level, double weight, String left, String right,
        double similarity, boolean swapped) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the weight is not finite
     */
    public Reason {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite: " + weight);
        }
    }

    /**
     * Returns the reason with the values masked.
     *
     * @return the text, never null
     */
    public String text() {
        return text(false);
    }

    /**
     * Returns the reason, such as {@code "last name R*** ~ R*** 0.96 (+3.3)"}.
     *
     * @param reveal whether to show the values in full (personal data) rather than masked
     * @return the text, never null
     */
    public String text(boolean reveal) {
        String what = comparison.label();
        String w = String.format(Locale.ROOT, " (%+.1f)", weight);
        if (level.equals("missing")) {
            return "no " + what + (left.isEmpty() && right.isEmpty() ? " on either side" : " on one side");
        }
        String sw = swapped && (comparison == Comparison.FAMILY_NAME || comparison == Comparison.GIVEN_NAME)
                ? " (first and last name swapped)" : "";
        String l = show(left, reveal);
        String r = show(right, reveal);
        return switch (level) {
            case "same", "same street" -> level + " " + what + " " + l + sw + w;
            case "similar", "similar street" -> what + " " + l + " ~ " + r
                    + (similarity >= 0 ? String.format(Locale.ROOT, " %.2f", similarity) : " (sounds alike)") + sw + w;
            case "near" -> what + " near: " + l + " ~ " + r + w;
            case "initial" -> what + " initial: " + l + " ~ " + r + sw + w;
            case "same area" -> "same postal code or city " + l + w;
            default -> what + " differs: " + l + " / " + r + sw + w;
        };
    }

    private String show(String value, boolean reveal) {
        if (reveal) {
            return value;
        }
        return switch (comparison) {
            case EMAIL -> Pii.maskEmail(value);
            case PHONE -> Pii.maskPhone(value);
            case BIRTH_DATE, ADDRESS -> Pii.HIDDEN;
            default -> Pii.mask(value);
        };
    }

    /**
     * Returns the masked text.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return text(false);
    }
}
