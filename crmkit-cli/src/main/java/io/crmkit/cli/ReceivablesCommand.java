package io.crmkit.cli;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.credit.AgeingBuckets;
import io.crmkit.metrics.credit.Allocation;
import io.crmkit.metrics.credit.CustomerAgeing;
import io.crmkit.metrics.credit.LedgerTotals;
import io.crmkit.metrics.credit.PaymentBehaviour;
import io.crmkit.metrics.credit.RatingBacktest;
import io.crmkit.metrics.credit.RatingModel;
import io.crmkit.metrics.credit.RatingScale;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit receivables}: the ageing of every customer's open balance as of a day, with its
 * unapplied credit and payment-behaviour rating.
 */
@Command(name = "receivables", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Receivables ageing and credit rating per customer as of a day.",
        description = {"Allocates payments to invoices (the named invoice first, then the oldest due issued by the"
            + " payment day; the rest is unapplied credit: a payment naming an invoice not yet issued on its day never"
            + " reaches it, and stderr lists it with that reason) and prints per customer with an open balance or unapplied"
            + " credit: customer_id, current, d1_30, d31_60, d61_90, d91_plus, total_outstanding, unapplied_credit,"
            + " rating (bucket columns follow --buckets).",
            "The rating is the payment-behaviour scorecard (ADR 0051), its weights fitted by logistic regression on"
            + " the files' own past when there is enough of it, hand-set otherwise; stderr says which."})
public final class ReceivablesCommand extends CrmkitCommand {

    @Mixin
    private LedgerInputOptions input;

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE",
            description = "The day of the ageing (required: never 'today'); later invoices and payments are ignored.")
    private LocalDate asOf;

    @Option(names = "--buckets", order = 11, paramLabel = "EDGES", defaultValue = "0,30,60,90",
            description = "Upper edges of the ageing buckets in days past due. Default: ${DEFAULT-VALUE}"
                + " (current, 1-30, 31-60, 61-90, 91+). The first edge must be 0: current is what is not yet past due.")
    private String buckets;

    @Option(names = "--rating-scale", order = 12, paramLabel = "SCALE", defaultValue = "AAA:0.02,AA:0.05,A:0.1,B:0.2,C",
            description = "Rating classes with the upper bound of their probability of 91+ day delinquency."
                + " Default: ${DEFAULT-VALUE}.")
    private String ratingScale;

    @Option(names = "--horizon", order = 13, paramLabel = "DAYS", defaultValue = "180",
            description = "Delinquency horizon of the rating, and the window its weights are fitted on. Default:"
                + " ${DEFAULT-VALUE}.")
    private int horizon;

    @Option(names = "--dso-days", order = 14, paramLabel = "DAYS", defaultValue = "90",
            description = "Period of the DSO (outstanding / invoiced in the period x days). Default: ${DEFAULT-VALUE}.")
    private int dsoDays;

    @Option(names = "--backtest", order = 15,
            description = "Also backtest the rating out of time (stderr, or the json definitions): AUC and default"
                + " rate per class over the last --horizon days.")
    private boolean backtest;

    @Option(names = "--format", order = 16, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

    /**
     * Creates the command; picocli fills its options.
     */
    public ReceivablesCommand() {
    }

    @Override
    public Integer call() throws IOException {
        AgeingBuckets edges;
        RatingScale scale;
        try {
            edges = AgeingBuckets.parse(buckets);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--buckets " + buckets + ": "
                    + e.getMessage());
        }
        try {
            scale = RatingScale.parse(ratingScale);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--rating-scale: " + e.getMessage());
        }
        if (horizon < 1 || horizon > 3650) {
            throw new CommandFailedException("--horizon must be 1 to 3650 days: " + horizon);
        }
        if (dsoDays < 1 || dsoDays > 3650) {
            throw new CommandFailedException("--dso-days must be 1 to 3650 days: " + dsoDays);
        }
        LedgerInputOptions.Loaded data = input.read(this);
        if (data == null) {
            return CrmkitCli.EXIT_FAILED;
        }
        Allocation allocation = data.ledger.allocate(asOf);
        RatingModel model = RatingModel.fit(data.ledger, data.terms, asOf, horizon);
        Map<CustomerId, String> ratings = new HashMap<>();
        for (PaymentBehaviour b : PaymentBehaviour.of(allocation, data.terms)) {
            ratings.put(b.customerId(), scale.classOf(model.probability(b)));
        }
        Definitions d = new Definitions();
        d.put("command", "receivables");
        d.put("as_of", asOf.toString());
        data.describe(d);
        d.put("allocation", "payments and credit notes in date order (credit notes first, then by id): the named"
                + " invoice, then the oldest due (then invoice id) issued by the payment day; the rest unapplied (a named"
                + " invoice not yet issued on the payment day is not paid)");
        d.put("buckets", "days past due (as-of minus due), upper edges " + edges.edges());
        LedgerTotals t = allocation.totals();
        d.put("invoiced", t.invoiced().amount());
        d.put("paid_applied", t.paidApplied().amount());
        d.put("credited_applied", t.creditedApplied().amount());
        d.put("written_off", t.writtenOff().amount());
        d.put("outstanding", t.outstanding().amount());
        d.put("unapplied_credit", t.unappliedCredit().amount());
        put(d, "dso_days", allocation.dso(dsoDays), "DSO: outstanding / invoiced in the " + dsoDays + " days to as-of x "
                + dsoDays + "; nothing invoiced in the period");
        put(d, "overdue_share", allocation.overdueShare(), "nothing outstanding");
        d.put("rating_model", model.describe());
        d.put("rating_scale", scale.describe());
        d.put("rating_horizon_days", horizon);
        if (backtest) {
            RatingBacktest bt = RatingBacktest.run(data.ledger, data.terms, asOf, horizon, scale);
            d.put("backtest_observed_on", bt.observedOn().toString());
            d.put("backtest_customers", bt.customers());
            d.put("backtest_defaults", bt.defaults());
            put(d, "backtest_auc", bt.auc(), "needs both outcomes");
            put(d, "backtest_hand_set_auc", bt.handSetAuc(), "needs both outcomes");
            List<String> classes = new ArrayList<>();
            for (RatingBacktest.ClassOutcome c : bt.classes()) {
                classes.add(c.label() + " " + c.defaults() + "/" + c.customers());
            }
            d.put("backtest_defaults_per_class", String.join(", ", classes));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("customer_id"));
        for (String name : edges.names()) {
            columns.add(Column.number(name, 2));
        }
        columns.add(Column.number("total_outstanding", 2));
        columns.add(Column.number("unapplied_credit", 2));
        columns.add(Column.text("rating"));
        ListRows rows = new ListRows(columns);
        for (CustomerAgeing row : allocation.ageing(edges)) {
            List<Object> values = new ArrayList<>();
            values.add(row.customerId().value());
            for (Money m : row.buckets()) {
                values.add(m.amount());
            }
            values.add(row.outstanding().amount());
            values.add(row.unappliedCredit().amount());
            values.add(ratings.getOrDefault(row.customerId(), ""));
            rows.add(values.toArray());
        }
        String closing = data.closing(allocation, this, d);
        ResultWriter.write(format, d, rows, out(), err());
        note(closing);
        return CrmkitCli.EXIT_OK;
    }

    private static void put(Definitions d, String key, OptionalDouble value, String whyEmpty) {
        if (value.isPresent()) {
            d.put(key, value.getAsDouble());
        } else {
            d.put(key, "none (" + whyEmpty + ")");
        }
    }
}
