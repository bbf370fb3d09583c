package io.crmkit.cli;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.cli.orders.LedgerCsvReader;
import io.crmkit.cli.orders.LedgerRows;
import io.crmkit.cli.orders.ReadListener;
import io.crmkit.cli.orders.Rejection;
import io.crmkit.cli.output.Definitions;
import io.crmkit.metrics.credit.Allocation;
import io.crmkit.metrics.credit.Ledger;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The ledger input options of {@code crmkit receivables} and {@code crmkit collections}
 * ({@code --invoices}, {@code --payments}, {@code --credit-terms}, {@code --currency},
 * {@code --strict}): reads the files with {@link LedgerCsvReader}, prints rejected rows on stderr as
 * {@code line N: file: reason}, and builds the {@link Ledger}.
 */
public final class LedgerInputOptions {

    @Option(names = "--invoices", required = true, paramLabel = "FILE", order = 1,
            description = {"Invoices: CSV (or gzip) with header invoice_id,customer_id,issued,due,amount and optionally"
                + " currency, status (issued, void, credit_note), applies_to, written_off_on. A negative amount is a"
                + " credit note."})
    private Path invoices;

    @Option(names = "--payments", required = true, paramLabel = "FILE", order = 2,
            description = {"Payments: CSV (or gzip) with header payment_id,customer_id,paid_on,amount and optionally"
                + " invoice_id, currency. A payment goes only to invoices issued on or before its paid_on: one naming an"
                + " invoice not yet issued then pays older invoices and the rest is unapplied credit (listed on stderr"
                + " with the reason, counted in the closing line)."})
    private Path payments;

    @Option(names = "--credit-terms", paramLabel = "FILE", order = 3,
            description = {"Credit terms (optional): CSV with header customer_id,credit_limit,terms_days and optionally"
                + " rating_class, currency. Without it utilisation is 0 and no customer is over a limit."})
    private Path terms;

    @Option(names = "--currency", paramLabel = "CODE", order = 4,
            description = {"The currency of the run; rows in others are rejected. Default: the single currency"
                + " named in the files' currency columns (USD when none has one; a file without the column is in"
                + " the run's currency); several without this option fail the run."})
    private String currency;

    @Option(names = "--strict", order = 5, description = "Fail (exit 1, nothing on stdout) if any row is rejected.")
    private boolean strict;

    /**
     * Creates the options; picocli fills them.
     */
    public LedgerInputOptions() {
    }

    /** What was read: the ledger, the terms by customer, and the closing count of the rows. */
    static final class Loaded {
        /** How many credits naming a not-yet-issued invoice are listed one by one. */
        static final int LISTED = 10;

        final Ledger ledger;
        final Map<CustomerId, CreditTerms> terms;
        final LedgerCsvReader.LedgerInput input;
        final String summary;

        Loaded(Ledger ledger, Map<CustomerId, CreditTerms> terms, LedgerCsvReader.LedgerInput input, String summary) {
            this.ledger = ledger;
            this.terms = terms;
            this.input = input;
            this.summary = summary;
        }

        void describe(Definitions d) {
            d.put("currency", ledger.currency().getCurrencyCode());
            d.put("invoice_rows", rows(input.invoices()));
            d.put("payment_rows", rows(input.payments()));
            input.terms().ifPresent(t -> d.put("credit_terms_rows", rows(t)));
            d.put("void_invoices", ledger.voidInvoices());
            d.put("credit_notes_from_negative_amounts", input.negativeAmountCreditNotes());
            d.put("references_to_unknown_invoices", ledger.unknownReferences());
        }

