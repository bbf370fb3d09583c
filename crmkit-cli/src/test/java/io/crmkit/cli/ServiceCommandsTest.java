package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crmkit service} and {@code crmkit surveys}: hand-worked figures and the readers' bad input. */
class ServiceCommandsTest {

    @TempDir
    Path dir;

    private static final String CASES = "case_id,customer_id,type,status,opened_at,first_response_at,resolved_at,"
            + "closed_at,first_response_target_hours,resolution_target_hours\n"
            // January: responded after 1 h and 8 h (targets 4 h), finished after 6 h and 72 h (targets 24 h)
            + "k1,c1,question,closed,2025-01-02T09:00:00Z,2025-01-02T10:00:00Z,2025-01-02T15:00:00Z,"
            + "2025-01-03T00:00:00Z,4,24\n"
            + "k2,c2,complaint,resolved,2025-01-10T09:00:00Z,2025-01-10T17:00:00Z,2025-01-13T09:00:00Z,,4,24\n"
            // February: k3 never responded (overdue at the as-of date), k4 responded after 1 h of 2 h
            + "k3,c3,problem,open,2025-02-01T09:00:00Z,,,,4,24\n"
            + "k4,c1,complaint,waiting,2025-02-03,2025-02-03T01:00:00Z,,,2,\n";

    @Test
    void aSideFileNamingAKnownColumnTwiceIsRefusedNotGuessed() throws IOException {
        // found by SideFileFuzzTest: the side readers took the first of two 'status' columns silently
        Path cases = Cli.write(dir, "cases.csv", "case_id,customer_id,type,status,opened_at,Status\n"
                + "k1,c1,question,closed,2025-01-02T09:00:00Z,open\n");
        Cli.Run run = Cli.run("service", "--cases", cases.toString(), "--as-of", "2025-02-28");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(run.err()).contains("line 1: the header names column 'status' twice").doesNotContain("Exception");
        Path customers = Cli.write(dir, "customers.csv", "customer_id,email,EMAIL\nc1,a@example.com,b@example.com\n");
        Cli.Run quality = Cli.run("quality", "--customers", customers.toString());
        assertThat(quality.exitCode()).as(quality.toString()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(quality.err()).contains("the header names column 'email' twice")
                .doesNotContain("a@example.com").doesNotContain("Exception");
    }

    @Test
    void serviceKpisOfAHandWorkedFile() throws IOException {
        Path cases = Cli.write(dir, "cases.csv", CASES);

        Cli.Run run = Cli.run("service", "--cases", cases.toString(), "--as-of", "2025-02-28", "--format", "csv");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly("period,opened,complaints,complaint_rate,resolution_rate,"
                + "first_response_p50_hours,first_response_p90_hours,resolution_p50_hours,resolution_p90_hours,"
                + "first_response_sla_met,first_response_sla_breached,first_response_sla_pending,"
                + "first_response_compliance,resolution_sla_met,resolution_sla_breached,resolution_sla_pending,"
                + "resolution_compliance,backlog_at_end",
                // p50 of (1, 8) = 4.5, p90 = 1 + 0.9 x 7 = 7.3; p50 of (6, 72) = 39, p90 = 6 + 0.9 x 66 = 65.4
                "2025-01,2,1,0.5,1,4.5,7.3,39,65.4,1,1,0,0.5,1,1,0,0.5,0",
                "2025-02,2,1,0.5,0,1,1,,,1,1,0,0.5,0,1,0,0,2");
        assertThat(run.err()).contains("backlog_now_by_status: open = 1, waiting = 1", "reopen_rate: not available",
                "crmkit service: 0 of 4 rows rejected");
    }

    @Test
    void surveyKpisOfAHandWorkedFile() throws IOException {
        Path responses = Cli.write(dir, "surveys.csv", "response_id,customer_id,responded_at,scale,score,channel\n"
                + "r1,c1,2025-01-05,nps,10,email\nr2,c2,2025-01-06,NPS,9,\nr3,c3,2025-01-07,nps,3,web\n"
                + "r4,c1,2025-01-08,csat,5,\nr5,c2,2025-01-09,csat,2,\nr6,c3,2025-02-01,ces,6,chat\n");

        Cli.Run run = Cli.run("surveys", "--responses", responses.toString(), "--as-of", "2025-02-28", "--format",
                "csv", "--precision", "full");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // NPS = (2 - 1) / 3 = 33.3; margin = 196 sqrt((2/9 + 2/9 + 4/9) / 3) = 106.7 (p = 2/3, d = 1/3)
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).isEqualTo("period,nps_responses,nps,nps_margin_95,csat_responses,csat_top2,csat_mean,"
                + "ces_responses,ces_mean,other_scales");
        String[] jan = lines.get(1).split(",", -1);
        assertThat(jan[0]).isEqualTo("2025-01");
        assertThat(jan[1]).isEqualTo("3");
        assertThat(Double.parseDouble(jan[2])).isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Double.parseDouble(jan[3])).isCloseTo(196 * Math.sqrt((8.0 / 9) / 3),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(List.of(jan).subList(4, 10)).containsExactly("2", "0.5", "3.5", "0", "", "0");
        assertThat(lines.get(2)).isEqualTo("2025-02,0,,,0,,,1,6,0");
        assertThat(run.err()).contains("response_rate: not available", "0 of 6 rows rejected");
    }

