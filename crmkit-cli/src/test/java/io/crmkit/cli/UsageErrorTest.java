package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A usage error is one line naming the problem, suggestions when there are any, and a hint; not the help. */
class UsageErrorTest {

    @Test
    void aMissingOptionIsOneLineAndAHint() {
        Cli.Run run = Cli.run("rfm", "--input", "orders.csv");

        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("crmkit rfm: Missing required option: '--as-of=DATE|DATE-TIME'",
                "Try 'crmkit rfm --help' for the options.");
    }

    @Test
    void aMistypedOptionOrCommandGetsSuggestions() {
        Cli.Run option = Cli.run("kpi", "--inptu", "orders.csv");
        Cli.Run command = Cli.run("rfmm");

        assertThat(option.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(option.errLines()).hasSizeLessThanOrEqualTo(3).first().asString()
                .startsWith("crmkit kpi: Unknown option");
        assertThat(option.err()).contains("--input", "Try 'crmkit kpi --help' for the options.")
                .doesNotContain("Usage:");
        assertThat(command.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(command.err()).contains("crmkit rfm", "Try 'crmkit --help' for the options.")
                .doesNotContain("Usage:");
    }

    @Test
    void generateCompletionPrintsABashCompletionScriptOfEveryCommand() {
        Cli.Run run = Cli.run("generate-completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F", "report", "service",
                "surveys", "churn-risk");
    }

    @Test
    void helpStillPrintsTheWholeHelpOnStdout() {
        Cli.Run run = Cli.run("report", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: crmkit report", "--as-of=DATE", "--output=FILE", "--cases=FILE");
    }
}
