package io.crmkit.cli.report;

import io.crmkit.core.internal.Pii;
import io.crmkit.metrics.clv.CustomerValue;
import io.crmkit.metrics.finance.CostBenefitReport;
import io.crmkit.metrics.finance.RateResult;
import io.crmkit.metrics.kpi.CohortMatrix;
import io.crmkit.metrics.kpi.PeriodOrderKpis;
import io.crmkit.segmentation.lifecycle.ChurnScore;
import io.crmkit.segmentation.lifecycle.ChurnScores;
import io.crmkit.segmentation.lifecycle.RiskLevel;
import io.crmkit.segmentation.segment.SegmentSummary;
import io.crmkit.segmentation.value.LorenzCurve;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The analytics of a {@link ReportData} as short text sections for people, as {@code crmkit demo}
 * prints them: segments, revenue concentration, monthly KPIs, cohorts, lifetime value, churn
 * probability, the due list, and the financial evaluation of an assumed CRM retention programme
 * ({@link CostBenefitReport}) whose assumptions are printed with it. Identifiers that look like
 * contact data are masked. Stateless and thread-safe.
 */
public final class TextSummary {

    /** The assumed programme: outlay as a share of the expected 52-week revenue. */
    static final double OUTLAY_SHARE = 0.05;
    /** The assumed programme: running cost per month as a share of the expected 52-week revenue. */
    static final double MONTHLY_COST_SHARE = 0.005;
    /** The assumed programme: the share of the expected revenue it adds. */
    static final double UPLIFT = 0.15;
    /** The assumed discount rate per month. */
    static final double MONTHLY_RATE = 0.01;

    private static final int TOP = 5;

    private TextSummary() {
    }

    /**
     * Prints every section.
     *
     * @param data the analytics, not null
     * @param out where to print, not null
     */
    public static void print(ReportData data, PrintWriter out) {
        String currency = data.input().currency().getCurrencyCode();
        segments(data, out);
        out.println();
        LorenzCurve lorenz = data.lorenz().value();
        out.println("revenue concentration:");
        if (lorenz == null) {
            out.println("  not available: " + data.lorenz().unavailable());
        } else {
            out.println(String.format(Locale.ROOT, "  Gini %.3f; the top 20 %% of customers bring %s of revenue",
                    lorenz.gini(), Html.percent(lorenz.revenueShareOfTop(0.2))));
        }
        out.println();
        kpis(data, out);
        out.println();
        cohorts(data, out);
        out.println();
        values(data, out, currency);
        out.println();
        churn(data, out, currency);
        out.println();
        out.println("due to buy again in the " + ReportData.DUE_DAYS + " days after the as-of date:");
        if (!data.due().available()) {
            out.println("  not available: " + data.due().unavailable());
        } else {
            ReportData.Due due = data.due().value();
            out.println("  " + due.due().size() + " of " + due.report().forecasts().size() + " repeat customers"
                    + " (expected day from " + due.from() + "); consent not checked: counts only");
        }
        out.println();
        finance(data, out, currency);
    }

    private static void segments(ReportData data, PrintWriter out) {
        out.println("RFM segments (5 quantile bins per dimension, the eleven-segment map):");
        out.println(String.format(Locale.ROOT, "  %-20s %9s %14s", "segment", "customers", "revenue share"));
        for (SegmentSummary s : data.rfm().segments()) {
            OptionalDouble share = s.revenueShare();
            out.println(String.format(Locale.ROOT, "  %-20s %9d %14s", s.segment(), s.customers(),
                    share.isPresent() ? Html.percent(share.getAsDouble()) : ""));
        }
    }

    private static void kpis(ReportData data, PrintWriter out) {
        out.println("monthly KPIs (active = a purchase in the last " + ReportData.ACTIVE_WINDOW_DAYS + " days;"
                + " * = month only partly observed):");
        if (!data.trends().available()) {
            out.println("  not available: " + data.trends().unavailable());
            return;
        }
        ReportData.Trends t = data.trends().value();
        List<PeriodOrderKpis> p = t.periods();
        out.println(String.format(Locale.ROOT, "  %-9s %7s %12s %7s %10s %10s", "month", "orders", "revenue", "new",
                "retention", "aov"));
        for (int i = 0; i < p.size(); i++) {
            PeriodOrderKpis k = p.get(i);
            boolean partial = i == 0 && t.firstIncomplete() || i == p.size() - 1 && t.lastIncomplete();
            OptionalDouble retention = k.retentionRate();
            out.println(String.format(Locale.ROOT, "  %-9s %7d %12s %7d %10s %10s", k.label() + (partial ? "*" : ""),
                    k.orders(), Html.money(k.revenue().amount().doubleValue()), k.newCustomers(),
                    retention.isPresent() ? Html.percent(retention.getAsDouble()) : "",
                    k.averageOrderValue().map(m -> Html.money(m.amount().doubleValue())).orElse("")));
        }
    }

