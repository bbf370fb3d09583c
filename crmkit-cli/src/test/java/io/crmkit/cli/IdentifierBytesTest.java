package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.cli.orders.LedgerCsvReader;
import io.crmkit.cli.orders.ReadListener;
import io.crmkit.cli.orders.Rejection;
import io.crmkit.cli.orders.Texts;
import io.crmkit.core.CustomerId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An identifier whose bytes are not UTF-8 is refused by every side-file and ledger reader, as by the
 * order readers: bytes that are no character read as U+FFFD, so {@code 0x83 c1} and {@code 0x87 c1}
 * would both be the customer {@code "\uFFFDc1"} and two customers would silently become one.
 */
class IdentifierBytesTest {

    private static final String NOT_TEXT = " is not UTF-8 text (it holds bytes that are no character, or U+FFFD,"
            + " which such bytes are read as)";

    @TempDir
    Path dir;

    /** Rows read by a side-file reader: kept, and reported by line. */
    private record Seen(long kept, List<String> reported) {
    }

    @FunctionalInterface
    private interface SideReader {
        long read(Path file, BiConsumer<Long, String> rejected, Consumer<String> warning) throws IOException;
    }

    /**
     * Writes a file of a header and rows, where {@code @} in a row stands for one byte that is no
     * UTF-8 character: 0x83 in the first bad row, 0x87 in the second.
     */
    private Path file(String name, String header, String... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
        int bad = 0;
        for (String row : rows) {
            byte[] bytes = (row + "\n").getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                if (b == '@') {
                    out.write(bad == 0 ? 0x83 : 0x87);
                } else {
                    out.write(b);
                }
            }
            if (row.indexOf('@') >= 0) {
                bad++;
            }
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static Seen read(SideReader reader, Path file) throws IOException {
        List<String> reported = new ArrayList<>();
        long kept = reader.read(file, (line, why) -> reported.add("line " + line + ": " + why), w -> { });
        return new Seen(kept, reported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cases", "surveys", "points", "memberships", "referrals", "customers"})
    void eachSideFileRefusesCustomerIdsThatAreNotText(String kind) throws IOException {
        String column = kind.equals("referrals") ? "referrer_id" : "customer_id";
        Seen seen = switch (kind) {
            case "cases" -> read((f, r, w) -> ServiceFiles.readCases(f, ZoneOffset.UTC, r, w).values().size(),
                    file("cases.csv", "case_id,customer_id,type,status,opened_at",
                            "k1,@c1,question,open,2025-01-02", "k2,@c1,question,open,2025-01-03",
                            "k3,c1,question,open,2025-01-04"));
            case "surveys" -> read((f, r, w) -> ServiceFiles.readSurveys(f, ZoneOffset.UTC, r, w).values().size(),
                    file("surveys.csv", "response_id,customer_id,responded_at,scale,score",
                            "r1,@c1,2025-01-02,nps,9", "r2,@c1,2025-01-03,nps,8", "r3,c1,2025-01-04,nps,7"));
            case "points" -> read((f, r, w) -> LoyaltyFiles.readPoints(f, ZoneOffset.UTC, r, w).values().size(),
                    file("points.csv", "customer_id,event_id,timestamp,type,points",
                            "@c1,e1,2025-01-02,adjust,5", "@c1,e2,2025-01-03,adjust,5", "c1,e3,2025-01-04,adjust,5"));
            case "memberships" -> read((f, r, w) -> LoyaltyFiles.readMemberships(f, ZoneOffset.UTC, r, w).values()
                    .size(), file("memberships.csv", "customer_id,membership_id,joined",
                            "@c1,m1,2025-01-02", "@c1,m2,2025-01-03", "c1,m3,2025-01-04"));
            case "referrals" -> read((f, r, w) -> LoyaltyFiles.readReferrals(f, ZoneOffset.UTC, r, w).values()
                    .size(), file("referrals.csv", "referral_id,referrer_id,referred_id,code,timestamp",
                            "f1,@c1,c2,CODE,2025-01-02", "f2,@c1,c3,CODE,2025-01-03", "f3,c1,c4,CODE,2025-01-04"));
            case "customers" -> read((f, r, w) -> CustomerFile.read(f, r, w).records().size(),
                    file("customers.csv", "customer_id,first_name", "@c1,Ann", "@c1,Bob", "c1,Cem"));
            default -> throw new IllegalArgumentException(kind);
        };
        assertThat(seen.kept()).as("the valid row").isEqualTo(1);
        assertThat(seen.reported()).hasSize(2).allSatisfy(r -> assertThat(r).endsWith(column + NOT_TEXT));
        assertThat(seen.reported().get(0)).startsWith("line 2: ");
        assertThat(seen.reported().get(1)).startsWith("line 3: ");
    }

    @Test
    void anEventIdThatIsNotTextIsRefusedToo() throws IOException {
        // two event ids that would both read as "\uFFFDe1": without the rule the second repeated the first
        Seen seen = read((f, r, w) -> LoyaltyFiles.readPoints(f, ZoneOffset.UTC, r, w).values().size(),
                file("points.csv", "customer_id,event_id,timestamp,type,points",
                        "c1,@e1,2025-01-02,adjust,5", "c1,@e1,2025-01-03,adjust,5"));
        assertThat(seen.kept()).isZero();
        assertThat(seen.reported()).containsExactly("line 2: event_id" + NOT_TEXT, "line 3: event_id" + NOT_TEXT);
    }

    @Test
    void theLedgerReaderRefusesCustomerInvoiceAndPaymentIdsThatAreNotText() throws IOException {
        Path invoices = file("invoices.csv", "invoice_id,customer_id,issued,due,amount",
                "i1,@c1,2025-01-01,2025-01-31,10.00", "i2,@c1,2025-01-01,2025-01-31,10.00",
                "@i3,c1,2025-01-01,2025-01-31,10.00", "i4,c1,2025-01-01,2025-01-31,10.00");
        Path payments = file("payments.csv", "payment_id,customer_id,paid_on,amount,invoice_id",
                "@p1,c1,2025-01-05,5.00,i4", "p2,c1,2025-01-05,5.00,@i4", "p3,c1,2025-01-06,5.00,i4");
        List<String> reported = new ArrayList<>();
        ReadListener listener = new ReadListener() {
            @Override
            public void warning(String message) {
            }

            @Override
            public void rejected(long line, Rejection kind, String reason) {
                assertThat(kind).isEqualTo(Rejection.BAD_IDENTIFIER);
                reported.add("line " + line + ": " + reason);
            }
        };
        LedgerCsvReader.LedgerInput in = new LedgerCsvReader(Optional.empty(), listener).read(invoices, payments,
                Optional.empty());
        assertThat(in.invoices().records()).hasSize(1);
        assertThat(in.invoices().records().get(0).id().value()).isEqualTo("i4");
        assertThat(in.payments().records()).hasSize(1);
        assertThat(in.payments().records().get(0).id().value()).isEqualTo("p3");
        assertThat(reported).containsExactly("line 2: invoices.csv: customer_id" + NOT_TEXT,
                "line 3: invoices.csv: customer_id" + NOT_TEXT, "line 4: invoices.csv: invoice_id" + NOT_TEXT,
                "line 2: payments.csv: payment_id" + NOT_TEXT, "line 3: payments.csv: invoice_id" + NOT_TEXT);
    }

    @Test
    void theRuleItself() {
        assertThat(Texts.identifier("c\u00e91", CustomerId::of, "customer_id").value()).isEqualTo("c\u00e91");
        assertThatThrownBy(() -> Texts.identifier("\uFFFDc1", CustomerId::of, "customer_id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("customer_id" + NOT_TEXT);
        assertThatThrownBy(() -> Texts.identifier(" c1", CustomerId::of, "referrer_id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("referrer_id is not a valid identifier (1 to"
                        + " 256 characters, no control characters, no leading or trailing spaces)");
        assertThat(Texts.isText("plain")).isTrue();
        assertThat(Texts.isText("a\uFFFD")).isFalse();
    }
}
