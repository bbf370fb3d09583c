/**
 * Output of the {@code crmkit} tool: the {@linkplain io.crmkit.cli.output.OutputFormat
 * formats} (table, CSV, JSON, xlsx workbooks), results read cell by cell
 * ({@link io.crmkit.cli.output.ResultRows}) and the
 * {@linkplain io.crmkit.cli.output.Definitions definitions} printed with every result.
 * {@link io.crmkit.cli.output.ResultWriter} applies the tool's conventions: on stdout only
 * the result; definitions, warnings and diagnostics on stderr (inside the document for JSON and
 * xlsx).
 */
package io.crmkit.cli.output;
