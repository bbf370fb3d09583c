package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.testkit.quality.DuplicateDataGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicatesCommandTest {

    /**
     * Hand-worked: c1/c2 are one person (e-mail in capitals, phone written another way, names swapped);
     * c3 shares c1's family name, phone and street but is another person (household); c4 is a namesake
     * of c1 in the same postal code with other contacts; c5 is a bad row (birth date), c6 repeats c1's identifier.
     */
    private static final String CUSTOMERS = String.join("\n",
            "customer_id,first_name,last_name,email,phone,street,postal_code,birth_date,updated_at,notes",
            "c1,Anna,Rothermel,anna.r@example.com,+1 510 645 3099,1 Oak Street,94701,1980-02-03,2025-01-01,x",
            "c2,Rothemrel,Anna, ANNA.R@EXAMPLE.COM ,(510) 645-3099,,,1980-02-03,2025-06-01,y",
            "c3,Robert,Rothermel,bob@example.org,510.645.3099,1 Oak St.,94701,1978-11-30,,",
            "c4,Anna,Rothermel,other@example.net,+1 212 555 0199,9 Elm Road,94701,1991-07-07,,",
            "c5,Zed,Zulu,z@example.com,,,,1980-13-45,,",
            "c1,Dup,Id,d@example.com,,,,,,",
            "");

    @TempDir
    Path dir;

    private Cli.Run run(String... extra) throws IOException {
        Path file = Cli.write(dir, "customers.csv", CUSTOMERS);
        String[] base = {"duplicates", "--customers", file.toString(), "--default-region", "US"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void printsTheDuplicatePairWithReasonsAndAccountsForEveryRow() throws IOException {
        Cli.Run run = run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> out = run.outLines();
        assertThat(out.get(0)).isEqualTo("left_id,right_id,score,reasons");
        assertThat(out).hasSize(2);
        assertThat(out.get(1)).startsWith("c1,c2,1,").contains("same e-mail a***@example.com")
                .contains("same phone +***3099").contains("first and last name swapped")
                .contains("name r*** ~ r*** 0.98").contains("same birth date ***").contains("no address on one side");
        assertThat(run.out() + run.err()).doesNotContain("rothermel", "Rothermel", "645", "1980", "Zulu", "Oak",
                "94701", "bob@", "other@");
        assertThat(run.rejected()).containsExactly("line 6: birth_date is not an ISO date (yyyy-mm-dd)",
                "line 7: customer_id repeats an earlier row's");
        assertThat(run.err()).contains("columns ignored: 'notes'");
        assertThat(run.lastErrLine()).contains("2 of 6 rows rejected").contains("1 duplicate pairs")
                .contains("2 household pairs").contains("namesake pairs");
    }

    @Test
    void householdsAndNamesakesOnRequest() throws IOException {
        Cli.Run households = run("--pairs", "household");
        assertThat(households.outLines()).hasSize(3);
        assertThat(households.outLines().subList(1, 3)).extracting(l -> l.substring(0, 5))
                .containsExactly("c1,c3", "c2,c3");
        Cli.Run namesakes = run("--pairs", "namesake", "--reveal");
        assertThat(namesakes.outLines()).anySatisfy(l -> assertThat(l).startsWith("c1,c4,")
                .contains("same last name rothermel"));
    }

    @Test
    void clustersWithAProposedMerge() throws IOException {
        Cli.Run run = run("--clusters");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // c2 is more recent and survives; it lacks the street and postal code, taken from c1
        assertThat(run.outLines()).containsExactly("cluster,size,min_score,members,survivor,changes",
                "1,2,1,\"c1 c2\",c2,\"street<-c1; postal_code<-c1\"");
    }

    @Test
    void weightsEstimatedByEmOnRequest() throws IOException {
        List<DuplicateDataGenerator.Row> rows = DuplicateDataGenerator.generate(DuplicateDataGenerator.Options.of(300, 7));
        Path file = Cli.write(dir, "generated.csv", DuplicateDataGenerator.CSV_HEADER + "\n"
                + rows.stream().map(DuplicateDataGenerator.Row::toCsv).collect(Collectors.joining("\n")) + "\n");
        Cli.Run run = Cli.run("duplicates", "--customers", file.toString(), "--default-region", "US",
                "--estimate-weights");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("weights: estimated by EM over").contains("email_exact");
        assertThat(run.outLines().size()).isGreaterThan(10);
    }

    @Test
    void thresholdAndBadOptions() throws IOException {
        assertThat(run("--threshold", "0.5").err()).contains("threshold 0.5000");
        Cli.Run bad = run("--threshold", "1.5");
        assertThat(bad.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(bad.err()).contains("threshold must be in (0, 1): 1.5");
        Cli.Run region = Cli.run("duplicates", "--customers", dir.resolve("customers.csv").toString(),
                "--default-region", "XX");
        assertThat(region.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(region.err()).contains("defaultRegion");
        assertThat(run("--strict").exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
    }

    /** Review finding 2: records with a name and street address only were silently never compared. */
    @Test
    void recordsWithoutEmailPhoneOrPostalCodeAreComparedAndUnkeyedOnesAreCounted() throws IOException {
        Path file = Cli.write(dir, "addresses.csv", String.join("\n",
                "customer_id,first_name,last_name,street,city",
                "a1,Anna,Rothermel,12 Main Street,Berkeley",
                "a2,Anna,Rothermel,12 Main St,Berkeley",
                "a3,Zed,,,",
                ""));
        Cli.Run run = Cli.run("duplicates", "--customers", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(1)).startsWith("a1,a2,");
        assertThat(run.err()).contains("1 records had no blocking key");
        assertThat(run.lastErrLine()).contains("3 records read, 1 of them without a blocking key and not compared")
                .contains("1 candidate pairs scored").doesNotContain("records compared");
    }

    /** Review finding 5: a rejected updated_at was repeated in the reason, unlike a rejected birth_date. */
    @Test
    void aBadUpdatedAtIsRejectedWithoutRepeatingTheValue() throws IOException {
        Path file = Cli.write(dir, "updated.csv", String.join("\n",
                "customer_id,first_name,last_name,updated_at",
                "u1,Anna,Rothermel,born 1980-02-03 in Berkeley",
                "u2,Anna,Rothermel,2025-06-01",
                ""));
        Cli.Run run = Cli.run("duplicates", "--customers", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejected()).containsExactly("line 2: updated_at is neither an ISO date nor an ISO date-time");
        assertThat(run.err()).doesNotContain("Berkeley", "1980");
    }

    @Test
    void generatedFileRoundTripsThroughTheCli() throws IOException {
        List<DuplicateDataGenerator.Row> rows = DuplicateDataGenerator.generate(DuplicateDataGenerator.Options.of(300, 5));
        String csv = DuplicateDataGenerator.CSV_HEADER + "\n"
                + rows.stream().map(DuplicateDataGenerator.Row::toCsv).collect(Collectors.joining("\n")) + "\n";
        Path file = Cli.write(dir, "generated.csv", csv);
        Cli.Run run = Cli.run("duplicates", "--customers", file.toString(), "--default-region", "US");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejected()).isEmpty();
        java.util.Map<String, String> person = new java.util.HashMap<>();
        rows.forEach(r -> person.put(r.id(), r.person()));
        List<String> pairs = run.outLines().subList(1, run.outLines().size());
        assertThat(pairs).isNotEmpty();
        long correct = pairs.stream().filter(l -> {
            String[] f = l.split(",");
            return person.get(f[0]).equals(person.get(f[1]));
        }).count();
        assertThat(correct / (double) pairs.size()).isGreaterThanOrEqualTo(0.95);
    }
}
