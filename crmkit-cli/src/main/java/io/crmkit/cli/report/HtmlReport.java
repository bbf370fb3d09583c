package io.crmkit.cli.report;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.internal.Pii;
import io.crmkit.metrics.clv.CustomerValue;
import io.crmkit.metrics.kpi.CohortMatrix;
import io.crmkit.metrics.kpi.PeriodOrderKpis;
import io.crmkit.segmentation.lifecycle.ChurnScore;
import io.crmkit.segmentation.lifecycle.ChurnScores;
import io.crmkit.segmentation.lifecycle.PurchaseForecast;
import io.crmkit.segmentation.lifecycle.RiskLevel;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.segment.SegmentSummary;
import io.crmkit.segmentation.value.LorenzCurve;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * Renders a {@link ReportData} as one self-contained HTML page: inline CSS, inline SVG charts
 * ({@link Svg}), no script, and a Content-Security-Policy of {@code default-src 'none'} so that a
 * browser fetches nothing even if a later edit referenced a resource. The markup is also
 * well-formed XML (void elements self-closed), so that tests can parse it strictly. Each chart is a
 * {@code <section class="chart" id="...">} with a heading, the chart and a caption stating its
 * definitions. Customer identifiers that look like contact data are masked
 * ({@link Pii#identifier}); names, when given, arrive masked.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReport {

    /** The section ids of the order analytics, in page order; every report has each of them. */
    public static final List<String> SECTIONS = List.of("segments", "rf-grid", "lorenz", "kpi-retention",
            "kpi-revenue", "kpi-aov", "kpi-new-customers", "cohorts", "clv", "churn", "due-calendar");

    private static final int TOP = 10;
    private static final int MAX_COHORTS = 36;

    /**
     * A section of the report.
     *
     * @param id the HTML id, a short lower-case word, not null
     * @param title the heading, not null
     * @param svg the chart's markup, not null
     * @param caption the definitions (plain text, escaped when rendered), not null
     * @param extra further markup after the caption (a table), not null, may be empty
     */
    public record Section(String id, String title, String svg, String caption, String extra) {
    }

    private HtmlReport() {
    }

    /**
     * Renders the report.
     *
     * @param data the computed analytics, not null
     * @param extra further sections (service, surveys) appended after the order analytics, not null
     * @return the page, never null
     */
    public static String render(ReportData data, List<Section> extra) {
        List<Section> sections = new ArrayList<>(sections(data));
        sections.addAll(extra);
        return page("crmkit report as of " + data.input().asOf(), overview(data), sections);
    }

    /**
     * Returns the sections of the order analytics, in {@link #SECTIONS} order.
     *
     * @param data the computed analytics, not null
     * @return the sections, never null
     */
    public static List<Section> sections(ReportData data) {
        List<Section> s = new ArrayList<>();
        s.add(segments(data));
        s.add(rfGrid(data));
        s.add(lorenz(data));
        s.addAll(trends(data));
        s.add(cohorts(data));
        s.add(clv(data));
        s.add(churn(data));
        s.add(due(data));
        return s;
    }

    /**
     * Assembles a page from its overview and sections.
     *
     * @param title the page title, not null
     * @param overview the overview's markup, not null
     * @param sections the sections, not null
     * @return the page, never null
     */
    public static String page(String title, String overview, List<Section> sections) {
        StringBuilder p = new StringBuilder(1 << 16);
        p.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src")
                .append(" 'unsafe-inline'\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>").append(Html.escape(title)).append("</title><style>")
                .append("body{font-family:sans-serif;margin:24px auto;max-width:1180px;color:#222;line-height:1.4}")
                .append("h1{font-size:24px}h2{font-size:18px;margin:0 0 8px}")
                .append("section{border-top:1px solid #ddd;padding:16px 0}")
                .append("figure{margin:0}figcaption{font-size:13px;color:#444;max-width:1000px;margin-top:6px}")
                .append("svg{display:block;max-width:100%;height:auto}")
                .append("table{border-collapse:collapse;font-size:13px;margin-top:10px}")
                .append("th,td{border-bottom:1px solid #eee;padding:3px 8px;text-align:left}")
                .append("th.n,td.n{text-align:right}dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px}")
                .append("dt{color:#555}dd{margin:0}nav a{margin-right:10px;font-size:13px}")
                .append("</style></head><body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        p.append("<nav>");
        for (Section s : sections) {
            p.append("<a href=\"#").append(s.id()).append("\">").append(Html.escape(s.title())).append("</a>");
        }
        p.append("</nav>\n").append(overview).append('\n');
        for (Section s : sections) {
            p.append("<section class=\"chart\" id=\"").append(s.id()).append("\"><h2>").append(Html.escape(s.title()))
                    .append("</h2><figure>").append(s.svg()).append("<figcaption>").append(Html.escape(s.caption()))
                    .append("</figcaption></figure>").append(s.extra()).append("</section>\n");
        }
        p.append("<footer><p>Written by crmkit report. Every chart is drawn in this file; it loads nothing.")
                .append(" Customer identifiers that look like contact data and names are masked.</p></footer>\n")
                .append("</body></html>\n");
        return p.toString();
    }

    private static String overview(ReportData data) {
        ReportData.Input in = data.input();
        PurchaseSummaries s = data.summaries();
        String currency = in.currency().getCurrencyCode();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"source", in.source()});
        rows.add(new String[] {"as of", "end of " + in.asOf() + " (" + in.zone().getId() + ")"});
        rows.add(new String[] {"orders counted", Html.count(s.stats().ordersCounted())
                + " (completed orders; net of discounts and refunds)"});
        rows.add(new String[] {"orders after the as-of date (left out)", Html.count(s.stats().excludedAfterAsOf())});
        rows.add(new String[] {"customers with a purchase", Html.count(s.size())});
        rows.add(new String[] {"revenue", currency + " "
                + Html.money(s.totalRevenue().map(m -> m.amount().doubleValue()).orElse(0.0))});
        StringBuilder b = new StringBuilder("<section id=\"overview\"><h2>Overview</h2><dl>");
        for (String[] r : rows) {
            b.append("<dt>").append(Html.escape(r[0])).append("</dt><dd>").append(Html.escape(r[1])).append("</dd>");
        }
        return b.append("</dl></section>").toString();
    }

    private static Section segments(ReportData data) {
        List<SegmentSummary> rows = data.rfm().segments();
        List<String> labels = rows.stream().map(SegmentSummary::segment).toList();
        double[][] v = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            v[0][i] = rows.get(i).customers();
            OptionalDouble share = rows.get(i).revenueShare();
            v[1][i] = share.isPresent() ? share.getAsDouble() : Double.NaN;
        }
        String svg = Svg.horizontalBars("RFM segments: customers and revenue share", labels,
                List.of("customers", "share of revenue"), v, List.of(x -> Html.count(Math.round(x)), Html::percent));
        String caption = "Each customer with a purchase by the as-of date is scored 1 to " + ReportData.BINS
                + " on recency (days since the last order, lower is better), frequency (orders) and monetary value"
                + " (net revenue), by value quantiles (R type 7), and placed in a segment of the eleven-segment map"
                + " by the scores (r, f, m). Bars: customers per segment, and the segment's share of total net revenue."
                + " Scoring: " + data.rfm().result().options().describe();
        List<List<String>> table = new ArrayList<>();
        for (SegmentSummary r : rows) {
            table.add(List.of(r.segment(), Html.count(r.customers()), Html.count(r.orders()), Html.money(r.revenue()),
                    r.revenueShare().isPresent() ? Html.percent(r.revenueShare().getAsDouble()) : ""));
        }
        String extra = Html.table(List.of("segment", "customers", "orders", "revenue", "revenue share"),
                new boolean[] {false, true, true, true, true}, table);
        return new Section("segments", "RFM segments", svg, caption, extra);
    }

    private static Section rfGrid(ReportData data) {
        RfmResult r = data.rfm().result();
        int rb = r.dimension(Dimension.RECENCY).bins();
        int fb = r.dimension(Dimension.FREQUENCY).bins();
        long[][] counts = new long[rb][fb];
        double[][] revenue = new double[rb][fb];
        for (int i = 0; i < r.size(); i++) {
            counts[r.r(i) - 1][r.f(i) - 1]++;
            revenue[r.r(i) - 1][r.f(i) - 1] += r.revenue(i);
        }
        List<String> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        double[][] v = new double[rb][fb];
        String[][] text = new String[rb][fb];
        for (int f = 1; f <= fb; f++) {
            columns.add("F" + f);
        }
        for (int k = 0; k < rb; k++) {
            int score = rb - k;
            rows.add("R" + score);
            for (int f = 0; f < fb; f++) {
                v[k][f] = counts[score - 1][f];
                text[k][f] = Long.toString(counts[score - 1][f]);
            }
        }
        String svg = Svg.heatmap("Recency x frequency grid: customers per cell", rows, columns, v, text,
                "recency score", "frequency score");
        String caption = "Customers per pair of recency score (R5 = the most recent fifth, on top) and frequency score"
                + " (F5 = the most orders). Shading is proportional to the count. Tied values share a score, so a"
                + " dimension may have fewer than " + ReportData.BINS + " scores (R has " + rb + ", F has " + fb + ").";
        return new Section("rf-grid", "Recency x frequency grid", svg, caption, "");
    }

    private static Section lorenz(ReportData data) {
        String title = "Revenue concentration (Lorenz curve)";
        if (!data.lorenz().available()) {
            return unavailable("lorenz", title, data.lorenz().unavailable(),
                    "The Lorenz curve needs positive total revenue.");
        }
        LorenzCurve c = data.lorenz().value();
        String svg = Svg.unitCurve(title, c.points(201), "customers, from the lowest revenue up",
                "share of revenue");
        String caption = String.format(Locale.ROOT, "Customers sorted by net revenue from the lowest up; the curve"
                + " shows the share of revenue of the lowest share of customers (dashed: everyone spends the same)."
                + " Gini = %.3f (0 = equal, 1 = one customer brings everything); the top 20 %% of customers bring"
                + " %s of revenue. %d customers; %d with refunds above purchases count as 0.", c.gini(),
                Html.percent(c.revenueShareOfTop(0.2)), c.customers(), c.flooredCustomers());
        return new Section("lorenz", title, svg, caption, "");
    }

    private static List<Section> trends(ReportData data) {
        String[] ids = {"kpi-retention", "kpi-revenue", "kpi-aov", "kpi-new-customers"};
        String[] titles = {"Retention and churn per month", "Revenue per month", "Average order value per month",
            "New customers per month"};
        if (!data.trends().available()) {
            List<Section> out = new ArrayList<>();
            for (int k = 0; k < ids.length; k++) {
                out.add(unavailable(ids[k], titles[k], data.trends().unavailable(),
                        "Monthly KPIs could not be computed."));
            }
            return out;
        }
        ReportData.Trends t = data.trends().value();
        List<PeriodOrderKpis> p = t.periods();
        int n = p.size();
        List<String> labels = new ArrayList<>();
        double[] retention = new double[n];
        double[] churn = new double[n];
        double[] revenue = new double[n];
        double[] aov = new double[n];
        double[] newCustomers = new double[n];
        for (int i = 0; i < n; i++) {
            PeriodOrderKpis k = p.get(i);
            boolean partial = i == 0 && t.firstIncomplete() || i == n - 1 && t.lastIncomplete();
            labels.add(k.label() + (partial ? "*" : ""));
            retention[i] = nan(k.retentionRate());
            churn[i] = nan(k.churnRate());
            revenue[i] = k.revenue().amount().doubleValue();
            aov[i] = k.averageOrderValue().map(m -> m.amount().doubleValue()).orElse(Double.NaN);
            newCustomers[i] = k.newCustomers();
        }
        String partial = (t.firstIncomplete() || t.lastIncomplete()) ? " Months marked * are only partly observed ("
                + (t.firstIncomplete() ? "the first starts before the first order" : "")
                + (t.firstIncomplete() && t.lastIncomplete() ? "; " : "")
                + (t.lastIncomplete() ? "the last ends after the as-of date" : "")
                + "): their counts and revenue are not comparable with full months." : "";
        String currency = data.input().currency().getCurrencyCode();
        String base = "Calendar months in " + data.input().zone().getId() + ", from the month of the first order to the"
                + " month of the as-of date; completed orders, net revenue. ";
        List<Section> out = new ArrayList<>();
        out.add(new Section(ids[0], titles[0], Svg.lines(titles[0], labels, List.of("retention rate", "churn rate"),
                new double[][] {retention, churn}, Html::percent), base + "A customer is active at an instant when"
                + " they bought in the " + ReportData.ACTIVE_WINDOW_DAYS + " days before it; retention = customers"
                + " active at the start and at the end of the month / active at the start; churn = 1 - retention;"
                + " a month without customers active at its start has no rate (a gap)." + partial, ""));
        out.add(new Section(ids[1], titles[1], Svg.lines(titles[1], labels, List.of("revenue (" + currency + ")"),
                new double[][] {revenue}, Html::money), base + "Revenue = sum of the net value of the month's"
                + " completed orders, in " + currency + "." + partial, ""));
        out.add(new Section(ids[2], titles[2], Svg.lines(titles[2], labels, List.of("average order value ("
                + currency + ")"), new double[][] {aov}, Html::money), base + "Average order value = the month's"
                + " revenue / its completed orders; a month without orders has none (a gap)." + partial, ""));
        out.add(new Section(ids[3], titles[3], Svg.lines(titles[3], labels, List.of("new customers"),
                new double[][] {newCustomers}, x -> Html.count(Math.round(x))), base + "New customers = customers"
                + " whose first completed order is in the month." + partial, ""));
        return out;
    }

    private static Section cohorts(ReportData data) {
        String title = "Cohort retention";
        if (!data.trends().available()) {
            return unavailable("cohorts", title, data.trends().unavailable(),
                    "The cohort matrix could not be computed.");
        }
        CohortMatrix m = data.trends().value().cohorts();
        int first = Math.max(0, m.cohorts() - MAX_COHORTS);
        int width = 0;
        for (int c = first; c < m.cohorts(); c++) {
            width = Math.max(width, m.columns(c));
        }
        if (m.cohorts() == 0 || width == 0) {
            return new Section("cohorts", title, Svg.message(title, "no cohort: no customer's first order falls in"
                    + " the months reported"), "Cohorts are the months of customers' first orders.", "");
        }
        List<String> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < width; k++) {
            columns.add(Integer.toString(k));
        }
        double[][] v = new double[m.cohorts() - first][width];
        String[][] text = new String[v.length][width];
        for (int c = first; c < m.cohorts(); c++) {
            int r = c - first;
            rows.add(m.label(c) + " (" + m.size(c) + ")");
            Arrays.fill(v[r], Double.NaN);
            for (int k = 0; k < m.columns(c); k++) {
                OptionalDouble rate = m.rate(c, k);
                if (rate.isPresent()) {
                    v[r][k] = k == 0 ? 0 : rate.getAsDouble();
                    text[r][k] = String.format(Locale.ROOT, "%.0f", 100 * rate.getAsDouble());
                }
            }
        }
        String svg = Svg.heatmap("Cohort retention: share of each cohort buying k months after acquisition", rows,
                columns, v, text, "cohort (size)", "months since the first order");
        String caption = "Rows: customers grouped by the month of their first completed order (size in brackets)."
                + " Cell k: the percentage of the cohort who bought in the k-th month after it (column 0 is the"
                + " acquisition month, always 100, left unshaded so the later months' shading is readable); cells"
                + " after the as-of month are empty." + (first > 0 ? " The last " + MAX_COHORTS + " cohorts are shown."
                : "");
        return new Section("cohorts", title, svg, caption, "");
    }

    /** What one purchase is, in words: "purchase days" or "purchases". */
    static String purchases(ReportData data) {
        return data.input().purchaseUnit() == PurchaseUnit.DAY ? "purchase days" : "purchases";
    }

    private static Section clv(ReportData data) {
        String title = "Customer lifetime value";
        if (!data.values().available()) {
            return unavailable("clv", title, data.values().unavailable(),
                    "BG/NBD and Gamma-Gamma are fitted to the customers' " + purchases(data) + ".");
        }
        ReportData.Values values = data.values().value();
        List<CustomerValue> all = values.values();
        double[] clv = all.stream().mapToDouble(v -> v.clv().orElse(0)).toArray();
        Bins bins = Bins.upTo(clv, quantile(clv, 0.99), 12, HtmlReport::compact);
        String currency = data.input().currency().getCurrencyCode();
        String svg = Svg.histogram("Distribution of customer lifetime value", bins.labels, bins.counts,
                "CLV over " + ReportData.CLV_HORIZON + " (" + currency + ")");
        double total = Arrays.stream(clv).sum();
        String caption = "CLV = expected net revenue over the next " + ReportData.CLV_HORIZON + " (52 weeks) after the"
                + " as-of date, undiscounted, margin 1: " + values.model().name() + " expected transactions times"
                + " Gamma-Gamma expected spend per transaction, both fitted to every customer's " + purchases(data)
                + (data.input().purchaseUnit() == PurchaseUnit.DAY
                        ? " (all of a customer's orders on one day are one transaction)"
                        : " (every counted order is one transaction)") + ". Bins of equal width up to the 99th"
                + " percentile; the last bin holds the rest. Total expected: " + currency + " " + Html.money(total)
                + "; customers: " + Html.count(all.size()) + ".";
        List<CustomerValue> top = all.stream().sorted(Comparator.comparingDouble((CustomerValue v) -> -v.clv().orElse(0))
                .thenComparing(v -> v.customerId().value())).limit(TOP).toList();
        List<List<String>> rows = new ArrayList<>();
        for (CustomerValue v : top) {
            rows.add(List.of(shown(v.customerId()), name(data, v.customerId()), Integer.toString(v.x()),
                    String.format(Locale.ROOT, "%.3f", v.probabilityAlive()),
                    String.format(Locale.ROOT, "%.2f", v.expectedTransactions()), Html.money(v.clv().orElse(0))));
        }
        String extra = "<h3>Top " + top.size() + " customers by CLV</h3>" + Html.table(List.of("customer", "name",
                "repeat " + purchases(data), "P(alive)", "expected transactions", "CLV (" + currency + ")"),
                new boolean[] {false, false, true, true, true, true}, rows);
        return new Section("clv", title, svg, caption, extra);
    }

    private static Section churn(ReportData data) {
        String title = "Churn probability";
        if (!data.churn().available()) {
            return unavailable("churn", title, data.churn().unavailable(),
                    "The churn probability is fitted to the file's own past.");
        }
        ChurnScores scores = data.churn().value();
        List<ChurnScore> all = scores.atLeast(RiskLevel.NONE);
        long[] counts = new long[10];
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            labels.add(String.format(Locale.ROOT, "%d-%d %%", 10 * b, 10 * b + 10));
        }
        for (ChurnScore s : all) {
            counts[Math.min(9, (int) Math.floor(s.probability() * 10))]++;
        }
        String svg = Svg.histogram("Distribution of churn probability", labels, counts,
                "P(no purchase in the next " + ReportData.CHURN_HORIZON_DAYS + " days)");
        String caption = "Churn probability = P(no purchase in the " + ReportData.CHURN_HORIZON_DAYS + " days after the"
                + " as-of date), a logistic model trained on the file's own past (who made no purchase in the "
                + ReportData.CHURN_HORIZON_DAYS + " days after the as-of date minus " + ReportData.CHURN_HORIZON_DAYS
                + " days). Mean probability " + String.format(Locale.ROOT, "%.3f", scores.meanProbability()) + " over "
                + Html.count(scores.assessed()) + " customers. " + scores.definitions();
        List<ChurnScore> atRisk = scores.atLeast(RiskLevel.HIGH).stream()
                .sorted(Comparator.comparing((ChurnScore s) -> s.valueAtRisk().amount()).reversed()
                        .thenComparing(s -> s.customerId().value())).limit(TOP).toList();
        List<List<String>> rows = new ArrayList<>();
        for (ChurnScore s : atRisk) {
            rows.add(List.of(shown(s.customerId()), name(data, s.customerId()),
                    String.format(Locale.ROOT, "%.3f", s.probability()), s.level().label(),
                    Html.money(s.valueAtRisk().amount().doubleValue()), s.reasons()));
        }
        String extra = "<h3>Top " + atRisk.size() + " customers at high risk, by value at risk</h3>"
                + Html.table(List.of("customer", "name", "churn probability", "level", "value at risk (" + data.input()
                        .currency().getCurrencyCode() + ")", "reasons"),
                new boolean[] {false, false, true, false, true, false}, rows);
        return new Section("churn", title, svg, caption, extra);
    }

    private static Section due(ReportData data) {
        String title = "Next-purchase due calendar";
        if (!data.due().available()) {
            return unavailable("due-calendar", title, data.due().unavailable(),
                    "Next purchases are forecast from each repeat customer's gaps.");
        }
        ReportData.Due due = data.due().value();
        LocalDate from = due.from();
        LocalDate to = from.plusDays(ReportData.DUE_DAYS - 1);
        LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weeks = (int) (ChronoUnit.DAYS.between(monday, to) / 7) + 1;
        double[][] v = new double[weeks][7];
        String[][] text = new String[weeks][7];
        for (double[] row : v) {
            Arrays.fill(row, Double.NaN);
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            int k = (int) ChronoUnit.DAYS.between(monday, d);
            v[k / 7][k % 7] = 0;
            text[k / 7][k % 7] = d.getDayOfMonth() + ": 0";
        }
        for (PurchaseForecast f : due.due()) {
            int k = (int) ChronoUnit.DAYS.between(monday, f.expectedDate());
            v[k / 7][k % 7]++;
            text[k / 7][k % 7] = f.expectedDate().getDayOfMonth() + ": " + Math.round(v[k / 7][k % 7]);
        }
        List<String> rows = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            rows.add("week of " + monday.plusWeeks(w));
        }
        List<String> days = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        String svg = Svg.heatmap("Customers expected to buy again, per day", rows, days, v, text, "week", "day");
        String caption = "Each cell: day of month: the number of repeat customers whose next purchase is expected that"
                + " day, " + from + " to " + to + " (the " + ReportData.DUE_DAYS + " days after the as-of date). "
                + due.report().options().describe() + ". " + Html.count(due.due().size()) + " of "
                + Html.count(due.report().forecasts().size()) + " repeat customers forecast are due in the window."
                + " Counts only: consent to contact is not checked here (crmkit due --customers checks it).";
        return new Section("due-calendar", title, svg, caption, "");
    }

    /** A section whose analytic could not be computed: a panel, and the whole reason in the caption. */
    private static Section unavailable(String id, String title, String reason, String what) {
        return new Section(id, title, Svg.message(title, "not available: " + reason), what + " Not available: "
                + reason, "");
    }

    /** A bin edge: whole numbers without decimals, else up to two. */
    static String compact(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String shown(CustomerId id) {
        return Pii.identifier(id.value());
    }

    private static String name(ReportData data, CustomerId id) {
        return data.input().names().getOrDefault(id, "");
    }

    private static double nan(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }

    /** The {@code q} quantile of the values (nearest rank), 0 for none. */
    static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least {@code x > 0}. */
    static double nice(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= x * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /**
     * Equal-width bins of a nice width (1, 2, 2.5 or 5 times a power of ten) from 0 up to a cap, and
     * one bin for the values above it.
     */
    static final class Bins {
        final List<String> labels = new ArrayList<>();
        final long[] counts;

        private Bins(int n) {
            counts = new long[n];
        }

        static Bins upTo(double[] values, double cap, int bins, DoubleFunction<String> format) {
            if (!(cap > 0)) {
                Bins b = new Bins(1);
                b.labels.add("all " + format.apply(cap));
                b.counts[0] = values.length;
                return b;
            }
            double width = nice(cap / bins);
            bins = (int) Math.ceil(cap / width);
            cap = bins * width;
            Bins b = new Bins(bins + 1);
            for (int k = 0; k < bins; k++) {
                b.labels.add(format.apply(k * width));
            }
            b.labels.add("> " + format.apply(cap));
            for (double v : values) {
                int k = v > cap ? bins : Math.min(bins - 1, (int) Math.floor(Math.max(0, v) / width));
                b.counts[k]++;
            }
            return b;
        }
    }
}