    private static void cohorts(ReportData data, PrintWriter out) {
        out.println("cohorts (share of each acquisition month's customers buying 1, 2 and 3 months later):");
        if (!data.trends().available()) {
            out.println("  not available: " + data.trends().unavailable());
            return;
        }
        CohortMatrix m = data.trends().value().cohorts();
        for (int c = 0; c < m.cohorts(); c++) {
            if (m.size(c) == 0) {
                continue;
            }
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-9s %6d customers:", m.label(c),
                    m.size(c)));
            for (int k = 1; k <= 3; k++) {
                OptionalDouble r = k < m.columns(c) ? m.rate(c, k) : OptionalDouble.empty();
                b.append(String.format(Locale.ROOT, " %8s", r.isPresent() ? Html.percent(r.getAsDouble()) : "-"));
            }
            out.println(b);
        }
    }

    private static void values(ReportData data, PrintWriter out, String currency) {
        out.println("lifetime value (" + ReportData.CLV_HORIZON + ", undiscounted, BG/NBD and Gamma-Gamma on "
                + HtmlReport.purchases(data) + "):");
        if (!data.values().available()) {
            out.println("  not available: " + data.values().unavailable());
            return;
        }
        List<CustomerValue> v = data.values().value().values();
        double total = v.stream().mapToDouble(c -> c.clv().orElse(0)).sum();
        out.println("  model: " + data.values().value().model().name() + "; expected revenue of all " + v.size()
                + " customers: " + currency + " " + Html.money(total));
        out.println("  top " + TOP + ":");
        v.stream().sorted(Comparator.comparingDouble((CustomerValue c) -> -c.clv().orElse(0))
                .thenComparing(c -> c.customerId().value())).limit(TOP)
                .forEach(c -> out.println(String.format(Locale.ROOT, "    %-12s P(alive) %.3f  CLV %s %s",
                        Pii.identifier(c.customerId().value()), c.probabilityAlive(), currency,
                        Html.money(c.clv().orElse(0)))));
    }

    private static void churn(ReportData data, PrintWriter out, String currency) {
        out.println("churn probability (P(no purchase in " + ReportData.CHURN_HORIZON_DAYS + " days), fitted on the"
                + " data's own past):");
        if (!data.churn().available()) {
            out.println("  not available: " + data.churn().unavailable());
            return;
        }
        ChurnScores scores = data.churn().value();
        StringBuilder levels = new StringBuilder("  customers per level:");
        scores.counts().forEach((l, n) -> levels.append(' ').append(l.label()).append(' ').append(n));
        out.println(levels + String.format(Locale.ROOT, "; mean %.3f", scores.meanProbability()));
        out.println("  most valuable at high risk:");
        scores.atLeast(RiskLevel.HIGH).stream()
                .sorted(Comparator.comparing((ChurnScore s) -> s.valueAtRisk().amount()).reversed()
                        .thenComparing(s -> s.customerId().value())).limit(TOP)
                .forEach(s -> out.println(String.format(Locale.ROOT, "    %-12s p %.3f  value at risk %s %s",
                        Pii.identifier(s.customerId().value()), s.probability(), currency,
                        Html.money(s.valueAtRisk().amount().doubleValue()))));
    }

    /**
     * Prints the evaluation of an assumed retention programme sized on the expected 52-week revenue
     * (the sum of the customers' CLV): an outlay of 5 % of it, a running cost of 0.5 % of it a month
     * for 12 months, and 15 % more of it as benefit, spread evenly over the 12 months, discounted at
     * 1 % a month.
     */
    static void finance(ReportData data, PrintWriter out, String currency) {
        out.println("finance of a CRM retention programme (assumed figures, monthly periods):");
        if (!data.values().available()) {
            out.println("  not available: the programme is sized on the lifetime value, which is not available");
            return;
        }
        double base = data.values().value().values().stream().mapToDouble(c -> c.clv().orElse(0)).sum();
        if (!(base > 0)) {
            out.println("  not available: the expected revenue is zero");
            return;
        }
        double[] costs = new double[13];
        double[] benefits = new double[13];
        costs[0] = OUTLAY_SHARE * base;
        for (int t = 1; t <= 12; t++) {
            costs[t] = MONTHLY_COST_SHARE * base;
            benefits[t] = UPLIFT * base / 12;
        }
        CostBenefitReport r = CostBenefitReport.of(MONTHLY_RATE, costs, benefits);
        out.println(String.format(Locale.ROOT, "  assumptions: outlay %s %s (5 %% of the expected 52-week revenue),"
                + " running cost %s %s a month, benefit %s %s a month (15 %% more of that revenue over 12 months),"
                + " discount rate 1 %% a month", currency, Html.money(costs[0]), currency, Html.money(costs[1]),
                currency, Html.money(benefits[1])));
        String irr = r.irr() instanceof RateResult.Unique u ? String.format(Locale.ROOT, "%.2f %% a month",
                100 * u.rate()) : "not unique (" + r.irr() + ")";
        out.println(String.format(Locale.ROOT, "  NPV %s %s; ROI %s (discounted %s); IRR %s; payback %s", currency,
                Html.money(r.npv()), Html.percent(r.roi()), Html.percent(r.discountedRoi()), irr,
                r.payback().isPresent() ? String.format(Locale.ROOT, "%.1f months", r.payback().getAsDouble())
                        : "none in 12 months"));
    }
}
