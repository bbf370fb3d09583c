package io.crmkit.spark.local;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.cli.CommandFailedException;
import io.crmkit.cli.CrmkitCli;
import io.crmkit.cli.CrmkitCommand;
import io.crmkit.cli.OrderInputOptions;
import io.crmkit.cli.RfmScoringOptions;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.segment.SegmentMap;
import io.crmkit.spark.SparkPurchaseHistory;
import io.crmkit.spark.SparkRfm;
import io.crmkit.spark.SparkRfmResult;
import io.crmkit.spark.SparkSummaries;
import java.io.IOException;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rfm} through crm-spark: the options and output rows of {@code crmkit rfm}, the scores
 * computed by {@link SparkRfm} (value binnings only: quantile, r-rfm, thresholds).
 */
@Command(name = "rfm", sortOptions = false, mixinStandardHelpOptions = true,
        header = "RFM scores and segments of an order file, computed by crm-spark.",
        description = {"The options and output of 'crmkit rfm' (--input files only; binnings quantile, r-rfm and"
            + " thresholds)."})
public final class SparkRfmCommand extends CrmkitCommand {

    @ParentCommand
    private SparkLocalCli root;

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private RfmScoringOptions scoring;

    /**
     * Creates the command; picocli fills its options.
     */
    public SparkRfmCommand() {
    }

    @Override
    public Integer call() throws IOException {
        RfmOptions rfmOptions = scoring.rfmOptions();
        Optional<OrderFile> read = LocalOrders.read(this, input);
        if (read.isEmpty()) {
            return CrmkitCli.EXIT_FAILED;
        }
        OrderFile in = read.get();
        PurchaseHistoryOptions options = scoring.summaryOptions(input.zone(), input.currency(in));
        SegmentMap map = scoring.segmentMap(rfmOptions.binning(Dimension.RECENCY).bins());
        SparkSummaries summaries = SparkPurchaseHistory.summarize(
                LocalOrders.dataset(root.spark(), in.batch(), root.partitions()), LocalOrders.columns(in.batch()),
                options, root.partitions()).cache();
        if (summaries.rows().isEmpty()) {
            throw new CommandFailedException("no customer has a counted purchase by " + options.asOf());
        }
        Definitions d = new Definitions();
        String closing;
        ListRows rows;
        // the rows are collected inside; the values cached while scoring are released after
        try (SparkRfmResult result = SparkRfm.score(summaries, rfmOptions, map)) {
            d.put("command", "rfm");
            d.put("engine", root.engine());
            d.put("as_of", options.asOf().toString());
            d.put("purchase_unit", scoring.purchaseUnit().name().toLowerCase(Locale.ROOT));
            d.put("currency", summaries.currency().getCurrencyCode());
            input.describeInput(d, in);
            d.put("customers", result.customers());
            d.put("scoring", rfmOptions.describe());
            for (Dimension dim : Dimension.values()) {
                d.put(dim.name().toLowerCase(Locale.ROOT) + "_cuts", result.thresholds(dim).describe());
            }
            d.put("segment_map", scoring.segments());
            closing = input.rejectedSummary(in);
            rows = scoring.summary() ? segmentTable(result, map, summaries) : customers(result);
        }
        ResultWriter.write(scoring.format(), d, rows, out(), err());
        note(closing);
        return CrmkitCli.EXIT_OK;
    }

    private static ListRows customers(SparkRfmResult result) {
        List<Row> rows = new ArrayList<>(result.rows().collectAsList());
        rows.sort(Comparator.comparing(r -> CustomerId.of(r.getString(0))));
        ListRows out = new ListRows(List.of(Column.text("customer_id"), Column.number("recency", 2),
                Column.number("frequency", 0), Column.number("monetary", 2), Column.number("r", 0),
                Column.number("f", 0), Column.number("m", 0), Column.text("segment")));
        for (Row r : rows) {
            out.add(r.getString(0), r.getDouble(1), r.getInt(2), r.getDouble(3), r.getInt(6), r.getInt(7),
                    r.getInt(8), r.getString(9));
        }
        return out;
    }

    /** The segment table of crm-segmentation's {@code Segmentation.summary()}, from sums in Spark. */
    private static ListRows segmentTable(SparkRfmResult result, SegmentMap map, SparkSummaries summaries) {
        Map<String, long[]> sums = new HashMap<>();
        for (Row r : result.rows().groupBy(col("segment")).agg(count(col("customer_id")), sum(col("orders")),
                sum(col("revenue_minor"))).collectAsList()) {
            sums.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
        }
        long total = 0;
        for (long[] s : sums.values()) {
            total = Math.addExact(total, s[2]);
        }
        double scale = Money.minorUnitsPerUnit(summaries.currency());
        ListRows out = new ListRows(List.of(Column.text("segment"), Column.number("customers", 0),
                Column.number("orders", 0), Column.number("revenue", 2), Column.number("aov", 2),
                Column.number("revenue_share", 4)));
        for (String segment : map.segments()) {
            long[] s = sums.getOrDefault(segment, new long[3]);
            out.add(segment, s[0], s[1], s[2] / scale, s[1] == 0 ? null : s[2] / (scale * s[1]),
                    total == 0 ? null : s[2] / (double) total);
        }
        return out;
    }
}
