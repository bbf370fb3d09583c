package io.crmkit.cli;

import io.crmkit.cli.output.OutputFormat;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of {@code crmkit clv fit} beyond the model's ({@link ClvModelOptions}):
 * {@code --holdout-end} and {@code --format} (json by default). One declaration for
 * {@code crmkit clv fit} and the Spark local jar's, which takes the same options and refuses
 * {@code --holdout-end}. Used as a picocli mixin; filled by picocli, not thread-safe.
 */
public final class ClvFitOptions {

    @Option(names = "--holdout-end", order = 13, paramLabel = "DATE",
            description = "Last day of the holdout period: score the model on the orders after the calibration"
                + " end up to this day.")
    LocalDate holdoutEnd;

    @Option(names = "--format", order = 14, paramLabel = "json|table|csv|xlsx", defaultValue = "json",
            description = "json: the full document; table/csv: the parameters, the rest on stderr; xlsx: a"
                + " workbook on stdout (redirect it to a file) with the parameters and the rest as definitions."
                + " Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    /**
     * Creates the options; picocli fills them.
     */
    public ClvFitOptions() {
    }

    /**
     * Returns {@code --holdout-end}.
     *
     * @return the last day of the holdout period, empty without a holdout
     */
    public Optional<LocalDate> holdoutEnd() {
        return Optional.ofNullable(holdoutEnd);
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
