package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every command's help renders (picocli formats descriptions as format strings: a lone '%' breaks
 * the help and the man page; `surveys` had two).
 */
class HelpTest {

    @Test
    void everyCommandPrintsItsHelp() {
        for (String command : CrmkitCli.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), false).getSubcommands().keySet()) {
            if (command.equals("help") || command.equals("generate-completion") || command.equals("gen-manpage")) {
                continue;
            }
            Cli.Run run = Cli.run(command, "--help");
            assertThat(run.exitCode()).as("%s --help: %s", command, run.err()).isZero();
            assertThat(run.out()).as(command).contains("Usage: crmkit " + command);
        }
    }
}
