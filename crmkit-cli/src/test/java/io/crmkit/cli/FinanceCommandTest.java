package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinanceCommandTest {

    @TempDir
    Path dir;

    @Test
    void irrPrintsTheRateAndItsConvention() {
        Cli.Run run = Cli.run("finance", "irr", "-70000", "12000", "15000", "18000", "21000", "26000", "--format", "csv",
                "--precision", "full");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).hasSize(2).first().isEqualTo("rate");
        assertThat(Double.parseDouble(run.outLines().get(1))).isCloseTo(0.08663094803653162,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(run.err()).contains("sign_changes: 1").contains("result: one rate").contains("none guessed");
    }

    @Test
    void irrListsEveryRootWhenTheFlowsChangeSignTwice() {
        // numpy-financial issue 44: the old answer was -0.99979 only
        Cli.Run run = Cli.run("finance", "irr", "--format", "csv", "--", "-1678.87", "771.96", "1814.05", "3520.3",
                "3552.95", "3584.99", "4789.91", "-1");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).hasSize(3);
        assertThat(Double.parseDouble(run.outLines().get(1))).isCloseTo(-0.99979126, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(Double.parseDouble(run.outLines().get(2))).isCloseTo(1.00426985, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(run.err()).contains("2 rates: choose one");
    }

    @Test
    void noRateIsAFailedComputationWithTheReason() {
        Cli.Run run = Cli.run("finance", "irr", "1", "2", "3");
        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.lastErrLine()).contains("do not change sign");
    }

    @Test
    void npvNamesItsConvention() throws IOException {
        Cli.Run excel = Cli.run("finance", "npv", "--rate", "0.1", "--convention", "excel", "--format", "json", "--",
                "-10000", "3000", "4200", "6800");
        JsonNode doc = new ObjectMapper().readTree(excel.out());
        assertThat(doc.at("/rows/0/npv").asDouble()).isCloseTo(1188.44, org.assertj.core.data.Offset.offset(0.005));
        assertThat(doc.at("/definitions/convention").asText()).startsWith("excel");
        Cli.Run t0 = Cli.run("finance", "npv", "--rate", "0.05", "--format", "csv", "--", "-15000", "1500", "2500",
                "3500", "4500", "6000");
        assertThat(Double.parseDouble(t0.outLines().get(1))).isCloseTo(122.89, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void xirrReadsADatedCsvAndFailsOnABadLine() throws IOException {
        Path good = Cli.write(dir, "flows.csv", "date,amount\n2008-01-01,-10000\n2008-03-01,2750\n2008-10-30,4250\n"
                + "2009-02-15,3250\n2009-04-01,2750\n");
        Cli.Run run = Cli.run("finance", "xirr", "--input", good.toString(), "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Double.parseDouble(run.outLines().get(1))).isCloseTo(0.373362535, org.assertj.core.data.Offset.offset(1e-8));
        Path bad = Cli.write(dir, "bad.csv", "date,amount\n2008-01-01,-10000\n2008-03-01,twelve\n");
        Cli.Run failed = Cli.run("finance", "xirr", "--input", bad.toString());
        assertThat(failed.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(failed.out()).isEmpty();
        assertThat(failed.lastErrLine()).contains("line 3").contains("twelve");
    }

    @Test
    void paybackSimpleAndDiscounted() {
        Cli.Run run = Cli.run("finance", "payback", "--discount-rate", "0.1", "--format", "csv", "--precision", "full", "--",
                "-100", "30", "30",
                "30", "30", "30");
        // (the CSV writer quotes long names; both forms are valid CSV)
        assertThat(run.outLines().get(0).replace("\"", "")).isEqualTo("payback_periods,discounted_payback_periods");
        String[] cells = run.outLines().get(1).split(",");
        assertThat(Double.parseDouble(cells[0])).isCloseTo(3 + 10 / 30.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Double.parseDouble(cells[1])).isGreaterThan(4).isLessThan(5);
        Cli.Run never = Cli.run("finance", "payback", "--format", "csv", "--", "-100", "30");
        assertThat(never.outLines()).containsExactly("payback_periods", "");
    }

    @Test
    void mirrAndUsageErrors() {
        Cli.Run run = Cli.run("finance", "mirr", "--finance-rate", "0.1", "--reinvest-rate", "0.12", "--format", "csv",
                "--", "-120000", "39000", "30000", "21000", "37000", "46000");
        assertThat(Double.parseDouble(run.outLines().get(1))).isCloseTo(0.126094130366, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(Cli.run("finance", "npv", "1", "2").exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(Cli.run("finance").exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
    }
}
