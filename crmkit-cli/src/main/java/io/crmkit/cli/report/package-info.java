/**
 * The HTML report of {@code crmkit report} and {@code crmkit demo}: the analytics it shows
 * ({@link io.crmkit.cli.report.ReportData}), their rendering as one self-contained page
 * ({@link io.crmkit.cli.report.HtmlReport}) and the inline SVG charts drawn by our own code
 * ({@link io.crmkit.cli.report.Svg}); see docs/adr/0080-html-report.md.
 */
package io.crmkit.cli.report;
