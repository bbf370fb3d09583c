package io.crmkit.cli;

import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.metrics.kpi.ReportingPeriod;
import java.time.LocalDate;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The period options shared by {@code crmkit kpi} and {@code crmkit cohorts}: the period length,
 * the first and last day reported, which status categories count as purchases and what one
 * purchase is ({@code --purchase-unit}). Used as a
 * picocli mixin; filled by picocli, not thread-safe.
 */
public final class PeriodOptions {

    @Option(names = "--period", order = 10, paramLabel = "week|month|quarter|year", defaultValue = "month",
            description = "Period length (ISO weeks, calendar months, quarters, years). Default: ${DEFAULT-VALUE}.")
    ReportingPeriod period;

    @Option(names = "--from", order = 11, paramLabel = "DATE",
            description = "First day to report (its whole period is covered). Default: the day of the earliest order.")
    LocalDate from;

    @Option(names = "--to", order = 12, paramLabel = "DATE",
            description = "Last day to report (its whole period is covered). Default: the day of the latest order.")
    LocalDate to;

    @Option(names = "--counted", order = 15, paramLabel = "CATEGORY", split = ",", defaultValue = "completed",
            description = "Status categories that count as purchases (open, completed, void). Default: ${DEFAULT-VALUE}.")
    Set<OrderStatusCategory> counted;

    @Mixin
    PurchaseUnitOption purchaseUnit = new PurchaseUnitOption();

    /**
     * Creates the options; picocli fills them.
     */
    public PeriodOptions() {
    }
}
