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

    @Test
    void aCommandNamedFirstHelpsAsTheWholeToolDoes() {
        // `crmkit rfm ...` builds only rfm's model, `crmkit help rfm` and a global option first build
        // all of them: the same help, options and errors either way
        Cli.Run alone = Cli.run("rfm", "--help");
        Cli.Run viaHelp = Cli.run("help", "rfm");
        assertThat(alone.exitCode()).isZero();
        assertThat(viaHelp.out()).isEqualTo(alone.out());
        Cli.Run globalFirst = Cli.run("--precision", "full", "rfm", "--help");
        assertThat(globalFirst.out()).isEqualTo(alone.out());
        Cli.Run typo = Cli.run("rfmm");
        assertThat(typo.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(typo.err()).contains("Did you mean: crmkit rfm");
        Cli.Run none = Cli.run();
        assertThat(none.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(none.err()).contains("Missing subcommand").contains("rfm").contains("surveys");
        Cli.Run badOption = Cli.run("kpi", "--no-such-option");
        assertThat(badOption.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(badOption.err()).startsWith("crmkit kpi: Unknown option: '--no-such-option'");
    }
}
