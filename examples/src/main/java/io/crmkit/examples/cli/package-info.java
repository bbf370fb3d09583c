/**
 * The {@code crmkit} command-line tool: {@link io.crmkit.examples.cli.CrmkitCli} (the top-level
 * command, exit codes and stream set-up) and its subcommands
 * ({@link io.crmkit.examples.cli.SummarizeCommand}, {@link io.crmkit.examples.cli.DemoCommand}),
 * with the foundation new subcommands reuse: {@link io.crmkit.examples.cli.CrmkitCommand} (stdout,
 * stderr, notes, progress), {@link io.crmkit.examples.cli.OrderInputOptions} (reading an order file
 * with the tool's reporting conventions) and {@link io.crmkit.examples.cli.AsOfArgument}.
 */
package io.crmkit.examples.cli;
