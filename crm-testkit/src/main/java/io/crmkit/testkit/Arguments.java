package io.crmkit.testkit;

import io.crmkit.core.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Checks of the arguments of the configurable arbitraries: each failure names the method, the
 * argument and its value. Stateless and thread-safe.
 */
final class Arguments {

    /** The largest customer pool {@code fromCustomerPool(int)} accepts. */
    static final int MAX_POOL = 1_000_000;

    private Arguments() {
    }

    static <T> T notNull(T value, String method, String argument) {
        return Objects.requireNonNull(value, () -> method + ": " + argument + " must not be null");
    }

    static void window(Instant from, Instant to, String method) {
        notNull(from, method, "from");
        notNull(to, method, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException(method + ": from " + from + " must not be after to " + to);
        }
    }

    static long steps(Instant from, Instant to, Duration precision, String method) {
        notNull(precision, method, "precision");
        if (precision.isNegative() || precision.isZero()) {
            throw new IllegalArgumentException(method + ": precision must be positive: " + precision);
        }
        try {
            return Duration.between(from, to).dividedBy(precision);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(method + ": precision " + precision + " is too fine for the window "
                    + from + " to " + to + " (more than 2^63 steps)", e);
        }
    }

    static void range(long min, long max, long lowest, long highest, String method, String what) {
        if (min < lowest || min > highest) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: min %s must be between %d and %d: %d",
                    method, what, lowest, highest, min));
        }
        if (max < lowest || max > highest) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: max %s must be between %d and %d: %d",
                    method, what, lowest, highest, max));
        }
        if (min > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: min %s %d must not exceed max %s %d",
                    method, what, min, what, max));
        }
    }

    static List<CustomerId> pool(int size, String method) {
        if (size < 1 || size > MAX_POOL) {
            throw new IllegalArgumentException(method + ": size must be between 1 and " + MAX_POOL + ": " + size);
        }
        List<CustomerId> ids = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            ids.add(CustomerId.of("c" + k));
        }
        return List.copyOf(ids);
    }

    static <T> List<T> nonEmpty(Collection<T> values, String method, String argument) {
        notNull(values, method, argument);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(method + ": " + argument + " must not be empty");
        }
        Set<T> out = new LinkedHashSet<>();
        int k = 0;
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(method + ": " + argument + " must not contain null (at index " + k
                        + ")");
            }
            out.add(v);
            k++;
        }
        return List.copyOf(out);
    }
}
