package io.crmkit.cli.report;

import java.util.List;
import java.util.Locale;

/**
 * The charts of the HTML report, drawn as inline SVG text by our own code: grouped horizontal
 * bars, a heatmap, line charts over categories, a curve on the unit square and a histogram. No
 * script, no font or image is referenced: a chart is plain markup that any browser renders
 * offline. Every chart has fixed {@code width} and {@code height} attributes (in CSS pixels), a
 * {@code viewBox} of the same size, {@code role="img"} and a {@code <title>}; values that are
 * missing ({@code NaN}) are left out (a gap in a line, an empty heatmap cell), never drawn as zero.
 *
 * <p>Text is escaped ({@link Html#escape}). Stateless and thread-safe.
 */
public final class Svg {

    /** The colours of the series, in order (colour-blind-safe Okabe-Ito hues). */
    static final List<String> COLOURS = List.of("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00");

    private static final int FONT = 12;

    private Svg() {
    }

    /**
     * Grouped horizontal bars: one group per label, one bar per series, with the value written at
     * the bar's end.
     *
     * @param title the accessible title, not null
     * @param labels the group labels, not null
     * @param seriesNames the series' names (the legend), not null
     * @param values {@code values[s][g]}: series {@code s}, group {@code g}, not negative; NaN = missing
     * @param formats how each series' values are written, not null
     * @return the SVG markup, never null
     */
    public static String horizontalBars(String title, List<String> labels, List<String> seriesNames,
            double[][] values, List<java.util.function.DoubleFunction<String>> formats) {
        int series = seriesNames.size();
        int labelWidth = 8 + 7 * labels.stream().mapToInt(String::length).max().orElse(4);
        int barWidth = 320;
        int bar = 12;
        int group = series * bar + 8;
        int width = labelWidth + series * (barWidth + 70) + 10;
        int top = 24;
        int height = top + labels.size() * group + 10;
        StringBuilder s = open(title, width, height);
        legend(s, seriesNames, labelWidth, 14);
        for (int k = 0; k < series; k++) {
            double max = max(values[k]);
            int x0 = labelWidth + k * (barWidth + 70);
            for (int g = 0; g < labels.size(); g++) {
                double v = values[k][g];
                int y = top + g * group + k * bar;
                if (k == 0) {
                    text(s, labelWidth - 6, top + g * group + series * bar / 2 + 4, "end", labels.get(g));
                }
                if (Double.isNaN(v)) {
                    continue;
                }
                double w = max > 0 ? barWidth * v / max : 0;
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s</title></rect>", x0, y, Math.max(w, 0.5), bar - 2, COLOURS.get(k % COLOURS.size()),
                        Html.escape(labels.get(g) + ": " + formats.get(k).apply(v))));
                text(s, (int) Math.round(x0 + w + 4), y + bar - 3, "start", formats.get(k).apply(v));
            }
        }
        return close(s);
    }

    /**
     * A heatmap: rows by columns of cells shaded by value (white for 0 to dark blue for the
     * maximum), each cell optionally labelled.
     *
     * @param title the accessible title, not null
     * @param rowLabels the row labels, not null
     * @param columnLabels the column labels, not null
     * @param values {@code values[row][column]}, NaN for an empty cell, not null
     * @param cellText the text written in each cell (null for none), not null
     * @param rowAxis the caption of the rows, not null
     * @param columnAxis the caption of the columns, not null
     * @return the SVG markup, never null
     */
    public static String heatmap(String title, List<String> rowLabels, List<String> columnLabels, double[][] values,
            String[][] cellText, String rowAxis, String columnAxis) {
        int labelWidth = 16 + 7 * Math.max(rowAxis.length() > 12 ? 4 : 0,
                rowLabels.stream().mapToInt(String::length).max().orElse(2));
        int cell = Math.max(22, Math.min(52, 900 / Math.max(1, columnLabels.size())));
        int cellHeight = rowLabels.size() > 20 ? 16 : 24;
        int top = 50;
        int width = Math.max(labelWidth + columnLabels.size() * cell, 24 + 7 * (rowAxis.length() + columnAxis.length()))
                + 10;
        int height = top + rowLabels.size() * cellHeight + 10;
        double max = 0;
        for (double[] row : values) {
            max = Math.max(max, max(row));
        }
        StringBuilder s = open(title, width, height);
        text(s, 2, 12, "start", "rows: " + rowAxis + " \u2193, columns: " + columnAxis + " \u2192");
        for (int c = 0; c < columnLabels.size(); c++) {
            text(s, labelWidth + c * cell + cell / 2, top - 6, "middle", columnLabels.get(c));
        }
        for (int r = 0; r < rowLabels.size(); r++) {
            int y = top + r * cellHeight;
            text(s, labelWidth - 6, y + cellHeight / 2 + 4, "end", rowLabels.get(r));
            for (int c = 0; c < columnLabels.size(); c++) {
                double v = values[r][c];
                if (Double.isNaN(v)) {
                    continue;
                }
                double t = max > 0 ? v / max : 0;
                int x = labelWidth + c * cell;
                String label = cellText[r][c];
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s</title></rect>", x, y, cell - 1, cellHeight - 1, shade(t),
                        Html.escape(rowLabels.get(r) + " / " + columnLabels.get(c) + ": "
                                + (label == null ? number(v) : label))));
                if (label != null && cellHeight >= 16) {
                    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"%d\""
                            + " fill=\"%s\">%s</text>", x + cell / 2, y + cellHeight / 2 + 4, cellHeight > 16 ? 10 : 8,
                            t > 0.55 ? "#fff" : "#222", Html.escape(label)));
                }
            }
        }
        return close(s);
    }

    /**
     * Line charts over categories (periods, say), one line per series on one shared y axis; a
     * missing value breaks the line.
     *
     * @param title the accessible title, not null
     * @param categories the x labels, not null
     * @param seriesNames the series' names (the legend), not null
     * @param values {@code values[s][i]}, NaN for missing, not null
     * @param format how y values are written on the axis, not null
     * @return the SVG markup, never null
     */
    public static String lines(String title, List<String> categories, List<String> seriesNames, double[][] values,
            java.util.function.DoubleFunction<String> format) {
        int left = 70;
        int top = 26;
        int plotWidth = 620;
        int plotHeight = 170;
        int width = left + plotWidth + 20;
        int height = top + plotHeight + 40;
        double lo = 0;
        double hi = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double step = HtmlReport.nice((hi - lo) / 4);
        lo = Math.floor(lo / step) * step;
        hi = Math.ceil(hi / step - 1e-9) * step;
        StringBuilder s = open(title, width, height);
        legend(s, seriesNames, left, 14);
        axes(s, left, top, plotWidth, plotHeight, lo, hi, (int) Math.round((hi - lo) / step), format);
        int n = categories.size();
        int every = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int i = 0; i < n; i += every) {
            text(s, (int) Math.round(left + xAt(i, n, plotWidth)), top + plotHeight + 16, "middle", categories.get(i));
        }
        for (int k = 0; k < values.length; k++) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < n; i++) {
                double v = values[k][i];
                if (Double.isNaN(v)) {
                    pen = false;
                    continue;
                }
                double x = left + xAt(i, n, plotWidth);
                double y = top + plotHeight * (1 - (v - lo) / (hi - lo));
                path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", pen ? "L" : "M", x, y));
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s"
                        + "</title></circle>", x, y, COLOURS.get(k % COLOURS.size()),
                        Html.escape(seriesNames.get(k) + ", " + categories.get(i) + ": " + format.apply(v))));
                pen = true;
            }
            if (path.length() > 0) {
                s.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"")
                        .append(COLOURS.get(k % COLOURS.size())).append("\" stroke-width=\"2\"/>");
            }
        }
        return close(s);
    }

    /**
     * A curve on the unit square (the Lorenz curve) with the diagonal of equality.
     *
     * @param title the accessible title, not null
     * @param points {@code [k][0]} x and {@code [k][1]} y, both in [0, 1], not null
     * @param xAxis the caption of x, not null
     * @param yAxis the caption of y, not null
     * @return the SVG markup, never null
     */
    public static String unitCurve(String title, double[][] points, String xAxis, String yAxis) {
        int left = 56;
        int top = 16;
        int size = 320;
        int width = left + size + 20;
        int height = top + size + 44;
        StringBuilder s = open(title, width, height);
        axes(s, left, top, size, size, 0, 1, v -> String.format(Locale.ROOT, "%.0f %%", 100 * v));
        for (int t = 0; t <= 4; t++) {
            text(s, left + size * t / 4, top + size + 16, "middle", (25 * t) + " %");
        }
        text(s, left + size / 2, top + size + 34, "middle", xAxis);
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 12 %d)\">%s</text>", top + size / 2, FONT, top + size / 2, Html.escape(yAxis)));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\""
                + " stroke-dasharray=\"4 3\"/>", left, top + size, left + size, top));
        StringBuilder path = new StringBuilder();
        for (int k = 0; k < points.length; k++) {
            path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", k == 0 ? "M" : "L", left + size * points[k][0],
                    top + size * (1 - points[k][1])));
        }
        s.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"")
                .append(COLOURS.get(0)).append("\" stroke-width=\"2.5\"/>");
        return close(s);
    }

    /**
     * A histogram: vertical bars of counts over labelled bins.
     *
     * @param title the accessible title, not null
     * @param binLabels the bins' labels, not null
     * @param counts the count per bin, not null
     * @param xAxis the caption of the bins, not null
     * @return the SVG markup, never null
     */
    public static String histogram(String title, List<String> binLabels, long[] counts, String xAxis) {
        int left = 60;
        int top = 14;
        int plotHeight = 170;
        int bar = Math.max(24, Math.min(60, 640 / Math.max(1, counts.length)));
        int plotWidth = bar * counts.length;
        int width = left + plotWidth + 20;
        int height = top + plotHeight + 52;
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        StringBuilder s = open(title, width, height);
        double step = Math.max(1, Math.ceil(HtmlReport.nice(max / 4.0)));
        double hi = Math.ceil(max / step - 1e-9) * step;
        axes(s, left, top, plotWidth, plotHeight, 0, hi, (int) Math.round(hi / step), v -> Long.toString(Math.round(v)));
        for (int b = 0; b < counts.length; b++) {
            double h = plotHeight * counts[b] / hi;
            int x = left + b * bar;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
                    + "<title>%s</title></rect>", x + 1, top + plotHeight - h, bar - 2, Math.max(h, 0.5), COLOURS.get(0),
                    Html.escape(binLabels.get(b) + ": " + counts[b])));
            if (counts.length <= 16 || b % 2 == 0) {
                text(s, x + bar / 2, top + plotHeight + 14, "middle", binLabels.get(b));
            }
        }
        text(s, left + plotWidth / 2, top + plotHeight + 36, "middle", xAxis);
        return close(s);
    }

    /**
     * A panel that says why a chart could not be drawn, so that the section still renders.
     *
     * @param title the accessible title, not null
     * @param message the reason, not null
     * @return the SVG markup, never null
     */
    public static String message(String title, String message) {
        int width = 720;
        StringBuilder s = open(title, width, 48);
        s.append("<rect x=\"0.5\" y=\"0.5\" width=\"719\" height=\"47\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
        String shown = message.length() > 110 ? message.substring(0, 107) + "..." : message;
        text(s, 12, 28, "start", shown);
        return close(s);
    }

    private static double xAt(int i, int n, int plotWidth) {
        return n == 1 ? plotWidth / 2.0 : plotWidth * i / (double) (n - 1);
    }

    private static void axes(StringBuilder s, int left, int top, int w, int h, double lo, double hi,
            java.util.function.DoubleFunction<String> format) {
        axes(s, left, top, w, h, lo, hi, 4, format);
    }

    private static void axes(StringBuilder s, int left, int top, int w, int h, double lo, double hi, int ticks,
            java.util.function.DoubleFunction<String> format) {
        for (int t = 0; t <= ticks; t++) {
            double v = lo + (hi - lo) * t / ticks;
            int y = top + h - h * t / ticks;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e5e5e5\"/>",
                    left, y, left + w, y));
            text(s, left - 6, y + 4, "end", format.apply(v));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left, top,
                left, top + h));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left,
                top + h, left + w, top + h));
    }

    private static void legend(StringBuilder s, List<String> names, int x, int y) {
        int at = x;
        for (int k = 0; k < names.size(); k++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", at,
                    y - 9, COLOURS.get(k % COLOURS.size())));
            text(s, at + 14, y, "start", names.get(k));
            at += 30 + 7 * names.get(k).length();
        }
    }

    private static void text(StringBuilder s, int x, int y, String anchor, String text) {
        s.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(FONT)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(Html.escape(text)).append("</text>");
    }

    private static StringBuilder open(String title, int width, int height) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title)).append("\" font-family=\"sans-serif\"><title>").append(Html.escape(title))
                .append("</title>");
        return s;
    }

    private static String close(StringBuilder s) {
        return s.append("</svg>").toString();
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** White (0) to dark blue (1), linearly in RGB. */
    static String shade(double t) {
        double c = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(247 + (8 - 247) * c);
        int g = (int) Math.round(251 + (48 - 251) * c);
        int b = (int) Math.round(255 + (107 - 255) * c);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
