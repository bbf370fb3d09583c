package io.crmkit.cli.orders;

/**
 * Why an input row was rejected; every rejected row is reported with one of these and a message.
 *
 * <p>Immutable and thread-safe.
 */
public enum Rejection {
    /** The row's quoting is broken (text after a closing quote, a stray quote, a quote left open). */
    MALFORMED("malformed CSV"),
    /** The row is longer than the chosen maximum record length; it was skipped unread. */
    TOO_LONG("record too long"),
    /** The row has more or fewer fields than the header. */
    FIELD_COUNT("wrong number of fields"),
    /** A required value is empty. */
    MISSING_VALUE("missing value"),
    /** A customer or order identifier is not acceptable (too long, control characters). */
    BAD_IDENTIFIER("bad identifier"),
    /** The timestamp is not an ISO date or date-time, or out of range. */
    BAD_TIMESTAMP("bad timestamp"),
    /** The amount is not a decimal that fits its currency. */
    BAD_AMOUNT("bad amount"),
    /** The currency is not an ISO 4217 code. */
    BAD_CURRENCY("bad currency"),
    /** The currency is not the one chosen for the run (crmkit never converts). */
    OTHER_CURRENCY("other currency"),
    /** The status label is neither a category nor a known or configured label. */
    UNKNOWN_STATUS("unknown status"),
    /** A line of an order disagrees with the order's first line (customer, time, currency, status). */
    CONFLICTING_LINE("conflicting order line"),
    /** A date of a ledger file is not an ISO date, or the dates disagree (due before issued). */
    BAD_DATE("bad date"),
    /** An invoice or payment identifier repeats one on an earlier line. */
    DUPLICATE_ID("duplicate identifier");

    private final String description;

    Rejection(String description) {
        this.description = description;
    }

    /**
     * Returns a short description for summaries, such as {@code "bad timestamp"}.
     *
     * @return the description, never null
     */
    public String description() {
        return description;
    }
}
