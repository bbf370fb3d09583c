package io.crmkit.metrics.loyalty;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.LocalDays;
import java.time.Duration;
import java.time.Instant;

/**
 * When a {@link LoyaltyLedger} is read: the as-of instant and the period over which flows (points
 * earned, redeemed and expired, active members) are counted.
 *
 * <p>Events at or before {@code asOf} count; later ones are left out and counted. The flow period
 * is {@code (asOf - period, asOf]}, the same shape as the tier window. Times are handled in whole
 * microseconds (an order batch's resolution): a finer as-of is truncated to its microsecond.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the as-of instant, inclusive, not null
 * @param period the length of the flow period, positive, not null
 */
public record LedgerOptions(Instant asOf, Duration period) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the period is not positive
     */
    public LedgerOptions {
        Checks.notNull(asOf, "asOf");
        Checks.notNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
    }

    /**
     * Returns options with a flow period of 365 days.
     *
     * @param asOf the as-of instant, not null
     * @return the options, never null
     */
    public static LedgerOptions asOf(Instant asOf) {
        return new LedgerOptions(asOf, Duration.ofDays(365));
    }

    long asOfMicros() {
        return micros(asOf);
    }

    long periodStartMicros() {
        return asOfMicros() - micros(period);
    }

    static long micros(Instant t) {
        return LocalDays.micros(t);
    }

    static long micros(Duration d) {
        return LocalDays.micros(d);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /**
     * Describes the settings in words, for reports and logs.
     *
     * @return one line, never null
     */
    public String describe() {
        return "ledger as of " + asOf + "; flows over the " + period.toDays() + " days before it";
    }

    /**
     * Returns a builder with the required settings; every other setting starts at the value {@link #asOf(Instant)} gives it.
     *
     * @param asOf see {@link #asOf()}
     * @return a new builder, never null
     */
    public static Builder builder(Instant asOf) {
        return new Builder(asOf(asOf));
    }

    /**
     * Returns a builder holding these options, to change some of them.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds {@link LedgerOptions}: one setter per setting, validated by {@link #build()}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private Instant asOf;
        private Duration period;

        private Builder(LedgerOptions from) {
            this.asOf = from.asOf();
            this.period = from.period();
        }

        /**
         * Sets {@link LedgerOptions#asOf()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder asOf(Instant value) {
            this.asOf = value;
            return this;
        }

        /**
         * Sets {@link LedgerOptions#period()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder period(Duration value) {
            this.period = value;
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if a setting is out of range
         * @throws NullPointerException if a setting is null
         */
        public LedgerOptions build() {
            return new LedgerOptions(asOf, period);
        }
    }
}
