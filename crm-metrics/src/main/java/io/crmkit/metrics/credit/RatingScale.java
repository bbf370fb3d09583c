package io.crmkit.metrics.credit;

import io.crmkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Rating classes by probability of default: a customer gets the first class whose upper bound is
 * at least its probability; the last class takes the rest. The default scale is AAA (up to 2%), AA
 * (5%), A (10%), B (20%), C (above 20%).
 *
 * <p>Immutable and thread-safe.
 *
 * @param labels the class labels, best first, at least two, distinct, not null
 * @param upperBounds the upper bound of every class but the last, strictly ascending in (0, 1), not null
 */
public record RatingScale(List<String> labels, List<Double> upperBounds) {

    /** AAA up to 2%, AA up to 5%, A up to 10%, B up to 20%, C above. */
    public static final RatingScale DEFAULT = new RatingScale(List.of("AAA", "AA", "A", "B", "C"),
            List.of(0.02, 0.05, 0.10, 0.20));

    /**
     * Validates the scale.
     *
     * @throws IllegalArgumentException if the sizes disagree, a label repeats or the bounds are out of order
     */
    public RatingScale {
        labels = List.copyOf(labels);
        upperBounds = List.copyOf(upperBounds);
        labels.forEach(l -> Checks.text(l, "label"));
        if (labels.size() < 2 || upperBounds.size() != labels.size() - 1) {
            throw new IllegalArgumentException("a scale needs at least two labels and one bound fewer than labels: "
                    + labels + " " + upperBounds);
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels must be distinct: " + labels);
        }
        double last = 0;
        for (double b : upperBounds) {
            if (!(b > last) || b >= 1) {
                throw new IllegalArgumentException("bounds must rise strictly within (0, 1): " + upperBounds);
            }
            last = b;
        }
    }

    /**
     * Parses {@code "AAA:0.02,AA:0.05,A:0.1,B:0.2,C"}: labels with the upper bound of each class
     * but the last.
     *
     * @param text the scale, not null
     * @return the scale, never null
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static RatingScale parse(String text) {
        List<String> labels = new ArrayList<>();
        List<Double> bounds = new ArrayList<>();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            int colon = p.indexOf(':');
            if (i < parts.length - 1) {
                if (colon < 0) {
                    throw new IllegalArgumentException("rating scale must read like AAA:0.02,AA:0.05,A:0.1,B:0.2,C: '"
                            + text + "'");
                }
                labels.add(p.substring(0, colon).trim());
                try {
                    bounds.add(Double.parseDouble(p.substring(colon + 1).trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("rating scale bound is not a number in '" + text + "'", e);
                }
            } else {
                if (colon >= 0) {
                    throw new IllegalArgumentException("the last rating class has no bound: '" + text + "'");
                }
                labels.add(p);
            }
        }
        return new RatingScale(labels, bounds);
    }

    /**
     * Returns the class of a probability of default.
     *
     * @param probability the probability, in [0, 1]
     * @return the label, never null
     */
    public String classOf(double probability) {
        return labels.get(indexOf(probability));
    }

    int indexOf(double probability) {
        for (int i = 0; i < upperBounds.size(); i++) {
            if (probability <= upperBounds.get(i)) {
                return i;
            }
        }
        return upperBounds.size();
    }

    /**
     * Describes the scale, as {@link #parse(String)} reads it.
     *
     * @return the text, never null
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < upperBounds.size(); i++) {
            b.append(labels.get(i)).append(':').append(upperBounds.get(i)).append(',');
        }
        return b.append(labels.get(labels.size() - 1)).toString();
    }
}
