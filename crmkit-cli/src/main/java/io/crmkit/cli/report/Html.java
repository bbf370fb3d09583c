package io.crmkit.cli.report;

import java.util.List;
import java.util.Locale;

/**
 * The text helpers of the HTML report: escaping for text and attribute values, number formats
 * (money at two decimals with thousands separators, shares as percentages) and small tables.
 * Stateless and thread-safe.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for HTML or SVG text and double-quoted attribute values: {@code & < > " '}, and
     * control characters other than tab, line feed and carriage return, which are dropped.
     *
     * @param text the text, not null
     * @return the escaped text, never null
     */
    public static String escape(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f ? "" : null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    /**
     * Formats an amount of money with two decimals and thousands separators, such as
     * {@code 12,345.60}.
     *
     * @param amount the amount, finite
     * @return the text, never null
     */
    public static String money(double amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    /**
     * Formats a share as a percentage with one decimal, such as {@code 12.5 %}.
     *
     * @param share the share, a fraction
     * @return the text, never null
     */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /**
     * Formats a whole count with thousands separators.
     *
     * @param count the count
     * @return the text, never null
     */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /**
     * Renders a table; cells are escaped, and cells of numeric columns are right-aligned.
     *
     * @param header the column names, not null
     * @param numeric which columns are numeric, as long as the header, not null
     * @param rows the cells, each row as long as the header, not null
     * @return the markup, never null
     */
    public static String table(List<String> header, boolean[] numeric, List<List<String>> rows) {
        StringBuilder s = new StringBuilder("<table><thead><tr>");
        for (int c = 0; c < header.size(); c++) {
            s.append(numeric[c] ? "<th class=\"n\">" : "<th>").append(escape(header.get(c))).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            s.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                s.append(numeric[c] ? "<td class=\"n\">" : "<td>").append(escape(row.get(c))).append("</td>");
            }
            s.append("</tr>");
        }
        return s.append("</tbody></table>").toString();
    }
}
