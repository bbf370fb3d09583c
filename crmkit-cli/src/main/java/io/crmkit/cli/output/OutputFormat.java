package io.crmkit.cli.output;

/**
 * How a command prints its result on stdout (the {@code --format} option).
 *
 * <p>Immutable and thread-safe.
 */
public enum OutputFormat {
    /** Aligned columns for people; the definitions go to stderr. */
    TABLE,
    /** A header and one record per line, nothing else on stdout; the definitions go to stderr. */
    CSV,
    /** One JSON document with the definitions, the column names and the rows. */
    JSON,
    /**
     * An Office Open XML workbook on stdout, which must not be a terminal: sheet {@code result} with
     * the rows (numbers and dates as such), sheet {@code definitions}; nothing on stderr but notes.
     */
    XLSX
}
