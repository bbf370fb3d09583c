package io.crmkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --customers}, {@code --default-region} and {@code --strict} options of the commands
 * that read a customers file ({@code duplicates}, {@code quality}), and the reading itself: each
 * rejected row reported on stderr as {@code line N: reason}, and with {@code --strict} nothing
 * computed when any row was rejected. A picocli mixin; filled by picocli, used from one thread.
 */
public final class CustomerInputOptions {

    @Option(names = "--customers", order = 1, required = true, paramLabel = "FILE",
            description = "The customers file (CSV, optionally gzip-compressed).")
    private Path customers;

    @Option(names = "--default-region", order = 20, paramLabel = "CC", defaultValue = "ZZ",
            description = "ISO 3166 region of phone numbers written without a country code, such as US;"
                + " ZZ (default) reads only international numbers, never guessing a country.")
    private String defaultRegion;

    @Option(names = "--strict", order = 30, description = "Compute nothing if a row is rejected (exit 1).")
    private boolean strict;

    /**
     * Creates the options; picocli fills them.
     */
    public CustomerInputOptions() {
    }

    /**
     * Returns the region of phone numbers written without a country code.
     *
     * @return an ISO 3166 region code, or {@code ZZ} for none, never null
     */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * Reads the customers file, reporting rejected rows and warnings on the command's stderr.
     *
     * @param command the running command, not null
     * @return the rows, or empty when {@code --strict} was given and a row was rejected (the command
     *     has then said so and should exit with {@link CrmkitCli#EXIT_FAILED})
     * @throws IOException if reading fails
     */
    public Optional<CustomerFile.Rows> read(CrmkitCommand command) throws IOException {
        CustomerFile.Rows rows = CustomerFile.read(customers,
                (line, reason) -> command.err().println("line " + line + ": " + reason), command::warn);
        if (strict && rows.rejected() > 0) {
            command.note(rows.rejected() + " of " + rows.read() + " rows rejected; --strict: nothing computed");
            return Optional.empty();
        }
        return Optional.of(rows);
    }
}