    @Test
    void everyBadCaseRowIsReportedByItsLineWithAReason() throws IOException {
        Path cases = Cli.write(dir, "cases.csv", CASES
                + "k5,c9,bogus,open,2025-02-03,,,,,\n" // line 6
                + "k6,c1,question,closed,2025-02-05,,,,,\n" // 7: closed without closed_at
                + "k1,c4,question,open,2025-02-06,,,,,\n" // 8: repeated id
                + "k7,c4,question,open,2025-13-06,,,,,\n" // 9: bad date
                + "k8,c4,question,open,2025-02-06\n" // 10: too few fields
                + "k9,c4,\"ques\"tion,open,2025-02-06,,,,,\n" // 11: broken quoting
                + "k10,,question,open,2025-02-06,,,,,\n" // 12: empty customer
                + "k11,c4,question,resolved,2025-02-06,,2025-02-05,,,\n" // 13: resolved before opened
                + "k12,c4,question,open,2025-02-06,,,,-1,\n" // 14: negative target
                + "k13,c4,question,open,2025-02-06,,,,,\"a\nb\"\n" // 15-16: a quoted value over two lines: kept
                + "k14,c4,question,open,2025-02-06,,,,,\n" // 17: good
                + "k15,c4,question,open,2025-02-06,,,,,,\n"); // 18: too many fields

        Cli.Run run = Cli.run("service", "--cases", cases.toString(), "--as-of", "2025-02-28", "--format", "csv");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18);
        assertThat(run.rejected()).contains("line 6: unknown type 'bogus' (question, problem, incident, complaint,"
                + " request, feedback, other)", "line 7: status closed needs closed_at",
                "line 8: case_id repeats an earlier row's", "line 10: has 5 fields, the header has 10",
                "line 12: empty customer_id", "line 13: resolved_at is before opened_at",
                "line 14: first_response_target_hours must be more than 0 and at most 87660 hours: '-1'",
                "line 18: has 11 fields, the header has 10");
        assertThat(run.rejected().get(3)).startsWith("line 9: bad opened_at '2025-13-06'");
        assertThat(run.rejected().get(5)).startsWith("line 11: is not well-formed CSV");
        assertThat(run.lastErrLine()).isEqualTo("crmkit service: 11 of 16 rows rejected");

