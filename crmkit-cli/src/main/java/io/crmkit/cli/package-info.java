/**
 * The {@code crmkit} command-line tool: {@link io.crmkit.cli.CrmkitCli} (the top-level
 * command, exit codes and stream set-up) and its subcommands
 * ({@link io.crmkit.cli.SummarizeCommand}, {@link io.crmkit.cli.DemoCommand}),
 * with the foundation new subcommands reuse: {@link io.crmkit.cli.CrmkitCommand} (stdout,
 * stderr, notes, progress), {@link io.crmkit.cli.OrderInputOptions} (reading an order file
 * with the tool's reporting conventions) and {@link io.crmkit.cli.AsOfArgument}.
 */
package io.crmkit.cli;
