package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import java.util.Objects;

/**
 * One raised churn early-warning signal with the numbers that raised it. The reason holds numbers
 * only, never personal data.
 *
 * <p>A value type with a record's accessors, equality and text (kind, observed, threshold,
 * reason), but not a record (ADR 0001's exception for an expensive text): the signals that
 * {@link ChurnWarning} raises keep their numbers and write the reason when it is asked for, so
 * equality and hashing write it too. A million warned customers then hold no reason texts
 * between the assessment and the printing, and the texts are made on the threads that print them
 * (a record would make every reason up front, on the assessing thread).
 *
 * <p>Immutable and thread-safe.
 */
public final class Signal {

    /** Writes a reason from the numbers a signal keeps. */
    interface Reason {
        /**
         * Appends the reason.
         *
         * @param sb the text being built, not null
         */
        void appendTo(StringBuilder sb);
    }

    private final SignalKind kind;
    private final double observed;
    private final double threshold;
    /** The reason given, or null when {@link #text} writes it. */
    private final String reason;
    private final Reason text;

    /**
     * Creates a signal with its reason.
     *
     * @param kind the kind of signal, not null
     * @param observed the observed value (an overdue factor, a share of decline, a count, a score
     *     or a probability, as the kind says), finite
     * @param threshold the threshold it was compared with, finite
     * @param reason a short explanation with the numbers, not blank
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a number is not finite or the reason blank
     */
    public Signal(SignalKind kind, double observed, double threshold, String reason) {
        this(kind, observed, threshold, reason, null);
    }

    /** A signal whose reason is written from its numbers when asked for (never blank). */
    Signal(SignalKind kind, double observed, double threshold, Reason text) {
        this(kind, observed, threshold, null, Checks.notNull(text, "text"));
    }

    /** Checks in the record's order: kind, observed, threshold, then a given reason. */
    private Signal(SignalKind kind, double observed, double threshold, String reason, Reason text) {
        this.kind = Checks.notNull(kind, "kind");
        this.observed = Checks.finite(observed, "observed");
        this.threshold = Checks.finite(threshold, "threshold");
        if (text == null) {
            Checks.notNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("reason must not be blank");
            }
        }
        this.reason = reason;
        this.text = text;
    }

    /**
     * Returns the kind of signal.
     *
     * @return the kind, never null
     */
    public SignalKind kind() {
        return kind;
    }

    /**
     * Returns the observed value.
     *
     * @return the value, finite
     */
    public double observed() {
        return observed;
    }

    /**
     * Returns the threshold the observed value was compared with.
     *
     * @return the threshold, finite
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Returns a short explanation with the numbers.
     *
     * @return the reason, never blank
     */
    public String reason() {
        if (reason != null) {
            return reason;
        }
        StringBuilder sb = new StringBuilder(96);
        text.appendTo(sb);
        return sb.toString();
    }

    /** Appends the reason without making a string of it first. */
    void appendReason(StringBuilder sb) {
        if (reason != null) {
            sb.append(reason);
        } else {
            text.appendTo(sb);
        }
    }

    /** Equal when kind, observed value, threshold and reason are (as a record's components). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Signal s && kind == s.kind && Double.compare(observed, s.observed) == 0
                && Double.compare(threshold, s.threshold) == 0 && reason().equals(s.reason());
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, observed, threshold, reason());
    }

    /** The record form: {@code Signal[kind=..., observed=..., threshold=..., reason=...]}. */
    @Override
    public String toString() {
        return "Signal[kind=" + kind + ", observed=" + observed + ", threshold=" + threshold + ", reason=" + reason()
                + "]";
    }
}
