package io.crmkit.cli;

import io.crmkit.cli.output.OutputFormat;
import io.crmkit.core.history.RevenueBasis;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of {@code crmkit kpi} beyond the input and the periods ({@link PeriodOptions}):
 * {@code --active-window}, {@code --revenue} and {@code --format}. One declaration for
 * {@code crmkit kpi} and the Spark local jar's {@code kpi}, which takes the same options. Used as a
 * picocli mixin; filled by picocli, not thread-safe.
 */
public final class KpiOptions {

    @Option(names = "--active-window", order = 13, paramLabel = "DAYS",
            description = "Days a purchase keeps a customer active; at least the longest period (7, 31, 92, 366)."
                + " Default: 90 for weeks and months, 183 for quarters, 366 for years.")
    Integer activeWindow;

    @Option(names = "--revenue", order = 14, paramLabel = "net|gross", defaultValue = "net",
            description = "Revenue basis. Default: ${DEFAULT-VALUE}.")
    RevenueBasis revenue;

    @Option(names = "--format", order = 16, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    OutputFormat format;

    /**
     * Creates the options; picocli fills them.
     */
    public KpiOptions() {
    }

    /**
     * Returns {@code --active-window}.
     *
     * @return the days a purchase keeps a customer active, empty for the period's default
     */
    public Optional<Integer> activeWindow() {
        return Optional.ofNullable(activeWindow);
    }

    /**
     * Returns {@code --revenue}.
     *
     * @return the revenue basis, never null once picocli has parsed the command line
     */
    public RevenueBasis revenue() {
        return revenue;
    }

    /**
     * Returns {@code --format}.
     *
     * @return the output format, never null once picocli has parsed the command line
     */
    public OutputFormat format() {
        return format;
    }
}
