package io.crmkit.cli;

import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ResultRows;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.segmentation.CustomerColumns;
import io.crmkit.segmentation.rfm.Cut;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.DimensionScores;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScorer;
import io.crmkit.segmentation.rfm.ScoreBin;
import io.crmkit.segmentation.segment.LintReport;
import io.crmkit.segmentation.segment.SegmentMap;
import io.crmkit.segmentation.segment.SegmentSummary;
import io.crmkit.segmentation.segment.SegmentTable;
import io.crmkit.segmentation.segment.Segmentation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code crmkit rfm}: RFM scores and segments of an order file, with the cuts actually used and
 * the diagnostics (empty and merged bins, customers on each cut, split ties) printed with every
 * result, on stderr for table and csv, in the {@code definitions} of the json document.
 */
@Command(name = "rfm", sortOptions = false, mixinStandardHelpOptions = true,
        header = "RFM scores and segments of an order file.",
        description = {"Prints per customer: customer_id, recency (days), frequency (purchases), monetary, the"
            + " scores r, f, m and the segment; with --summary the segment table instead: segment, customers,"
            + " orders, revenue, aov, revenue_share.",
            "Definitions, the cuts used per dimension, customers per score and warnings go to stderr, or into"
            + " the document with --format json. --binning r-rfm --segments r-rfm with one order per row"
            + " reproduces the R rfm package (0.3.0)."})
public final class RfmCommand extends CrmkitCommand {

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private RfmScoringOptions scoring;

    /**
     * Creates the command; picocli fills its options.
     */
    public RfmCommand() {
    }

    @Override
    public Integer call() throws IOException {
        RfmOptions rfmOptions = scoring.rfmOptions();
        OrderFile in = input.read(this);
        if (input.failsStrict(this, in)) {
            return CrmkitCli.EXIT_FAILED;
        }
        PurchaseHistoryOptions options = scoring.summaryOptions(input.zone(), input.currency(in));
        PurchaseSummaries summaries = PurchaseHistory.summarize(in.batch(), options);
        if (summaries.size() == 0) {
            throw new CommandFailedException("no customer has a counted purchase by " + options.asOf());
        }
        Definitions definitions = definitions(in, summaries);
        String closing = input.rejectedSummary(in);
        // the orders are summarised: let their columns go before scoring
        in = null;
        RfmResult result = RfmScorer.score(CustomerColumns.from(summaries), rfmOptions);
        SegmentMap map = scoring.segmentMap(result.dimension(Dimension.RECENCY).bins());
        Segmentation segmentation = map.assign(result);
        addScoring(definitions, result, map);
        ResultRows rows = scoring.summary() ? new SegmentRows(segmentation.summary()) : new CustomerRows(segmentation);
        ResultWriter.write(scoring.format(), definitions, rows, out(), err());
        note(closing);
        return CrmkitCli.EXIT_OK;
    }

    /** The definitions of the input and the summaries. */
    private Definitions definitions(OrderFile in, PurchaseSummaries summaries) {
        PurchaseHistoryOptions o = summaries.options();
        Definitions d = new Definitions();
        d.put("command", "rfm");
        d.put("as_of", o.asOf().toString());
        d.put("clock", o.dayClock() ? "day" : "exact");
        d.put("zone", o.zone().getId());
        d.put("purchase_unit", lower(o.purchaseUnit()));
        d.put("revenue_basis", lower(o.revenueBasis()));
        d.put("currency", summaries.currency().orElseThrow().getCurrencyCode());
        d.put("currency_source", input.currencySource(in));
        d.put("order_lines", in.hasOrderIds() ? "rows sharing an order_id are one order"
                : "one order per row (no order_id column)");
        input.describeInput(d, in);
        d.put("orders_counted", summaries.stats().ordersCounted());
        d.put("orders_excluded_by_status", summaries.stats().excludedByStatus());
        d.put("orders_excluded_after_as_of", summaries.stats().excludedAfterAsOf());
        d.put("returns_counted", summaries.stats().returnsCounted());
        return d;
    }

    /** Adds the scoring's definitions and diagnostics. */
    private void addScoring(Definitions d, RfmResult result, SegmentMap map) {
        d.put("customers", result.size());
        d.put("scoring", result.options().describe());
        for (Dimension dim : Dimension.values()) {
            DimensionScores s = result.dimension(dim);
            String key = dim.name().toLowerCase(Locale.ROOT);
            List<Object> cuts = new ArrayList<>();
            for (Cut c : s.cuts()) {
                Map<String, Object> cut = new LinkedHashMap<>();
                cut.put("value", c.value());
                cut.put("equal_values_go", c.side().name().toLowerCase(Locale.ROOT));
                cut.put("customers_on_cut", c.tiedCustomers());
                cut.put("splits_tie", c.splitsTie());
                cuts.add(cut);
            }
            d.put(key + "_cuts", cuts);
            Map<String, Object> counts = new LinkedHashMap<>();
            for (ScoreBin b : s.scoreBins()) {
                counts.put(Integer.toString(b.score()), b.customers());
            }
            d.put(key + "_customers_per_score", counts);
        }
        d.put("warnings", result.warnings());
        d.put("segment_map", scoring.segments());
        LintReport lint = map.lint();
        d.put("segment_map_lint", lint.describe().lines().toList());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Per customer: id, raw values, scores and segment. */
    private static final class CustomerRows implements ResultRows {
        private static final List<Column> COLUMNS = List.of(Column.text("customer_id"), Column.number("recency", 2),
                Column.number("frequency", 0), Column.number("monetary", 2), Column.number("r", 0),
                Column.number("f", 0), Column.number("m", 0), Column.text("segment"));
        private final Segmentation segmentation;
        private final RfmResult result;

        CustomerRows(Segmentation segmentation) {
            this.segmentation = segmentation;
            this.result = segmentation.result();
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public int size() {
            return result.size();
        }

        @Override
        public Object value(int row, int column) {
            return switch (column) {
                case 0 -> result.customerId(row).value();
                case 1 -> result.recencyDays(row);
                case 2 -> result.frequency(row);
                case 3 -> result.monetary(row);
                case 4 -> result.r(row);
                case 5 -> result.f(row);
                case 6 -> result.m(row);
                case 7 -> segmentation.segment(row);
                default -> throw new IndexOutOfBoundsException("column " + column);
            };
        }

        @Override
        public boolean concurrentReads() {
            return true; // read from the result's arrays only
        }
    }

    /** The segment table: segment, customers, orders, revenue, aov, revenue share. */
    private static final class SegmentRows implements ResultRows {
        private static final List<Column> COLUMNS = List.of(Column.text("segment"), Column.number("customers", 0),
                Column.number("orders", 0), Column.number("revenue", 2), Column.number("aov", 2),
                Column.number("revenue_share", 4));
        private final List<SegmentSummary> rows;

        SegmentRows(SegmentTable table) {
            this.rows = table.rows();
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public int size() {
            return rows.size();
        }

        @Override
        public Object value(int row, int column) {
            SegmentSummary s = rows.get(row);
            return switch (column) {
                case 0 -> s.segment();
                case 1 -> s.customers();
                case 2 -> s.orders();
                case 3 -> s.revenue();
                case 4 -> s.averageOrderValue().isPresent() ? s.averageOrderValue().getAsDouble() : null;
                case 5 -> s.revenueShare().isPresent() ? s.revenueShare().getAsDouble() : null;
                default -> throw new IndexOutOfBoundsException("column " + column);
            };
        }
    }
}