        /**
         * Reports the payments and credit notes that name an invoice not yet issued on their day
         * (ADR 0051: they never reach it; what they could not pay on older invoices is unapplied
         * credit): one warning each (the first {@value #LISTED}), a definition, and the closing line.
         */
        String closing(Allocation allocation, CrmkitCommand command, Definitions d) {
            List<Allocation.NotYetIssuedReference> refs = allocation.notYetIssuedReferences();
            if (refs.isEmpty()) {
                d.put("not_yet_issued_references", 0);
                return summary;
            }
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal unapplied = BigDecimal.ZERO;
            for (int i = 0; i < refs.size(); i++) {
                Allocation.NotYetIssuedReference r = refs.get(i);
                amount = amount.add(r.amount().amount());
                unapplied = unapplied.add(r.unapplied().amount());
                if (i < LISTED) {
                    command.warn((r.creditNote() ? "credit note " : "payment ") + r.creditId() + " " + r.reason() + ": "
                            + r.unapplied().amount().toPlainString() + " of " + r.amount().amount().toPlainString()
                            + " unapplied");
                }
            }
            if (refs.size() > LISTED) {
                command.warn((refs.size() - LISTED) + " more payments or credit notes name an invoice not yet issued");
            }
            String text = refs.size() + " payments or credit notes name an invoice not yet issued on the payment date"
                    + " (amount " + amount.toPlainString() + ", of it " + unapplied.toPlainString()
                    + " unapplied credit)";
            d.put("not_yet_issued_references", text);
            return summary + "; " + text;
        }

        private static String rows(LedgerRows<?> r) {
            return r.rowsRead() + " read, " + r.records().size() + " used, " + r.rowsRejected() + " rejected";
        }
    }

    /**
     * Reads the files.
     *
     * @param command the running command, not null
     * @return what was read, or null when {@code --strict} fails the run (already reported)
     * @throws IOException if a file cannot be read
     */
    Loaded read(CrmkitCommand command) throws IOException {
        Optional<Currency> chosen;
        try {
            chosen = currency == null ? Optional.empty() : Optional.of(Money.currency(currency.trim()));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--currency: " + e.getMessage());
        }
        PrintWriter err = command.err();
        LedgerCsvReader reader = new LedgerCsvReader(chosen, new ReadListener() {
            @Override
            public void warning(String message) {
                command.warn(message);
            }

            @Override
            public void rejected(long line, Rejection kind, String reason) {
                err.println("line " + line + ": " + reason);
            }
        });
        LedgerCsvReader.LedgerInput in = reader.read(invoices, payments, Optional.ofNullable(terms));
        err.flush();
        long read = in.invoices().rowsRead() + in.payments().rowsRead()
                + in.terms().map(LedgerRows::rowsRead).orElse(0L);
        Map<Rejection, Long> byKind = new LinkedHashMap<>();
        for (LedgerRows<?> r : in.terms().isPresent() ? java.util.List.of(in.invoices(), in.payments(), in.terms().get())
                : java.util.List.of(in.invoices(), in.payments())) {
            r.rejectedByKind().forEach((k, v) -> byKind.merge(k, v, Long::sum));
        }
        long rejected = byKind.values().stream().mapToLong(Long::longValue).sum();
        String summary = rejected + " of " + read + " rows rejected" + (rejected == 0 ? "" : " ("
                + byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().description())
                .collect(Collectors.joining(", ")) + ")");
        if (strict && rejected > 0) {
            command.note(summary + "; --strict: nothing computed");
            return null;
        }
        Ledger.Builder builder = Ledger.builder(in.currency());
        in.invoices().records().forEach(builder::add);
        in.payments().records().forEach(builder::add);
        Ledger ledger = builder.build();
        if (ledger.unknownReferences() > 0) {
            command.warn(ledger.unknownReferences() + " payments or credit notes name an invoice that is not one of"
                    + " the same customer's issued invoices; they were applied oldest first");
        }
        Map<CustomerId, CreditTerms> byCustomer = new LinkedHashMap<>();
        in.terms().ifPresent(t -> t.records().forEach(c -> byCustomer.put(c.customerId(), c)));
        return new Loaded(ledger, byCustomer, in, summary);
    }
}
