package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import io.crmkit.metrics.clv.BgNbdModel;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.clv.FitBoundary;
import io.crmkit.metrics.clv.FitOptions;
import io.crmkit.metrics.clv.MbgNbdModel;
import io.crmkit.metrics.clv.ModelFitException;
import io.crmkit.metrics.clv.NbdModel;
import io.crmkit.metrics.clv.ParetoNbdModel;
import io.crmkit.metrics.clv.TransactionModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The settings of the fitted churn probability (see {@link ChurnProbability}): the as-of date and
 * horizon, the transaction model, the training date, the windows of the signals, the features,
 * the L2 penalty, the level cut-offs and the value at risk. Days are whole calendar days; the
 * horizon after a date {@code d} is {@code (d, d + horizonDays]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the last day of history the probability is for, not null
 * @param horizonDays the days after the as-of date in which a purchase means "not churned", positive
 * @param transactions the transaction model, fitted (in weeks) on the history up to the as-of date, not null
 * @param trainingAsOf the earlier date at which the model is trained (its labels are the purchases in
 *     the horizon after it, which must end on or before {@code asOf}); empty for {@code asOf - horizonDays}
 * @param rhythm how each customer's rhythm is estimated for the overdue feature, not null
 * @param declineWindowDays the length of each of the two decline windows, positive
 * @param minimumPrevious purchase days needed in the earlier decline window for the decline features, at least 1
 * @param complaintWindowDays the days of complaints counted, positive
 * @param surveyLookbackDays the days within which the latest survey response counts, positive
 * @param features the features offered to the fit, not null, not empty, {@link ChurnFeature#MODEL} included
 * @param ridge the L2 penalty on the standardised coefficients (the intercept is not penalised), positive
 * @param levels the cut-offs on the probability, not null
 * @param valueAtRisk how the value at risk is measured, not null
 * @param fitSample the most customers the transaction model is fitted on: with more customers it
 *     is fitted on every {@code ceil(n / fitSample)}-th customer in identifier order (four
 *     population parameters; the probabilities are then computed for everybody), at least 1,000
 * @param trainSample the most customers the regression is trained on: with more customers at the
 *     training date it is trained on every {@code ceil(n / trainSample)}-th of them in identifier
 *     order, at least 1,000
 */
public record ChurnModelOptions(LocalDate asOf, int horizonDays, Transactions transactions,
        Optional<LocalDate> trainingAsOf, RhythmOptions rhythm, int declineWindowDays, int minimumPrevious,
        int complaintWindowDays, int surveyLookbackDays, Set<ChurnFeature> features, double ridge,
        ProbabilityLevels levels, ValueAtRisk valueAtRisk, int fitSample, int trainSample) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException naming the component and value when out of range
     */
    public ChurnModelOptions {
        Checks.notNull(asOf, "asOf");
        if (horizonDays <= 0) {
            throw new IllegalArgumentException("horizonDays must be positive: " + horizonDays);
        }
        Checks.notNull(transactions, "transactions");
        Checks.optional(trainingAsOf, "trainingAsOf");
        Checks.notNull(rhythm, "rhythm");
        positive(declineWindowDays, "declineWindowDays");
        if (minimumPrevious < 1) {
            throw new IllegalArgumentException("minimumPrevious must be at least 1: " + minimumPrevious);
        }
        positive(complaintWindowDays, "complaintWindowDays");
        positive(surveyLookbackDays, "surveyLookbackDays");
        Checks.notNull(features, "features");
        if (!features.contains(ChurnFeature.MODEL)) {
            throw new IllegalArgumentException("features must include MODEL: " + features);
        }
        features = Set.copyOf(EnumSet.copyOf(features));
        if (!(ridge > 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge must be positive and finite (it keeps the fit finite when the"
                    + " labels separate): " + ridge);
        }
        Checks.notNull(levels, "levels");
        Checks.notNull(valueAtRisk, "valueAtRisk");
        if (fitSample < 1000) {
            throw new IllegalArgumentException("fitSample must be at least 1000: " + fitSample);
        }
        if (trainSample < 1000) {
            throw new IllegalArgumentException("trainSample must be at least 1000: " + trainSample);
        }
        if (trainingAsOf.isPresent() && trainingAsOf.get().plusDays(horizonDays).isAfter(asOf)) {
            throw new IllegalArgumentException("trainingAsOf " + trainingAsOf.get() + " plus the horizon of "
                    + horizonDays + " days ends after asOf " + asOf + ": its labels would not be known");
        }
    }

    private static void positive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }

    /**
     * Starts a builder with the defaults: Pareto/NBD, training at {@code asOf - horizonDays},
     * rhythm from {@link RhythmOptions#defaults()}, 90-day decline windows with at least 2
     * purchase days before, 90 days of complaints, 180 days of surveys, every feature, ridge 1,
     * {@link ProbabilityLevels#DEFAULT}, value at risk = past revenue, transaction model fitted
     * on at most 20,000 customers, the regression trained on at most 100,000.
     *
     * @param asOf the last day of history, not null
     * @param horizonDays the horizon in days, positive
     * @return a new builder, never null
     */
    public static Builder builder(LocalDate asOf, int horizonDays) {
        return new Builder(asOf, horizonDays);
    }

    /**
     * Returns the training date: {@link #trainingAsOf()} or {@code asOf - horizonDays}.
     *
     * @return the date, never null
     */
    public LocalDate trainingDate() {
        return trainingAsOf.orElse(asOf.minusDays(horizonDays));
    }

    /**
     * Returns these options at another as-of date; an explicit training date is dropped (the
     * default, {@code date - horizonDays}, applies).
     *
     * @param date the as-of date, not null
     * @return new options, never null
     */
    public ChurnModelOptions at(LocalDate date) {
        return new ChurnModelOptions(date, horizonDays, transactions, Optional.empty(), rhythm, declineWindowDays,
                minimumPrevious, complaintWindowDays, surveyLookbackDays, features, ridge, levels, valueAtRisk, fitSample,
                trainSample);
    }

    /**
     * Returns a one-line description of every setting.
     *
     * @return the description, never null
     */
    public String describe() {
        List<String> f = new ArrayList<>();
        for (ChurnFeature c : EnumSet.copyOf(features)) {
            f.add(c.label());
        }
        return "churn = no purchase day in (asOf, asOf + " + horizonDays + " days], as of " + asOf
                + "; logistic regression (Newton/IRLS, L2 penalty " + ridge
                + " on standardised coefficients, intercept free) trained at " + trainingDate()
                + " (on every ceil(n / " + trainSample + ")-th customer when there are more)"
                + " on who then bought within " + horizonDays + " days; transaction model " + transactions.label
                + " fitted in weeks on the history to the as-of date (on every ceil(n / " + fitSample
                + ")-th customer when there are more), its probabilities computed at both dates"
                + " (nested NBD at the drop-out boundary; without convergence L2 0.01, then NBD); features offered: "
                + String.join(", ", f) + " (a feature whose coefficient has the wrong sign, or that is constant,"
                + " is removed and the fit repeated); rhythm: " + rhythm.describe() + "; decline windows "
                + declineWindowDays + " days with >= " + minimumPrevious + " purchase days before; complaints over "
                + complaintWindowDays + " days; survey look-back " + surveyLookbackDays + " days; " + levels.describe()
                + "; value at risk: " + valueAtRisk.describe();
    }

    /** The transaction model whose P(no purchase in the horizon) is the first feature. */
    public enum Transactions {
        /** Pareto/NBD (the default: a purchase on the as-of date never raises its probability). */
        PARETO_NBD(ParetoNbdModel.NAME, ParetoNbdModel::fit),
        /** BG/NBD (a first repeat purchase can raise its probability; see {@link WarningOptions.Alive}). */
        BG_NBD(BgNbdModel.NAME, BgNbdModel::fit),
        /** MBG/NBD. */
        MBG_NBD(MbgNbdModel.NAME, MbgNbdModel::fit),
        /** NBD: no drop-out. */
        NBD(NbdModel.NAME, NbdModel::fit);

        private final String label;
        private final BiFunction<BtydData, FitOptions, TransactionModel> fitter;

        Transactions(String label, BiFunction<BtydData, FitOptions, TransactionModel> fitter) {
            this.label = label;
            this.fitter = fitter;
        }

        /**
         * Returns the model's CLI name.
         *
         * @return the label, never null
         */
        public String label() {
            return label;
        }

        /**
         * Fits the model: with {@link FitOptions#defaults()}; at the drop-out boundary (no
         * drop-out visible) the nested model the boundary names is used; when the fit does not
         * converge otherwise, it is repeated with an L2 penalty of 0.01 on the log parameters, and
         * if that fails too the NBD is fitted. Every fallback is stated in the note.
         *
         * @param data the customers, not null
         * @return the fitted model and the note, never null
         * @throws ModelFitException if even the NBD cannot be fitted
         */
        public Fitted fit(BtydData data) {
            Checks.notNull(data, "data");
            try {
                return new Fitted(fitter.apply(data, FitOptions.defaults()), Optional.empty());
            } catch (ModelFitException e) {
                Optional<FitBoundary> b = e.boundary();
                if (b.isPresent() && b.get().nested().isPresent()) {
                    return new Fitted(b.get().nested().get(), Optional.of("nested " + b.get().nested().get().name()
                            + ": " + label + " at the boundary (" + b.get().explanation() + ")"));
                }
                try {
                    return new Fitted(fitter.apply(data, FitOptions.defaults().withL2Penalty(0.01)), Optional.of(
                            label + " with L2 penalty 0.01: the plain fit did not converge (" + e.getMessage() + ")"));
                } catch (ModelFitException again) {
                    return new Fitted(NbdModel.fit(data), Optional.of("nbd: " + label + " did not converge ("
                            + again.getMessage() + ")"));
                }
            }
        }
    }

    /**
     * A fitted transaction model.
     *
     * @param model the model predicted with, not null
     * @param note how the model differs from the requested fit (nested model, penalty), else empty
     */
    public record Fitted(TransactionModel model, Optional<String> note) {

        /**
         * Validates the fit.
         *
         * @throws NullPointerException if a component is null
         */
        public Fitted {
            Checks.notNull(model, "model");
            Checks.optional(note, "note");
        }
    }

    /**
     * Returns a builder holding these options, to change some of them.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder(asOf, horizonDays);
        b.transactions = transactions;
        b.trainingAsOf = trainingAsOf;
        b.rhythm = rhythm;
        b.declineWindowDays = declineWindowDays;
        b.minimumPrevious = minimumPrevious;
        b.complaintWindowDays = complaintWindowDays;
        b.surveyLookbackDays = surveyLookbackDays;
        b.features = features;
        b.ridge = ridge;
        b.levels = levels;
        b.valueAtRisk = valueAtRisk;
        b.fitSample = fitSample;
        b.trainSample = trainSample;
        return b;
    }

    /** Builds {@link ChurnModelOptions}; starts from the defaults of {@link ChurnModelOptions#builder}. Not thread-safe. */
    public static final class Builder {

        private final LocalDate asOf;
        private final int horizonDays;
        private Transactions transactions = Transactions.PARETO_NBD;
        private Optional<LocalDate> trainingAsOf = Optional.empty();
        private RhythmOptions rhythm = RhythmOptions.defaults();
        private int declineWindowDays = 90;
        private int minimumPrevious = 2;
        private int complaintWindowDays = 90;
        private int surveyLookbackDays = 180;
        private Set<ChurnFeature> features = EnumSet.allOf(ChurnFeature.class);
        private double ridge = 1;
        private ProbabilityLevels levels = ProbabilityLevels.DEFAULT;
        private ValueAtRisk valueAtRisk = ValueAtRisk.pastRevenue();
        private int fitSample = 20_000;
        private int trainSample = 100_000;

        private Builder(LocalDate asOf, int horizonDays) {
            this.asOf = Checks.notNull(asOf, "asOf");
            this.horizonDays = horizonDays;
        }

        /**
         * Sets the transaction model.
         *
         * @param value the model, not null
         * @return this builder
         */
        public Builder transactions(Transactions value) {
            transactions = Checks.notNull(value, "transactions");
            return this;
        }

        /**
         * Sets the training date (empty: {@code asOf - horizonDays}).
         *
         * @param value the date, not null
         * @return this builder
         */
        public Builder trainingAsOf(Optional<LocalDate> value) {
            trainingAsOf = Checks.optional(value, "trainingAsOf");
            return this;
        }

        /**
         * Sets the rhythm estimate of the overdue feature.
         *
         * @param value the options, not null
         * @return this builder
         */
        public Builder rhythm(RhythmOptions value) {
            rhythm = Checks.notNull(value, "rhythm");
            return this;
        }

        /**
         * Sets the decline windows.
         *
         * @param windowDays the length of each window, positive
         * @param previous purchase days needed in the earlier window, at least 1
         * @return this builder
         */
        public Builder decline(int windowDays, int previous) {
            declineWindowDays = windowDays;
            minimumPrevious = previous;
            return this;
        }

        /**
         * Sets the complaint window.
         *
         * @param days the days counted, positive
         * @return this builder
         */
        public Builder complaintWindowDays(int days) {
            complaintWindowDays = days;
            return this;
        }

        /**
         * Sets the survey look-back.
         *
         * @param days the days, positive
         * @return this builder
         */
        public Builder surveyLookbackDays(int days) {
            surveyLookbackDays = days;
            return this;
        }

        /**
         * Sets the features offered to the fit.
         *
         * @param value the features, not empty, {@link ChurnFeature#MODEL} included
         * @return this builder
         */
        public Builder features(Set<ChurnFeature> value) {
            features = Checks.notNull(value, "features");
            return this;
        }

        /**
         * Sets the L2 penalty.
         *
         * @param value the penalty, not negative
         * @return this builder
         */
        public Builder ridge(double value) {
            ridge = value;
            return this;
        }

        /**
         * Sets the level cut-offs.
         *
         * @param value the cut-offs, not null
         * @return this builder
         */
        public Builder levels(ProbabilityLevels value) {
            levels = Checks.notNull(value, "levels");
            return this;
        }

        /**
         * Sets the value at risk.
         *
         * @param value the measure, not null
         * @return this builder
         */
        public Builder valueAtRisk(ValueAtRisk value) {
            valueAtRisk = Checks.notNull(value, "valueAtRisk");
            return this;
        }

        /**
         * Sets the most customers the transaction model is fitted on.
         *
         * @param value the sample size, at least 1,000
         * @return this builder
         */
        public Builder fitSample(int value) {
            fitSample = value;
            return this;
        }

        /**
         * Sets the most customers the regression is trained on.
         *
         * @param value the sample size, at least 1,000
         * @return this builder
         */
        public Builder trainSample(int value) {
            trainSample = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException naming the setting when out of range
         */
        public ChurnModelOptions build() {
            return new ChurnModelOptions(asOf, horizonDays, transactions, trainingAsOf, rhythm, declineWindowDays,
                    minimumPrevious, complaintWindowDays, surveyLookbackDays, features, ridge, levels, valueAtRisk, fitSample,
                trainSample);
        }
    }
}
