package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import io.crmkit.metrics.clv.TransactionModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The as-of date, the signals and the thresholds of a churn early warning. Every signal is
 * optional: an empty one is not evaluated. Windows are in whole days ending on the as-of date:
 * the recent window is {@code (asOf - w, asOf]}, the one before {@code (asOf - 2w, asOf - w]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the last day of history, not null
 * @param overdue the overdue signal, not null
 * @param decline the frequency and monetary decline signals, not null
 * @param complaints the rising-complaints signal, not null
 * @param satisfaction the low and falling satisfaction signals, not null
 * @param alive the P(alive) signal, not null
 * @param levels how the number of signals maps to a risk level, not null
 * @param valueAtRisk how the value at risk that ranks the warnings is measured, not null
 */
public record WarningOptions(LocalDate asOf, Optional<Overdue> overdue, Optional<Decline> decline,
        Optional<Complaints> complaints, Optional<Satisfaction> satisfaction, Optional<Alive> alive, Levels levels,
        ValueAtRisk valueAtRisk) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a component is null
     */
    public WarningOptions {
        Checks.notNull(asOf, "asOf");
        Checks.optional(overdue, "overdue");
        Checks.optional(decline, "decline");
        Checks.optional(complaints, "complaints");
        Checks.optional(satisfaction, "satisfaction");
        Checks.optional(alive, "alive");
        Checks.notNull(levels, "levels");
        Checks.notNull(valueAtRisk, "valueAtRisk");
    }

    /**
     * Starts a builder with the default signals: overdue at 2 rhythms, decline of 50 % over 90-day
     * windows with at least 2 purchase days before, any rise in complaints over 90-day windows,
     * satisfaction low at a normalised 0.6 (NPS 6, CSAT 3.4) or falling by 0.3 within 180 days;
     * no P(alive) signal; medium at 2 signals, high at 3; value at risk = past revenue.
     *
     * @param asOf the last day of history, not null
     * @return a new builder, never null
     */
    public static Builder builder(LocalDate asOf) {
        return new Builder(asOf);
    }

    /**
     * Returns these options at another date.
     *
     * @param date the as-of date, not null
     * @return new options, never null
     */
    public WarningOptions at(LocalDate date) {
        return new WarningOptions(date, overdue, decline, complaints, satisfaction, alive, levels, valueAtRisk);
    }

    /**
     * Returns a one-line description of every signal, printed with every result.
     *
     * @return the description, never null
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("as of " + asOf + " (end of day)");
        overdue.ifPresent(o -> parts.add("overdue at >= " + o.factor() + " x rhythm (" + o.rhythm().describe() + ")"));
        decline.ifPresent(d -> parts.add("decline over " + d.windowDays() + "-day windows: frequency >= "
                + d.frequencyDrop() + ", monetary >= " + d.monetaryDrop() + " with >= " + d.minimumPrevious()
                + " purchase days before"));
        complaints.ifPresent(c -> parts.add("complaints rising over " + c.windowDays() + "-day windows, >= "
                + c.minimumRecent()));
        satisfaction.ifPresent(s -> parts.add("satisfaction within " + s.lookbackDays() + " days: low <= "
                + s.lowScore() + ", falling by >= " + s.minimumDrop()));
        alive.ifPresent(a -> parts.add("P(alive) < " + a.threshold() + " under " + a.model().name()));
        parts.add("levels: medium at " + levels.mediumAt() + ", high at " + levels.highAt() + " signals");
        parts.add("value at risk: " + valueAtRisk.describe());
        return String.join("; ", parts);
    }

    /**
     * The overdue signal: raised when the days since the last purchase divided by the customer's
     * rhythm reach {@code factor}.
     *
     * @param factor the overdue factor threshold, finite and at least 1
     * @param rhythm how the rhythm is estimated, not null
     */
    public record Overdue(double factor, RhythmOptions rhythm) {

        /**
         * Validates the rule.
         *
         * @throws IllegalArgumentException if the factor is below 1 or not finite
         */
        public Overdue {
            Checks.finite(factor, "factor");
            Checks.notNull(rhythm, "rhythm");
            if (factor < 1) {
                throw new IllegalArgumentException("overdue factor must be at least 1 (one rhythm): " + factor);
            }
        }
    }

    /**
     * The decline signals: purchase days and revenue in the recent window against the window
     * before, for customers with at least {@code minimumPrevious} purchase days in the window
     * before. A drop is {@code 1 - recent / previous}.
     *
     * @param windowDays the window length in days, positive
     * @param frequencyDrop the drop in purchase days that raises the frequency signal, in (0, 1]
     * @param monetaryDrop the drop in revenue that raises the monetary signal, in (0, 1]
     * @param minimumPrevious the purchase days needed in the window before, at least 1
     */
    public record Decline(int windowDays, double frequencyDrop, double monetaryDrop, int minimumPrevious) {

        /**
         * Validates the rule.
         *
         * @throws IllegalArgumentException naming the component and value when out of range
         */
        public Decline {
            if (windowDays <= 0) {
                throw new IllegalArgumentException("windowDays must be positive: " + windowDays);
            }
            share(frequencyDrop, "frequencyDrop");
            share(monetaryDrop, "monetaryDrop");
            if (minimumPrevious < 1) {
                throw new IllegalArgumentException("minimumPrevious must be at least 1: " + minimumPrevious);
            }
        }
    }

    /**
     * The rising-complaints signal: raised when the recent window holds at least
     * {@code minimumRecent} complaints and more than the window before.
     *
     * @param windowDays the window length in days, positive
     * @param minimumRecent the complaints needed in the recent window, at least 1
     */
    public record Complaints(int windowDays, int minimumRecent) {

        /**
         * Validates the rule.
         *
         * @throws IllegalArgumentException naming the component and value when out of range
         */
        public Complaints {
            if (windowDays <= 0) {
                throw new IllegalArgumentException("windowDays must be positive: " + windowDays);
            }
            if (minimumRecent < 1) {
                throw new IllegalArgumentException("minimumRecent must be at least 1: " + minimumRecent);
            }
        }
    }

    /**
     * The satisfaction signals, on the normalised score of the customer's responses within
     * {@code lookbackDays} before the as-of date: low when the latest is at most {@code lowScore},
     * falling when it is at least {@code minimumDrop} below the response before it.
     *
     * @param lookbackDays the days of responses considered, positive
     * @param lowScore the low normalised score, in [0, 1]
     * @param minimumDrop the fall that raises the falling signal, in (0, 1]
     */
    public record Satisfaction(int lookbackDays, double lowScore, double minimumDrop) {

        /**
         * Validates the rule.
         *
         * @throws IllegalArgumentException naming the component and value when out of range
         */
        public Satisfaction {
            if (lookbackDays <= 0) {
                throw new IllegalArgumentException("lookbackDays must be positive: " + lookbackDays);
            }
            if (!(lowScore >= 0 && lowScore <= 1)) {
                throw new IllegalArgumentException("lowScore must be in [0, 1]: " + lowScore);
            }
            share(minimumDrop, "minimumDrop");
        }
    }

    /**
     * The P(alive) signal under a fitted transaction model: raised below {@code threshold}. The
     * customer's history is read in the model's unit: {@code x} repeat purchase days,
     * {@code t_x} from the first to the last purchase day, {@code T} from the first purchase day
     * to the as-of date. Note that under BG/NBD and MBG/NBD a customer's first repeat purchase can
     * lower P(alive) (the models hold one-time buyers alive by construction).
     *
     * @param model the fitted model, not null
     * @param threshold the probability below which the signal is raised, in (0, 1]
     */
    public record Alive(TransactionModel model, double threshold) {

        /**
         * Validates the rule.
         *
         * @throws IllegalArgumentException if the threshold is out of range
         */
        public Alive {
            Checks.notNull(model, "model");
            share(threshold, "threshold");
        }
    }

    /**
     * How the number of raised signals maps to a risk level: none for 0, low below
     * {@code mediumAt}, medium below {@code highAt}, high from {@code highAt}.
     *
     * @param mediumAt signals for medium, at least 1
     * @param highAt signals for high, at least {@code mediumAt}
     */
    public record Levels(int mediumAt, int highAt) {

        /**
         * Validates the levels.
         *
         * @throws IllegalArgumentException if out of order
         */
        public Levels {
            if (mediumAt < 1) {
                throw new IllegalArgumentException("mediumAt must be at least 1: " + mediumAt);
            }
            if (highAt < mediumAt) {
                throw new IllegalArgumentException("highAt (" + highAt + ") must be at least mediumAt (" + mediumAt
                        + ")");
            }
        }

        RiskLevel of(int signals) {
            if (signals == 0) {
                return RiskLevel.NONE;
            }
            return signals >= highAt ? RiskLevel.HIGH : signals >= mediumAt ? RiskLevel.MEDIUM : RiskLevel.LOW;
        }
    }

    private static void share(double value, String field) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be in (0, 1]: " + value);
        }
    }

    /**
     * Returns a builder holding these options, to change some of them.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder(asOf);
        b.overdue = overdue;
        b.decline = decline;
        b.complaints = complaints;
        b.satisfaction = satisfaction;
        b.alive = alive;
        b.levels = levels;
        b.valueAtRisk = valueAtRisk;
        return b;
    }

    /** Builds {@link WarningOptions}; starts from the defaults of {@link WarningOptions#builder}. Not thread-safe. */
    public static final class Builder {

        private final LocalDate asOf;
        private Optional<Overdue> overdue = Optional.of(new Overdue(2.0, RhythmOptions.defaults()));
        private Optional<Decline> decline = Optional.of(new Decline(90, 0.5, 0.5, 2));
        private Optional<Complaints> complaints = Optional.of(new Complaints(90, 1));
        private Optional<Satisfaction> satisfaction = Optional.of(new Satisfaction(180, 0.6, 0.3));
        private Optional<Alive> alive = Optional.empty();
        private Levels levels = new Levels(2, 3);
        private ValueAtRisk valueAtRisk = ValueAtRisk.pastRevenue();

        private Builder(LocalDate asOf) {
            this.asOf = Checks.notNull(asOf, "asOf");
        }

        /**
         * Sets or (with empty) switches off the overdue signal.
         *
         * @param value the rule, not null
         * @return this builder
         */
        public Builder overdue(Optional<Overdue> value) {
            overdue = Checks.optional(value, "overdue");
            return this;
        }

        /**
         * Sets or (with empty) switches off the decline signals.
         *
         * @param value the rule, not null
         * @return this builder
         */
        public Builder decline(Optional<Decline> value) {
            decline = Checks.optional(value, "decline");
            return this;
        }

        /**
         * Sets or (with empty) switches off the rising-complaints signal.
         *
         * @param value the rule, not null
         * @return this builder
         */
        public Builder complaints(Optional<Complaints> value) {
            complaints = Checks.optional(value, "complaints");
            return this;
        }

        /**
         * Sets or (with empty) switches off the satisfaction signals.
         *
         * @param value the rule, not null
         * @return this builder
         */
        public Builder satisfaction(Optional<Satisfaction> value) {
            satisfaction = Checks.optional(value, "satisfaction");
            return this;
        }

        /**
         * Sets or (with empty) switches off the P(alive) signal.
         *
         * @param value the rule, not null
         * @return this builder
         */
        public Builder alive(Optional<Alive> value) {
            alive = Checks.optional(value, "alive");
            return this;
        }

        /**
         * Sets the levels.
         *
         * @param value the levels, not null
         * @return this builder
         */
        public Builder levels(Levels value) {
            levels = Checks.notNull(value, "levels");
            return this;
        }

        /**
         * Sets how the value at risk is measured.
         *
         * @param value the measure, not null
         * @return this builder
         */
        public Builder valueAtRisk(ValueAtRisk value) {
            valueAtRisk = Checks.notNull(value, "valueAtRisk");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, never null
         */
        public WarningOptions build() {
            return new WarningOptions(asOf, overdue, decline, complaints, satisfaction, alive, levels, valueAtRisk);
        }
    }
}
