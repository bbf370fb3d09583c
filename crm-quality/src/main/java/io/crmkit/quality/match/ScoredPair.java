package io.crmkit.quality.match;

import io.crmkit.core.CustomerId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Two records compared: the left identifier is the smaller one, the match probability and the
 * weight it comes from, what the pair is taken to be, and the reasons (one per comparison, in
 * {@link Comparison} order).
 *
 * <p>Personal data: the reasons print masked in {@link #toString()} and {@link #reasonsText()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param left the smaller identifier, not null
 * @param right the larger identifier, not null
 * @param score the match probability, in [0, 1]
 * @param weight the sum of the reasons' weights, in bits, finite
 * @param kind what the pair is taken to be, not null
 * @param reasons the reasons, not null
 */
public record ScoredPair(CustomerId left, CustomerId right, double score, double weight, PairKind kind,
        List<Reason> reasons) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if left is not smaller than right, or a number is out of range
     */
    public ScoredPair {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(kind, "kind");
        reasons = List.copyOf(reasons);
        if (left.compareTo(right) >= 0) {
            throw new IllegalArgumentException("left must be the smaller identifier: " + left + ", " + right);
        }
        if (!(score >= 0 && score <= 1) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("score must be in [0, 1] and weight finite: " + score + ", " + weight);
        }
    }

    /**
     * Returns the reasons joined with {@code "; "}, values masked.
     *
     * @return the text, never null
     */
    public String reasonsText() {
        return reasonsText(false);
    }

    /**
     * Returns the reasons joined with {@code "; "}.
     *
     * @param reveal whether to show the values in full (personal data)
     * @return the text, never null
     */
    public String reasonsText(boolean reveal) {
        return reasons.stream().map(r -> r.text(reveal)).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ScoredPair[%s, %s, score=%.4f, weight=%.2f, %s: %s]", left, right, score,
                weight, kind, reasonsText());
    }
}
