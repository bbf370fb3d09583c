package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCommandTest {

    private static final String CUSTOMERS = String.join("\n",
            "customer_id,name,email,phone,birth_date,source,updated_at",
            "1,Anna Smith,Anna@Example.com ,(510) 645-3099,1980-02-03,crm,2025-12-01",
            "2,Bob2 Jones,anna@example.com,12,2030-01-01,crm,2023-01-01T10:00:00Z",
            "3,Carla Diaz,secretperson@nowhere,,,shop,",
            "4,\"broken,quote\"x,a@b.com,,,shop,",
            "");

    @TempDir
    Path dir;

    @Test
    void reportPerFieldAndSourceWithMaskedExamples() throws IOException {
        Path file = Cli.write(dir, "customers.csv", CUSTOMERS);
        Cli.Run run = Cli.run("quality", "--customers", file.toString(), "--default-region", "US", "--format", "csv",
                "--as-of", "2026-01-01");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // review finding 8: personal values appear neither in the report nor on stderr
        assertThat(run.out() + run.err()).doesNotContain("nowhere", "secretperson", "Smith", "Jones", "Diaz",
                "645", "1980-02-03", "broken");
        assertThat(run.outLines().get(0)).isEqualTo(
                "scope,field,records,present,completeness,valid,validity,distinct,uniqueness,invalid,examples");
        assertThat(run.outLines()).contains("all,email,3,3,1,2,0.667,1,0.5,\"the domain after '@' is not a valid"
                + " internet domain name: 1\",\"the domain after '@' is not a valid internet domain name: 3: s***@***\"",
                "all,updated_at,3,2,0.667,1,0.5,,,\"stale: 1\",");
        assertThat(run.outLines()).contains("all,phone,3,2,0.667,1,0.5,1,1,\"too short: 1\",\"too short: 2: ***\"");
        assertThat(run.outLines()).contains("all,name,3,3,1,2,0.667,2,1,\"contains a digit: 1\",\"contains a digit: 2: B***\"");
        assertThat(run.outLines()).anySatisfy(l -> assertThat(l).startsWith("all,birth_date,3,2,").contains("in the future"));
        assertThat(run.outLines()).anySatisfy(l -> assertThat(l).startsWith("source:crm,email,2,2,1,2,1,1,0.5"));
        assertThat(run.outLines()).anySatisfy(l -> assertThat(l).startsWith("source:shop,email,1,1,"));
        assertThat(run.out()).doesNotContain("secretperson", "Bob2", "645");
        assertThat(run.rejected()).containsExactly("line 5: is not well-formed CSV (text after a closing quote,"
                + " a quote inside an unquoted value, or a quote left open)");
        assertThat(run.lastErrLine()).contains("1 of 4 rows rejected");
    }

    @Test
    void missingFileAndMissingIdColumn() throws IOException {
        Cli.Run none = Cli.run("quality", "--customers", dir.resolve("nope.csv").toString());
        assertThat(none.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(none.err()).contains("no such file");
        Path file = Cli.write(dir, "noid.csv", "name,email\nAnna,a@b.com\n");
        Cli.Run noId = Cli.run("quality", "--customers", file.toString());
        assertThat(noId.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(noId.err()).contains("has no customer_id column");
    }
}
