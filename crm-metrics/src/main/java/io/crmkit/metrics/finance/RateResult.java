package io.crmkit.metrics.finance;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The answer of a rate solver ({@link Irr#irr}, {@link Irr#xirr}): one rate, several rates, or
 * none, with the reason. Never NaN, never -1 as a magic value.
 *
 * <p>Rates are per period ({@code irr}) or per year ({@code xirr}), as fractions ({@code 0.08} is
 * 8 %), and always greater than -1. Every returned rate makes the net present value zero to
 * within rounding relative to the size of the flows. When the flows change sign more than once,
 * several rates may solve the equation: all that were found are listed, ascending and distinct,
 * and the caller chooses (for example with {@link #nearest(double)}). A rate where the NPV only
 * touches zero (a root of even multiplicity) is listed once, like any other; so the number of rates
 * may have a parity other than that of {@link #signChanges()}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface RateResult permits RateResult.Unique, RateResult.Multiple, RateResult.NoRoot {

    /**
     * Returns the number of sign changes in the flows (in time order, zeros skipped): by
     * Descartes' rule of signs an upper bound on the number of rates, with the same parity.
     *
     * @return the number of sign changes, not negative
     */
    int signChanges();

    /**
     * Returns every rate found, ascending.
     *
     * @return the rates, empty for {@link NoRoot}, never null
     */
    List<Double> rates();

    /**
     * Returns the rate closest to a guess (the usual way to choose among several); of two equally
     * close, the lower.
     *
     * @param guess the expected rate, finite
     * @return the closest rate, or empty for {@link NoRoot}
     */
    default OptionalDouble nearest(double guess) {
        return rates().stream().mapToDouble(Double::doubleValue)
                .reduce((x, y) -> Math.abs(x - guess) <= Math.abs(y - guess) ? x : y);
    }

    /**
     * Exactly one rate solves the equation.
     *
     * @param rate the rate, greater than -1
     * @param signChanges the number of sign changes of the flows
     */
    record Unique(double rate, int signChanges) implements RateResult {
        @Override
        public List<Double> rates() {
            return List.of(rate);
        }
    }

    /**
     * Several rates solve the equation; the caller chooses.
     *
     * @param rates the rates found, ascending, at least two, not null
     * @param signChanges the number of sign changes of the flows
     */
    record Multiple(List<Double> rates, int signChanges) implements RateResult {
        /**
         * Copies the rates.
         *
         * @throws IllegalArgumentException if fewer than two rates are given
         */
        public Multiple {
            rates = List.copyOf(rates);
            if (rates.size() < 2) {
                throw new IllegalArgumentException("Multiple needs at least two rates, got " + rates);
            }
        }
    }

    /**
     * No rate solves the equation.
     *
     * @param reason why, for example "the flows do not change sign", not null
     * @param signChanges the number of sign changes of the flows
     */
    record NoRoot(String reason, int signChanges) implements RateResult {
        @Override
        public List<Double> rates() {
            return List.of();
        }
    }
}
