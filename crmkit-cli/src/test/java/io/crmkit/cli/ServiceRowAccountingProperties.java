package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Nothing is lost in the service and survey files: every row is used (counted in exactly one
 * period) or reported with its physical line, as for the order files.
 */
class ServiceRowAccountingProperties {

    enum Defect { NONE, BAD_DATE, BAD_CHOICE, BAD_NUMBER, EMPTY_CUSTOMER, FIELD_COUNT, DUPLICATE_ID, BROKEN_QUOTE,
        QUOTED_CHANNEL }

    record Row(int day, int value, Defect defect) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Defect> defects = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Defect.NONE)),
                Tuple.of(3, Arbitraries.of(Defect.class)));
        return Combinators.combine(Arbitraries.integers().between(0, 80), Arbitraries.integers().between(0, 10),
                defects).as(Row::new).list().ofMaxSize(30);
    }

    @Property(tries = 40)
    void everySurveyRowIsCountedOnceOrReported(@ForAll("rows") List<Row> rows) throws IOException {
        Path dir = Files.createTempDirectory("survey-rows");
        StringBuilder csv = new StringBuilder("response_id,customer_id,responded_at,scale,score,channel\n");
        List<Integer> rejected = new ArrayList<>();
        boolean r0Taken = false;
        int used = 0;
        int line = 2;
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            String id = r.defect() == Defect.DUPLICATE_ID && k > 0 ? "r0" : "r" + k;
            String day = r.defect() == Defect.BAD_DATE ? "2025-02-30" : java.time.LocalDate.of(2025, 1, 1)
                    .plusDays(r.day()).toString();
            String scale = r.defect() == Defect.BAD_CHOICE ? "stars" : "nps";
            String score = r.defect() == Defect.BAD_NUMBER ? "eleven" : Integer.toString(r.value());
            String customer = r.defect() == Defect.EMPTY_CUSTOMER ? "" : "c" + r.value();
            String channel = r.defect() == Defect.QUOTED_CHANNEL ? "\"e\nmail\"" : r.defect() == Defect.BROKEN_QUOTE
                    ? "e\"mail" : "email";
            if (r.defect() == Defect.FIELD_COUNT) {
                csv.append(id).append(',').append(customer).append('\n');
            } else {
                csv.append(String.join(",", id, customer, day, scale, score, channel)).append('\n');
            }
            boolean duplicate = id.equals("r0") && r0Taken;
            boolean bad = duplicate || r.defect() != Defect.NONE && r.defect() != Defect.DUPLICATE_ID;
            if (id.equals("r0") && !bad) {
                r0Taken = true;
            }
            if (bad) {
                rejected.add(line);
            } else {
                used++;
            }
            line += r.defect() == Defect.QUOTED_CHANNEL ? 2 : 1;
        }
        Path file = Cli.write(dir, "surveys.csv", csv.toString());

        Cli.Run run = Cli.run("surveys", "--responses", file.toString(), "--as-of", "2025-03-31", "--format", "csv");

        assertThat(run.rejectedLineNumbers()).as(run.toString()).containsExactlyElementsOf(rejected);
        if (used == 0) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("no response given by the end of --as-of 2025-03-31");
            return;
        }
        assertThat(run.exitCode()).as(run.toString()).isZero();
        int counted = run.outLines().stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",", -1)[1])).sum();
        assertThat(counted).isEqualTo(used);
        assertThat(run.lastErrLine()).isEqualTo("crmkit surveys: " + rejected.size() + " of " + rows.size()
                + " rows rejected");
    }

    @Property(tries = 40)
    void everyCaseRowIsCountedOnceOrReported(@ForAll("rows") List<Row> rows) throws IOException {
        Path dir = Files.createTempDirectory("case-rows");
        StringBuilder csv = new StringBuilder("case_id,customer_id,type,status,opened_at,resolved_at,channel,"
                + "first_response_target_hours\n");
        List<Integer> rejected = new ArrayList<>();
        boolean k0Taken = false;
        int used = 0;
        int line = 2;
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            String id = r.defect() == Defect.DUPLICATE_ID && k > 0 ? "k0" : "k" + k;
            java.time.LocalDate opened = java.time.LocalDate.of(2025, 1, 1).plusDays(r.day());
            String openedText = r.defect() == Defect.BAD_DATE ? "2025-02-30" : opened.toString();
            String type = r.defect() == Defect.BAD_CHOICE ? "rant" : "complaint";
            boolean resolved = r.value() % 2 == 0;
            String target = r.defect() == Defect.BAD_NUMBER ? "soon" : Integer.toString(r.value() + 1);
            String customer = r.defect() == Defect.EMPTY_CUSTOMER ? "" : "c" + r.value();
            String channel = r.defect() == Defect.QUOTED_CHANNEL ? "\"ph\none\"" : r.defect() == Defect.BROKEN_QUOTE
                    ? "ph\"one" : "phone";
            if (r.defect() == Defect.FIELD_COUNT) {
                csv.append(id).append(',').append(customer).append('\n');
            } else {
                csv.append(String.join(",", id, customer, type, resolved ? "resolved" : "open", openedText,
                        resolved ? opened.plusDays(2).toString() : "", channel, target)).append('\n');
            }
            boolean duplicate = id.equals("k0") && k0Taken;
            // a quoted channel spanning lines is "ph\none": not a channel name, so rejected too
            boolean bad = duplicate || r.defect() != Defect.NONE && r.defect() != Defect.DUPLICATE_ID;
            if (id.equals("k0") && !bad) {
                k0Taken = true;
            }
            if (bad) {
                rejected.add(line);
            } else {
                used++;
            }
            line += r.defect() == Defect.QUOTED_CHANNEL ? 2 : 1;
        }
        Path file = Cli.write(dir, "cases.csv", csv.toString());

        Cli.Run run = Cli.run("service", "--cases", file.toString(), "--as-of", "2025-03-31", "--format", "csv");

        assertThat(run.rejectedLineNumbers()).as(run.toString()).containsExactlyElementsOf(rejected);
        if (used == 0) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("no case opened by the end of --as-of 2025-03-31");
            return;
        }
        assertThat(run.exitCode()).as(run.toString()).isZero();
        int counted = run.outLines().stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",", -1)[1])).sum();
        assertThat(counted).isEqualTo(used);
        assertThat(run.lastErrLine()).isEqualTo("crmkit service: " + rejected.size() + " of " + rows.size()
                + " rows rejected");
    }
}
