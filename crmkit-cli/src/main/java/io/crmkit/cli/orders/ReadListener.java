package io.crmkit.cli.orders;

/**
 * Receives what happens while an order file is read, as it happens: warnings, rejected rows and
 * progress. A command-line tool prints them on stderr; a test collects them.
 */
public interface ReadListener {

    /**
     * Reports a warning about the whole input (such as ignored columns).
     *
     * @param message the warning, without personal data, not null
     */
    void warning(String message);

    /**
     * Reports a rejected row.
     *
     * @param line the physical line in the file where the row starts (the header is line 1)
     * @param kind why, not null
     * @param reason the reason, without personal data, not null
     */
    void rejected(long line, Rejection kind, String reason);

    /**
     * Reports progress; called every few thousand rows. Does nothing by default.
     *
     * @param rowsRead the number of data rows read so far
     */
    default void progress(long rowsRead) {
    }
}