        Cli.Run strict = Cli.run("service", "--cases", cases.toString(), "--as-of", "2025-02-28", "--strict");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.lastErrLine()).isEqualTo("crmkit service: 11 of 16 rows rejected; --strict: nothing computed");
    }

    @Test
    void line15IsTheQuotedValueSpanningTwoLinesWhichTheHeaderDoesNotName() throws IOException {
        // a 10-column header with an 11th value on line 15 is too wide: the quoted value's line break
        // does not shift the line numbers of later rows (line 17 is accepted, 18 rejected above)
        Path cases = Cli.write(dir, "cases.csv", "case_id,customer_id,type,status,opened_at,note\n"
                + "k1,c1,question,open,2025-02-06,\"two\nlines\"\nk2,c1,question,open,2025-02-07,x\n");

        Cli.Run run = Cli.run("service", "--cases", cases.toString(), "--as-of", "2025-02-28");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejected()).isEmpty();
        assertThat(run.err()).contains("warning: cases: columns ignored: 'note'", "0 of 2 rows rejected");
    }

    @Test
    void everyBadSurveyRowIsReportedByItsLineWithAReason() throws IOException {
        Path responses = Cli.write(dir, "surveys.csv", "\uFEFFresponse_id,customer_id,responded_at,scale,score\n"
                + "r1,c1,2025-01-05,nps,10\n" // 2: good (the byte-order mark is skipped)
                + "r2,c1,2025-01-05,nps,11\n" // 3: off the scale
                + "r3,c1,2025-01-05,csat,0\n" // 4: off the scale
                + "r4,c1,2025-01-05,likert,3\n" // 5: unknown scale
                + "r5,c1,2025-01-05,ces,4.5\n" // 6: not whole
                + "r1,c1,2025-01-05,ces,4\n" // 7: repeated id
                + "r6,c1,yesterday,ces,4\n" // 8: bad time
                + ",c1,2025-01-05,ces,4\n" // 9: empty id
                + "r7,c1,2025-01-05,ces\n" // 10: too few fields
                + "r8,c1,2025-01-05,ces,7\n"); // 11: good

        Cli.Run run = Cli.run("surveys", "--responses", responses.toString(), "--as-of", "2025-02-28");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(run.rejected()).contains("line 3: score 11 is off the nps scale (0 to 10)",
                "line 4: score 0 is off the csat scale (1 to 5)", "line 5: unknown scale 'likert' (nps, csat, ces)",
                "line 6: score must be a whole number: '4.5'", "line 7: response_id repeats an earlier row's",
                "line 9: empty response_id", "line 10: has 4 fields, the header has 5");
        assertThat(run.lastErrLine()).isEqualTo("crmkit surveys: 8 of 10 rows rejected");
    }

    @Test
    void missingColumnsEmptyFilesMissingFilesAndGzip() throws IOException {
        Path noType = Cli.write(dir, "a.csv", "case_id,customer_id,status,opened_at\nk1,c1,open,2025-01-01\n");
        Path empty = Cli.write(dir, "b.csv", "");
        Path gz = dir.resolve("c.csv.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(CASES.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(gz, bytes.toByteArray());
        Path truncated = dir.resolve("d.csv.gz");
        Files.write(truncated, java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 12));

        Cli.Run missing = Cli.run("service", "--cases", noType.toString(), "--as-of", "2025-02-28");
        Cli.Run none = Cli.run("service", "--cases", empty.toString(), "--as-of", "2025-02-28");
        Cli.Run absent = Cli.run("surveys", "--responses", dir.resolve("nope.csv").toString(), "--as-of", "2025-02-28");
        Cli.Run zipped = Cli.run("service", "--cases", gz.toString(), "--as-of", "2025-02-28", "--format", "csv");
        Cli.Run damaged = Cli.run("service", "--cases", truncated.toString(), "--as-of", "2025-02-28");
        Cli.Run noAsOf = Cli.run("service", "--cases", gz.toString());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("has no type column");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("is empty (no header)");
        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err()).contains("(no such file)");
        assertThat(zipped.exitCode()).as(zipped.toString()).isZero();
        assertThat(zipped.outLines()).hasSize(3);
        assertThat(damaged.exitCode()).isEqualTo(1);
        assertThat(damaged.err()).contains("damaged or truncated");
        assertThat(noAsOf.exitCode()).isEqualTo(2);
        assertThat(noAsOf.err()).contains("--as-of");
    }
}
