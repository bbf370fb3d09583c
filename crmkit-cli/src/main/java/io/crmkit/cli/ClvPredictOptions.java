package io.crmkit.cli;

import io.crmkit.cli.output.OutputFormat;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.metrics.clv.DiscountRate;
import io.crmkit.metrics.clv.Horizon;
import io.crmkit.metrics.clv.LifetimeValue;
import io.crmkit.metrics.clv.PredictionIntervals;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of {@code crmkit clv predict} beyond the model's ({@link ClvModelOptions}): the CLV
 * settings ({@code --horizon}, {@code --discount-rate}, {@code --discount-per}, {@code --margin}),
 * {@code --format}, {@code --spend-model} and the prediction intervals ({@code --intervals},
 * {@code --interval-draws}, {@code --interval-seed}), with their reading and its usage errors. One
 * declaration for {@code crmkit clv predict} and the Spark local jar's, which takes the same options.
 * Used as a picocli mixin; filled by picocli, not thread-safe.
 */
public final class ClvPredictOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--horizon", order = 13, required = true, paramLabel = "N{d|w|m|y}",
            description = "How far ahead, with its unit: 52w, 12m, 1y, 90d (converted to the model's unit).")
    String horizon;

    @Option(names = "--discount-rate", order = 14, defaultValue = "0", paramLabel = "R",
            description = "Discount rate per --discount-per, as a fraction. Default: ${DEFAULT-VALUE}.")
    double discountRate;

    @Option(names = "--discount-per", order = 15, defaultValue = "years", paramLabel = "days|weeks|months|years",
            description = "The period of --discount-rate. Default: ${DEFAULT-VALUE}.")
    PeriodUnit discountPer;

    @Option(names = "--margin", order = 16, defaultValue = "1", paramLabel = "M",
            description = "Share of spend kept as margin, as a fraction (1 = value revenue)."
                + " Default: ${DEFAULT-VALUE}.")
    double margin;

    @Option(names = "--format", order = 17, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--spend-model", order = 18, paramLabel = "gamma-gamma|none", defaultValue = "gamma-gamma",
            description = {"Spend per transaction: gamma-gamma (Fader, Hardie and Lee 2005) or none. With none,"
                + " or when gamma-gamma cannot be fitted (for example every amount the same), expected_spend and"
                + " clv are empty and the reason is on stderr; P(alive) and expected_transactions are printed"
                + " for every customer. Default: ${DEFAULT-VALUE}."})
    String spendModel;

    @Option(names = "--intervals", order = 19, paramLabel = "LEVEL",
            description = {"Add lower and upper bounds of expected_transactions and clv at this level (0.9 for 90 %%"
                + " intervals), from a parametric bootstrap of the fitted parameters: their logarithms are drawn"
                + " from the estimates' asymptotic normal distribution and every draw's predictions are"
                + " computed; the bounds are quantiles of those. Parameter uncertainty only, not the chance"
                + " variation of future purchases. Columns expected_transactions_lower,"
                + " expected_transactions_upper, clv_lower, clv_upper follow the others."})
    Double intervals;

    @Option(names = "--interval-draws", order = 20, paramLabel = "N", defaultValue = "200",
            description = "Parameter draws for --intervals, at least 20. Default: ${DEFAULT-VALUE}.")
    int intervalDraws;

    @Option(names = "--interval-seed", order = 21, paramLabel = "S", defaultValue = "1",
            description = "Seed of the draws for --intervals. Default: ${DEFAULT-VALUE}.")
    long intervalSeed;

    /**
     * Creates the options; picocli fills them.
     */
    public ClvPredictOptions() {
    }

    /**
     * The CLV settings of {@code --horizon}, {@code --discount-rate}, {@code --discount-per} and
     * {@code --margin}.
     *
     * @return the settings, never null
     * @throws IllegalArgumentException if a value is invalid (the message names it)
     */
    public LifetimeValue.Settings settings() {
        return new LifetimeValue.Settings(Horizon.parse(horizon), DiscountRate.of(discountRate, discountPer), margin);
    }

    /**
     * Returns {@code --format}.
     *
     * @return the output format, never null once picocli has parsed the command line
     */
    public OutputFormat format() {
        return format;
    }

    /**
     * Reads {@code --spend-model}.
     *
     * @return true for gamma-gamma, false for none
     * @throws ParameterException for another value
     */
    public boolean gammaGamma() {
        return switch (spendModel.trim().toLowerCase(Locale.ROOT)) {
            case "gamma-gamma", "gamma_gamma" -> true;
            case "none" -> false;
            default -> throw new ParameterException(command.commandLine(),
                    "--spend-model must be gamma-gamma or none: " + spendModel);
        };
    }

    /**
     * Returns whether {@code --intervals} is given.
     *
     * @return true if intervals are asked for
     */
    public boolean hasIntervals() {
        return intervals != null;
    }

    /**
     * Reads {@code --intervals}, {@code --interval-draws} and {@code --interval-seed}.
     *
     * @return the interval options, empty without {@code --intervals}
     * @throws ParameterException if the level or the number of draws is invalid
     */
    public Optional<PredictionIntervals.Options> intervals() {
        if (intervals == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PredictionIntervals.Options(intervals, intervalDraws, intervalSeed));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--intervals/--interval-draws: " + e.getMessage());
        }
    }
}
