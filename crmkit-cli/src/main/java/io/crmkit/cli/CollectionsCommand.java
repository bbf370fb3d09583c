package io.crmkit.cli;

import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.credit.Allocation;
import io.crmkit.metrics.credit.CollectionCalendar;
import io.crmkit.metrics.credit.CollectionEntry;
import java.io.IOException;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit collections}: whom to remind of what and when, planned on each customer's usual
 * paying day; or the overdue invoices, or the customers over their credit limit.
 */
@Command(name = "collections", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Collection lists as of a day: the payday reminder calendar, overdue invoices, customers over limit.",
        description = {"--list calendar (default) prints per customer with an amount due by its next paying day:"
            + " customer_id, contact_on, amount_due, overdue, oldest_days_past_due, payday. The paying day is learned"
            + " from the customer's past payments (a day of the month or a weekday); without one, contact_on is"
            + " --as-of.",
            "--list overdue prints invoice_id, customer_id, due, days_past_due, open by open amount, then age;"
            + " --list over-limit (needs --credit-terms) prints customer_id, outstanding, credit_limit, excess."})
public final class CollectionsCommand extends CrmkitCommand {

    /** The lists. */
    enum ListKind { CALENDAR, OVERDUE, OVER_LIMIT }

    @Mixin
    private LedgerInputOptions input;

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE",
            description = "The day of the lists (required: never 'today'); later invoices and payments are ignored.")
    private LocalDate asOf;

    @Option(names = "--list", order = 11, paramLabel = "calendar|overdue|over-limit", defaultValue = "calendar",
            converter = ListConverter.class, description = "Which list. Default: ${DEFAULT-VALUE}.")
    private ListKind list;

    @Option(names = "--lead-days", order = 12, paramLabel = "DAYS", defaultValue = "0",
            description = "Remind this many days before the paying day (never before --as-of). Default: ${DEFAULT-VALUE}.")
    private int leadDays;

    @Option(names = "--min-payments", order = 13, paramLabel = "N", defaultValue = "3",
            description = "Fewest past payments to learn a paying day from. Default: ${DEFAULT-VALUE}.")
    private int minPayments;

    @Option(names = "--min-share", order = 14, paramLabel = "SHARE", defaultValue = "0.5",
            description = "Least share of past payments on the paying day. Default: ${DEFAULT-VALUE}.")
    private double minShare;

    @Option(names = "--format", order = 15, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

    /**
     * Creates the command; picocli fills its options.
     */
    public CollectionsCommand() {
    }

    /** Reads {@code over-limit} as well as {@code over_limit}. */
    static final class ListConverter implements picocli.CommandLine.ITypeConverter<ListKind> {
        @Override
        public ListKind convert(String value) {
            try {
                return ListKind.valueOf(value.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "expected calendar, overdue or over-limit: '" + value + "'");
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        CollectionCalendar.Options options;
        try {
            options = new CollectionCalendar.Options(minPayments, minShare, leadDays);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        LedgerInputOptions.Loaded data = input.read(this);
        if (data == null) {
            return CrmkitCli.EXIT_FAILED;
        }
        if (list == ListKind.OVER_LIMIT && data.terms.isEmpty()) {
            throw new CommandFailedException("--list over-limit needs --credit-terms FILE with the customers' limits");
        }
        Allocation allocation = data.ledger.allocate(asOf);
        Definitions d = new Definitions();
        d.put("command", "collections");
        d.put("as_of", asOf.toString());
        d.put("list", list.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        data.describe(d);
        ListRows rows;
        switch (list) {
            case CALENDAR -> {
                d.put("calendar", options.describe());
                rows = new ListRows(java.util.List.of(Column.text("customer_id"), Column.text("contact_on"),
                        Column.number("amount_due", 2), Column.number("overdue", 2),
                        Column.number("oldest_days_past_due", 0), Column.text("payday")));
                for (CollectionEntry e : CollectionCalendar.plan(allocation, options)) {
                    rows.add(e.customerId().value(), e.contactOn(), e.amountDue().amount(), e.overdue().amount(),
                            e.oldestDaysPastDue(), e.payday().describe());
                }
            }
            case OVERDUE -> {
                rows = new ListRows(java.util.List.of(Column.text("invoice_id"), Column.text("customer_id"),
                        Column.text("due"), Column.number("days_past_due", 0), Column.number("open", 2)));
                for (CollectionCalendar.OverdueInvoice o : CollectionCalendar.overdue(allocation)) {
                    rows.add(o.invoiceId().value(), o.customerId().value(), o.due(), o.daysPastDue(), o.open().amount());
                }
            }
            default -> {
                rows = new ListRows(java.util.List.of(Column.text("customer_id"), Column.number("outstanding", 2),
                        Column.number("credit_limit", 2), Column.number("excess", 2)));
                for (CollectionCalendar.OverLimit o : CollectionCalendar.overLimit(allocation, data.terms)) {
                    rows.add(o.customerId().value(), o.outstanding().amount(), o.limit().amount(), o.excess().amount());
                }
            }
        }
        String closing = data.closing(allocation, this, d);
        ResultWriter.write(format, d, rows, out(), err());
        note(closing);
        return CrmkitCli.EXIT_OK;
    }
}
