package io.crmkit.cli;

import io.crmkit.cli.orders.OrderFile;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseUnit;
import java.time.LocalDate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code crmkit clv fit} and {@code clv predict} that say which model is fitted to
 * which calibration period: {@code --model}, {@code --calibration-end}, {@code --unit} and
 * {@code --purchase-unit} (the {@link PurchaseUnitOption} of every command that counts purchases).
 * One declaration for both subcommands and for the Spark local jar's {@code clv}, which takes the
 * same options. Used as a picocli mixin; filled by picocli, not thread-safe.
 */
public final class ClvModelOptions {

    @Option(names = "--model", order = 10, paramLabel = "bg-nbd|mbg-nbd|pareto-nbd|nbd|bg-bb", defaultValue = "bg-nbd",
            converter = ClvCommand.ModelConverter.class, description = {"Transaction model. nbd has no drop-out; it is"
                + " also what the others fall back to, with a warning, when their fit ends at the drop-out boundary"
                + " (no drop-out visible in the data). bg-bb (clv fit only) counts discrete opportunities: the"
                + " calendar periods of --unit (in --zone) after each customer's first purchase period up to the"
                + " calibration end, a period with a counted purchase being a transaction."
                + " Default: ${DEFAULT-VALUE}."})
    ClvCommand.Model model;

    @Option(names = "--calibration-end", order = 11, required = true, paramLabel = "DATE",
            description = "Last day of the calibration period (its orders are included).")
    LocalDate calibrationEnd;

    @Option(names = "--unit", order = 12, paramLabel = "days|weeks|months|years", defaultValue = "weeks",
            description = "The model's time unit. Default: ${DEFAULT-VALUE}.")
    PeriodUnit unit;

    @Mixin
    PurchaseUnitOption purchaseUnit = new PurchaseUnitOption();

    /**
     * Creates the options; picocli fills them.
     */
    public ClvModelOptions() {
    }

    /**
     * Returns {@code --model}.
     *
     * @return the model, never null once picocli has parsed the command line
     */
    public ClvCommand.Model model() {
        return model;
    }

    /**
     * Returns {@code --calibration-end}.
     *
     * @return the last day of the calibration period, never null once picocli has parsed the command line
     */
    public LocalDate calibrationEnd() {
        return calibrationEnd;
    }

    /**
     * Returns {@code --unit}.
     *
     * @return the model's time unit, never null once picocli has parsed the command line
     */
    public PeriodUnit unit() {
        return unit;
    }

    /**
     * Returns {@code --purchase-unit}.
     *
     * @return what one transaction is, never null once picocli has parsed the command line
     */
    public PurchaseUnit purchaseUnit() {
        return purchaseUnit.unit();
    }

    /**
     * The options of the calibration summaries: orders through the end of {@code --calibration-end}
     * in the input's zone, with {@code --purchase-unit}, the run's currency and durations in
     * {@code --unit}.
     *
     * @param input the input options (the zone), not null
     * @param in the orders read (the currency), not null
     * @return the options, never null
     */
    public PurchaseHistoryOptions calibration(OrderInputOptions input, OrderFile in) {
        return PurchaseHistoryOptions.builder(AsOf.endOfDay(calibrationEnd)).zone(input.zone())
                .purchaseUnit(purchaseUnit()).currency(input.currency(in)).timeUnit(unit).build();
    }
}
