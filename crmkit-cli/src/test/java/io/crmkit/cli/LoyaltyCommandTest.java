package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoyaltyCommandTest {

    /**
     * Hand-worked: ann earns 100 + 150, redeems 120 (the first 100 and 20 of the second lot); bob's
     * 250 are taken back by his return, so his later redemption of 10 is not covered; cat's 199.99 is
     * one cent short of silver. A guest row and a bad amount are accounted for.
     */
    private static final String ORDERS = String.join("\n",
            "customer_id,order_id,timestamp,amount",
            "ann,1,2025-01-01,100.00",
            "ann,2,2025-06-01,150.50",
            "bob,3,2025-03-01,250.00",
            "bob,4,2025-03-05,-250.00",
            "cat,5,2025-12-31,199.99",
            ",6,2025-02-01,10.00",
            "dan,7,2025-05-01,abc",
            "");

    private static final String EVENTS = String.join("\n",
            "customer_id,event_id,timestamp,type,points",
            "ann,e1,2025-07-01,redeem,120",
            "bob,e2,2025-04-01,redeem,10",
            "ann,e3,2025-08-01,expire,5",
            "ann,e4,2025-08-01,bonus,5",
            "");

    private static final String HEADER = "customer_id,balance,earned,redeemed,expired,tier,reversed,redeem_shortfall,"
            + "reverse_shortfall,qualifying,tier_since";

    @TempDir
    Path dir;

    private Cli.Run run(String... extra) throws IOException {
        Path orders = Cli.write(dir, "orders.csv", ORDERS);
        Path events = Cli.write(dir, "points.csv", EVENTS);
        String[] base = {"loyalty", "--input", orders.toString(), "--as-of", "2026-01-01", "--points-per-unit", "1",
            "--expire-after", "365d", "--tier", "silver=200", "--tier", "gold=500", "--tier-window", "365d",
            "--points-events", events.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void perCustomerLedgerAsCsv() throws IOException {
        Cli.Run run = run("--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // ann: the 2025-01-01 order left the window at 2026-01-01T00:00Z, so silver (since 2025-06-01) fell to basic
        assertThat(run.outLines()).containsExactly(HEADER,
                "ann,130,250,120,0,basic,0,0,0,150.50,2026-01-01T00:00:00Z",
                "bob,0,250,0,0,basic,250,10,0,0.00,2025-03-05T00:00:00Z",
                "cat,199,199,0,0,basic,0,0,0,199.99,");
        assertThat(run.err()).contains("line 8: ").contains("points.csv line 4: type expire")
                .contains("points.csv line 5: unknown type 'bonus'")
                .contains("1 redemptions exceeded the balance (10 points not covered");
        assertThat(run.lastErrLine()).contains("1 of 7 rows rejected").contains("guest rows: 1")
                .contains("points events: 2 of 4 rejected");
    }

    @Test
    void jsonCarriesTheKpisAndTheDefinitions() throws IOException {
        Cli.Run run = run("--format", "json", "--point-value", "0.05");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("rows")).hasSize(3);
        JsonNode kpis = doc.at("/definitions/kpis");
        assertThat(kpis.get("members").asLong()).isEqualTo(3);
        assertThat(kpis.get("outstanding_points").asLong()).isEqualTo(329);
        assertThat(kpis.get("liability").asText()).isEqualTo("16.45");
        assertThat(kpis.get("redemption_rate").asDouble()).isEqualTo(120.0 / 699);
        assertThat(kpis.get("breakage_rate").asDouble()).isEqualTo(0.0);
        assertThat(doc.at("/definitions/expiry").asText()).contains("t + 365d");
        assertThat(doc.at("/definitions/as_of").asText()).startsWith("2026-01-01T23:59:59.999999Z");
    }

    @Test
    void aLaterAsOfExpiresAnnsRemainingPointsExactlyAYearAfterTheyWereEarned() throws IOException {
        Cli.Run before = Cli.run("loyalty", "-i", Cli.write(dir, "o.csv", ORDERS).toString(), "--as-of",
                "2026-05-31T23:59:59Z", "--expire-after", "365d", "--format", "csv", "--points-events",
                Cli.write(dir, "p.csv", EVENTS).toString());
        assertThat(before.outLines()).element(1).asString().startsWith("ann,130,250,120,0,");
        // a date-time observes what happened strictly before it: the expiry at 2026-06-01T00:00Z is seen
        // one microsecond later, and by the date 2026-06-01 (through its end)
        Cli.Run at = Cli.run("loyalty", "-i", dir.resolve("o.csv").toString(), "--as-of", "2026-06-01T00:00:00Z",
                "--expire-after", "365d", "--format", "csv", "--points-events", dir.resolve("p.csv").toString());
        assertThat(at.outLines()).element(1).asString().startsWith("ann,130,250,120,0,");
        Cli.Run after = Cli.run("loyalty", "-i", dir.resolve("o.csv").toString(), "--as-of",
                "2026-06-01T00:00:00.000001Z", "--expire-after", "365d", "--format", "csv", "--points-events",
                dir.resolve("p.csv").toString());
        assertThat(after.outLines()).element(1).asString().startsWith("ann,0,250,120,130,");
        Cli.Run day = Cli.run("loyalty", "-i", dir.resolve("o.csv").toString(), "--as-of", "2026-06-01",
                "--expire-after", "365d", "--format", "csv", "--points-events", dir.resolve("p.csv").toString());
        assertThat(day.outLines()).element(1).asString().startsWith("ann,0,250,120,130,");
    }

    @Test
    void strictFailsOnARejectedPointsEvent() throws IOException {
        Path orders = Cli.write(dir, "good.csv", "customer_id,order_id,timestamp,amount\nann,1,2025-01-01,10.00\n");
        Path events = Cli.write(dir, "points.csv", EVENTS);
        Cli.Run run = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2026-01-01", "--points-events",
                events.toString(), "--strict", "--format", "csv");
        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void gzipInputAndMappedColumnsWork() throws IOException {
        Path gz = dir.resolve("orders.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("client,order_id,timestamp,amount\nann,1,2025-01-01,12.99\n".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        Cli.Run run = Cli.run("loyalty", "-i", gz.toString(), "--column", "customer_id=client", "--as-of",
                "2025-12-31", "--points-per-unit", "2", "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // 12.99 at 2 points per unit: 12 whole units, 24 points (a partial unit earns nothing)
        assertThat(run.outLines()).element(1).asString().startsWith("ann,24,24,0,0,basic,");
    }

    @Test
    void badOptionsAreUsageErrorsOrFailuresNamingTheOption() throws IOException {
        Path orders = Cli.write(dir, "good.csv", "customer_id,order_id,timestamp,amount\nann,1,2025-01-01,10.00\n");
        Cli.Run period = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2026-01-01", "--expire-after", "1y");
        assertThat(period.exitCode()).isEqualTo(2);
        assertThat(period.err()).contains("'1y' is not a period");
        Cli.Run tier = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2026-01-01", "--tier", "basic=10");
        assertThat(tier.exitCode()).isEqualTo(2);
        assertThat(tier.err()).contains("--tier").contains("basic");
        Cli.Run help = Cli.run("loyalty", "--help");
        assertThat(help.out()).contains("rounded down per order").contains("are inclusive").contains("tier is basic")
                .contains("Default: 365d").contains("Default: none").contains("a partial unit earns nothing")
                .contains("24 hours").contains("strictly before that instant");
    }

    @Test
    void noneIsAnExpiryOnlyAndOtherPeriodsSayWhichOptionRefusedIt() throws IOException {
        Path orders = Cli.write(dir, "good.csv", "customer_id,order_id,timestamp,amount\nann,1,2025-01-01,10.00\n");
        for (String option : new String[] {"--tier-window", "--kpi-period"}) {
            Cli.Run run = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2026-01-01", option, "none");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains(option).contains("'none' is not allowed here")
                    .doesNotContain("internal error").doesNotContain("Exception");
        }
        Cli.Run expiry = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2026-01-01", "--expire-after", "none",
                "--format", "csv");
        assertThat(expiry.exitCode()).as(expiry.toString()).isZero();
    }

    @Test
    void aTierGivenTwiceIsAUsageErrorAndEachErrorNamesItsOwnOption() throws IOException {
        Path orders = Cli.write(dir, "good.csv", "customer_id,order_id,timestamp,amount\nann,1,2025-01-01,10.00\n");
        Cli.Run twice = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2026-01-01", "--tier", "silver=200",
                "--tier", "silver=300");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("--tier").contains("'silver' is given twice");
        Cli.Run bad = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2026-01-01", "--tier", "silver");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--tier: 'silver' is not NAME=THRESHOLD");
        Cli.Run window = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2026-01-01", "--tier-window", "0d");
        assertThat(window.exitCode()).isEqualTo(2);
        assertThat(window.err()).contains("--tier-window").doesNotContain("--tier:");
    }

    @Test
    void anAsOfInstantExcludesAnOrderPlacedExactlyThenAsEveryOtherCommandDoes() throws IOException {
        Path orders = Cli.write(dir, "edge.csv", String.join("\n", "customer_id,order_id,timestamp,amount",
                "ann,1,2025-06-01T00:00:00Z,10.00", "ann,2,2025-05-31T23:59:59.999999Z,5.00", ""));
        Cli.Run at = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2025-06-01T00:00:00Z", "--format", "csv");
        assertThat(at.outLines()).element(1).asString().startsWith("ann,5,5,0,0,");
        Cli.Run after = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2025-06-01T00:00:00.000001Z",
                "--format", "csv");
        assertThat(after.outLines()).element(1).asString().startsWith("ann,15,15,0,0,");
        Cli.Run day = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2025-06-01", "--format", "csv");
        assertThat(day.outLines()).element(1).asString().startsWith("ann,15,15,0,0,"); // a date: through its end
        Cli.Run before = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2025-05-31", "--format", "csv");
        assertThat(before.outLines()).element(1).asString().startsWith("ann,5,5,0,0,");
    }

    @Test
    void sideFilesFollowTheOrderFilesCsvRules() throws IOException {
        Path orders = Cli.write(dir, "good.csv", "customer_id,order_id,timestamp,amount\nann,1,2025-01-01,100.00\n");
        Path events = Cli.write(dir, "points.csv", String.join("\n",
                "customer_id,event_id,timestamp,type,points",
                "ann,e1,2025-13-01,redeem,5", // bad date: rejected, does not claim e1
                "ann,e1,2025-02-01,redeem,5", // so this e1 is used
                "\"ann\",e2,2025-02-02,\"redeem",
                "\",5", // a quoted value spanning lines: one row (lines 4-5), its type "redeem" after stripping
                "ann,e3,2025-02-03,red\"eem,5", // a quote inside an unquoted value
                "ann,e4,2025-02-04,redeem,5,extra", // an extra field
                "ann,e5,2025-02-05,redeem,9000000000000000000", // absurd points
                "ann,e6,2025-02-06,redeem,9000000000000000000",
                "ann,e7,2025-02-07,redeem,10",
                ""));
        Cli.Run run = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2026-01-01", "--points-events",
                events.toString(), "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).element(1).asString().startsWith("ann,80,100,20,0,"); // e1, e2, e7
        assertThat(run.err()).contains("points.csv line 2: bad timestamp")
                .doesNotContain("line 4:").doesNotContain("line 5:").contains("points.csv line 6: is not well-formed CSV")
                .contains("points.csv line 7: has 6 fields, the header has 5")
                .contains("points.csv line 8: points out of range").contains("points.csv line 9: points out of range")
                .doesNotContain("line 3:");
        assertThat(run.lastErrLine()).contains("points events: 5 of 8 rejected");
    }

    @Test
    void aTruncatedGzipSideFileIsAClearFailure() throws IOException {
        Path orders = Cli.write(dir, "good.csv", "customer_id,order_id,timestamp,amount\nann,1,2025-01-01,100.00\n");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(EVENTS.repeat(50).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();
        Path gz = dir.resolve("points.csv.gz");
        Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
        Cli.Run run = Cli.run("loyalty", "-i", orders.toString(), "--as-of", "2026-01-01", "--points-events",
                gz.toString(), "--format", "csv");
        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(run.err()).contains("cannot read the gzip points events file").contains("damaged or truncated")
                .doesNotContain("internal error");
    }

    @Test
    void membersAndReferralsGiveTheEnrolmentAndReferralKpis() throws IOException {
        Path members = Cli.write(dir, "members.csv", String.join("\n",
                "customer_id,membership_id,joined,left",
                "ann,card-1,2024-12-01,",
                "bob,card-2,2025-01-01,2025-06-01", // left before the as-of date
                "cat,card-3,2025-13-01,", // bad date
                ""));
        Path referrals = Cli.write(dir, "referrals.csv", String.join("\n",
                "referral_id,referrer_id,referred_id,code,timestamp",
                "r1,ann,cat,ANN10,2025-12-01",
                "r2,bob,cat,BOB10,2025-12-02", // cat was referred before: not credited again
                "r3,ann,ann,ANN10,2025-12-03", // self-referral
                ""));
        Cli.Run run = run("--format", "json", "--members", members.toString(), "--referrals", referrals.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode kpis = new ObjectMapper().readTree(run.out()).at("/definitions/kpis");
        assertThat(kpis.get("members").asLong()).isEqualTo(1); // ann only
        assertThat(kpis.get("enrolment_rate").asDouble()).isEqualTo(1.0 / 3); // ann of the 3 buyers
        assertThat(kpis.get("referrals").asLong()).isEqualTo(2);
        assertThat(kpis.get("duplicate_referrals").asLong()).isEqualTo(1);
        assertThat(kpis.get("referred_customers").asLong()).isEqualTo(1);
        assertThat(kpis.get("referred_converted").asLong()).isEqualTo(1); // cat bought on 2025-12-31
        assertThat(kpis.get("referred_value").asText()).isEqualTo("199.99");
        assertThat(run.err()).contains("members.csv line 4: bad joined '2025-13-01'")
                .contains("referrals.csv line 4: referral r3: a customer cannot refer themself");
        assertThat(run.lastErrLine()).contains("members: 1 of 3 rejected").contains("referrals: 1 of 3 rejected");
    }

    @Test
    void aHeaderOnlyMembersFileMeansNoMembersNotTheLedger() throws IOException {
        Path members = Cli.write(dir, "members.csv", "customer_id,membership_id,joined,left\n");
        Path referrals = Cli.write(dir, "referrals.csv", String.join("\n",
                "referral_id,referrer_id,referred_id,code,timestamp",
                "r1,ann,cat,ANN10,2025-12-01",
                "r2,ann,bob,ANN10,2026-02-01", // after the as-of date
                ""));
        Cli.Run run = run("--format", "json", "--members", members.toString(), "--referrals", referrals.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode kpis = new ObjectMapper().readTree(run.out()).at("/definitions/kpis");
        assertThat(kpis.get("members").asLong()).isZero();
        assertThat(kpis.get("members_from").asText()).startsWith("--members");
        assertThat(kpis.get("active_members").asLong()).isZero();
        assertThat(kpis.get("enrolment_rate").asDouble()).isEqualTo(0.0);
        assertThat(kpis.get("referrals").asLong()).isEqualTo(1);
        assertThat(kpis.get("referrals_after_as_of").asLong()).isEqualTo(1);
    }
}
