/**
 * Developer tools around the examples, such as
 * {@link io.crmkit.cli.tools.GenerateOrdersCsv}, which writes synthetic order files for
 * benchmarks of the {@code crmkit} tool.
 */
package io.crmkit.cli.tools;
