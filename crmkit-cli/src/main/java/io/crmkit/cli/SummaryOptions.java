package io.crmkit.cli;

import io.crmkit.cli.output.OutputFormat;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code crmkit summarize} beyond the input: {@code --as-of}, {@code --purchase-unit},
 * {@code --revenue}, {@code --unit}, {@code --counted} and {@code --format}, and the
 * {@link PurchaseHistoryOptions} they define. One declaration for {@code crmkit summarize} and the
 * Spark local jar's {@code summarize}, which takes the same options. Used as a picocli mixin; filled
 * by picocli, not thread-safe.
 */
public final class SummaryOptions {

    @Option(names = "--as-of", order = 10, paramLabel = "DATE|DATE-TIME", converter = AsOfArgument.Converter.class,
            description = {"Observation point. A date (1997-09-30) counts orders through the end of that day and"
                + " measures whole days (day clock); a date-time (1997-10-01T00:00:00Z, or local in --zone)"
                + " counts orders before it and measures exact time. Default: the end of the day of the latest"
                + " order in the file."})
    AsOfArgument asOf;

    @Mixin
    PurchaseUnitOption purchaseUnit;

    @Option(names = "--revenue", order = 12, paramLabel = "net|gross", defaultValue = "net",
            description = "Revenue basis: net of discounts and refunds, or gross. The CSV format carries one amount"
                + " per line, so both give the same figures today. Default: ${DEFAULT-VALUE}.")
    RevenueBasis revenue;

    @Option(names = "--unit", order = 13, paramLabel = "days|weeks|months|years", defaultValue = "days",
            description = "Unit of t_x and T (months and years of mean Gregorian length). Default: ${DEFAULT-VALUE}.")
    PeriodUnit unit;

    @Option(names = "--counted", order = 14, paramLabel = "CATEGORY", split = ",", defaultValue = "completed",
            description = "Status categories that count as purchases (open, completed, void), comma-separated."
                + " Default: ${DEFAULT-VALUE}.")
    Set<OrderStatusCategory> counted;

    @Option(names = "--format", order = 15, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    OutputFormat format;

    /**
     * Creates the options; picocli fills them.
     */
    public SummaryOptions() {
    }

    /**
     * Returns whether {@code --as-of} was given.
     *
     * @return true when the as-of point comes from the command line
     */
    public boolean asOfGiven() {
        return asOf != null;
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
     * Returns the options of the run: the as-of point of {@code --as-of}, or else the end of the day
     * of the latest order (the note says so), with the purchase unit, revenue basis, counted
     * categories and time unit of the command line; the caller adds the currency.
     *
     * @param zone the zone of calendar days, not null
     * @param latest the latest order's time; used only without {@code --as-of}
     * @param where the orders' source for the error when there is no order ("the input")
     * @param note receives the note on the default as-of, not null
     * @return the builder, never null
     * @throws CommandFailedException if there is no {@code --as-of} and no order
     */
    public PurchaseHistoryOptions.Builder options(ZoneId zone, Optional<Instant> latest, String where,
            Consumer<String> note) {
        AsOf point;
        if (asOf != null) {
            point = asOf.resolve(zone);
        } else {
            LocalDate day = latest.orElseThrow(() -> new CommandFailedException(
                    "no usable order in " + where + ", so no default as-of: give --as-of")).atZone(zone).toLocalDate();
            point = AsOf.endOfDay(day);
            note.accept("--as-of not given: using the end of " + day + " (" + zone + "), the day of the latest order");
        }
        EnumSet<OrderStatusCategory> categories = EnumSet.copyOf(counted);
        return PurchaseHistoryOptions.builder(point)
                .zone(zone)
                .purchaseUnit(purchaseUnit.unit())
                .revenueBasis(revenue)
                .countedCategories(categories.iterator().next(), categories.toArray(OrderStatusCategory[]::new))
                .timeUnit(unit);
    }
}
