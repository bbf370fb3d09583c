package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.order.OrderStatusCategory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderFileReader}: every data row is used, a guest row, in another currency, or rejected
 * and reported once with the physical line where it starts; returns, guest rows, float noise,
 * rounding, column mapping, order lines, currencies and source tags.
 */
class OrderFileReaderTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    /** One rejection as reported. */
    record Reported(long line, Rejection kind, String reason) {
    }

    /** Collects what the reader reports. */
    static final class Collected implements ReadListener {
        final List<String> warnings = new ArrayList<>();
        final List<Reported> rejected = new ArrayList<>();

        @Override
        public void warning(String message) {
            warnings.add(message);
        }

        @Override
        public void rejected(long line, Rejection kind, String reason) {
            rejected.add(new Reported(line, kind, reason));
        }

        List<Long> lines() {
            return rejected.stream().map(Reported::line).toList();
        }

        Map<Rejection, Long> byKind() {
            Map<Rejection, Long> m = new EnumMap<>(Rejection.class);
            rejected.forEach(r -> m.merge(r.kind(), 1L, Long::sum));
            return m;
        }
    }

    private final Collected seen = new Collected();

    private static OrderFileReader reader() {
        return reader(Optional.empty(), Map.of(), Optional.empty());
    }

    private static OrderFileReader reader(Optional<Currency> currency, Map<String, String> columns,
            Optional<RoundingMode> rounding) {
        return new OrderFileReader(ZoneOffset.UTC, currency, StatusMapping.defaults(), columns, rounding);
    }

    private OrderFile read(OrderFileReader reader, String text) throws IOException {
        return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), seen);
    }

    private OrderFile read(String text) throws IOException {
        return read(reader(), text);
    }

    /** The rows of a customer, by identifier. */
    private static List<Integer> rowsOf(OrderBatch batch, String customer) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            if (batch.customerId(batch.customerIndex(r)).value().equals(customer)) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static int onlyRowOf(OrderBatch batch, String customer) {
        List<Integer> rows = rowsOf(batch, customer);
        assertThat(rows).as("rows of %s", customer).hasSize(1);
        return rows.get(0);
    }

    private static void assertAccountedFor(OrderFile file, Collected seen) {
        assertThat(file.rowsRead()).isEqualTo(file.rowsUsed() + file.guestRows() + file.rowsInOtherCurrencies()
                + file.rowsRejected());
        assertThat(file.rowsRejected()).isEqualTo(seen.rejected.size());
        assertThat(file.rejectedByKind()).isEqualTo(seen.byKind());
        assertThat(file.rejectedByKind().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(file.rowsRejected());
        // every rejected row is reported once: no line twice
        assertThat(seen.lines()).doesNotHaveDuplicates();
    }

    @Test
    void identifiersWithBytesThatAreNotUtf8AreRejectedNotMergedIntoOneCustomer() throws IOException {
        // 0x83 and 0x87 are continuation bytes with no lead: both ids read as "\uFFFDc1", which made
        // two dictionary entries of one customer and failed the whole read (a fuzzing finding)
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("customer_id,order_id,timestamp,amount\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0x83, 'c', '1'});
        bytes.writeBytes(",o1,2024-01-01,10.00\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0x87, 'c', '1'});
        bytes.writeBytes(",o2,2024-01-02,5.00\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("\u00e9l\u00e8ve,o3,2024-01-03,1.00\nc2,\"o".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        bytes.writeBytes("\",2024-01-04,2.00\nc2,\uFFFD,2024-01-05,3.00\n".getBytes(StandardCharsets.UTF_8));
        OrderFile f = reader().read(new ByteArrayInputStream(bytes.toByteArray()), seen);
        assertAccountedFor(f, seen);
        assertThat(f.rowsUsed()).isEqualTo(1);
        assertThat(onlyRowOf(f.batch(), "\u00e9l\u00e8ve")).isZero();
        assertThat(seen.rejected).extracting(Reported::line).containsExactly(2L, 3L, 5L, 6L);
        assertThat(seen.rejected).extracting(Reported::kind).containsOnly(Rejection.BAD_IDENTIFIER);
        assertThat(seen.rejected.get(0).reason()).isEqualTo("customer_id is not UTF-8 text (it holds bytes that are"
                + " no character, or U+FFFD, which such bytes are read as)");
        assertThat(seen.rejected.get(2).reason()).startsWith("order_id is not UTF-8 text");
    }

    @Test
    void theStreamingReaderRejectsThemToo() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("customer_id,timestamp,amount\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0x83, 'c', '1'});
        bytes.writeBytes(",2024-01-01,10.00\nc2,2024-01-02,5.00\n".getBytes(StandardCharsets.UTF_8));
        List<String> accepted = new ArrayList<>();
        StreamedInput in = new OrderCsvReader(ZoneOffset.UTC, Optional.empty(), StatusMapping.defaults(), Map.of(),
                Optional.empty(), CsvRecords.DEFAULT_MAX_RECORD_BYTES).stream(new ByteArrayInputStream(bytes.toByteArray()),
                seen, (line, orderId, customerId, placedAt, amountMinor, currency, status) -> accepted.add(customerId));
        assertThat(accepted).containsExactly("c2");
        assertThat(in.rowsRejected()).isEqualTo(1);
        assertThat(seen.rejected).extracting(Reported::reason).containsExactly("customer_id is not UTF-8 text (it holds"
                + " bytes that are no character, or U+FFFD, which such bytes are read as)");
    }

    // ---------------------------------------------------------------- accounting

    /** Every kind of row, with an empty line and a quoted line break shifting the physical lines. */
    static final String MIXED = String.join("\n",
            "customer_id,order_id,timestamp,amount,currency,status",   // 1
            "alice,o1,2024-01-05,10.00,USD,paid",                      // 2  used (o1's first line)
            "",                                                        // 3  empty
            "bob,o2,2024-01-06T10:00:00Z,20,USD,delivered",            // 4  used
            ",o3,2024-01-07,5.00,USD,paid",                            // 5  guest
            "alice,o1,2024-01-05,5.50,USD,paid",                       // 6  used (o1's second line)
            "carol,o4,2024-02-01,-3.25,USD,completed",                 // 7  used: a return
            "dave,o5,not-a-date,1.00,USD,paid",                        // 8  BAD_TIMESTAMP
            "\"erin",                                                  // 9  BAD_AMOUNT (starts here)
            " x\",o6,2024-02-02,abc,USD,paid",                         // 10
            "frank,o7,2024-02-03,7.00,EUR,paid",                       // 11 other currency
            "frank,o8,2024-02-03,8.00,eur,paid",                       // 12 other currency
            "gina,o9,2024-02-04,1.00,USD,paid,extra",                  // 13 FIELD_COUNT
            "bob,o2,2024-01-07,1.00,USD,delivered",                    // 14 CONFLICTING_LINE
            "hank,o10,2024-02-05,0,USD,paid",                          // 15 used: a zero amount
            "ivan,o11,2024-02-06,2.00,USD,refunded",                   // 16 UNKNOWN_STATUS
            "\"jo\"x,o12,2024-02-07,1.00,USD,paid",                    // 17 MALFORMED
            "kim,,2024-02-08,1.00,USD,paid",                           // 18 MISSING_VALUE
            "alice,o1,2024-01-05,4.50,USD,paid",                       // 19 used (o1's third line)
            "lee,o13,2024-02-09,1.00,US$,paid",                        // 20 BAD_CURRENCY
            "",                                                        // 21 empty
            "mia,o14,2024-02-10,1.00,USD,pending");                    // 22 used, no final line break

    @Test
    void accountsForEveryRowAndReportsEachRejectedRowOnceAtItsPhysicalLine() throws IOException {
        OrderFile file = read(MIXED);

        assertThat(file.rowsRead()).isEqualTo(18);
        assertThat(file.guestRows()).isEqualTo(1);
        assertThat(file.otherCurrencies()).containsExactly(Map.entry(EUR, 2L));
        assertThat(file.rowsInOtherCurrencies()).isEqualTo(2);
        assertThat(file.rowsRejected()).isEqualTo(8);
        assertThat(file.rowsUsed()).isEqualTo(7);
        assertAccountedFor(file, seen);
        assertThat(seen.rejected).extracting(Reported::line, Reported::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8L, Rejection.BAD_TIMESTAMP),
                org.assertj.core.groups.Tuple.tuple(9L, Rejection.BAD_AMOUNT),
                org.assertj.core.groups.Tuple.tuple(13L, Rejection.FIELD_COUNT),
                org.assertj.core.groups.Tuple.tuple(14L, Rejection.CONFLICTING_LINE),
                org.assertj.core.groups.Tuple.tuple(16L, Rejection.UNKNOWN_STATUS),
                org.assertj.core.groups.Tuple.tuple(17L, Rejection.MALFORMED),
                org.assertj.core.groups.Tuple.tuple(18L, Rejection.MISSING_VALUE),
                org.assertj.core.groups.Tuple.tuple(20L, Rejection.BAD_CURRENCY));
        List<String> reasons = seen.rejected.stream().map(Reported::reason).toList();
        assertThat(reasons.get(0)).startsWith("timestamp 'not-a-date' is not an ISO date or date-time");
        assertThat(reasons.get(1)).isEqualTo("amount 'abc' is not a decimal number (such as 12.34)");
        assertThat(reasons.get(2)).isEqualTo("has 7 fields, the header has 6");
        assertThat(reasons.get(3)).isEqualTo("timestamp differs from line 4, the first line of the same order");
        assertThat(reasons.get(4)).startsWith("status 'refunded' is not a known label");
        assertThat(reasons.get(5)).startsWith("is not well-formed CSV");
        assertThat(reasons.get(6)).isEqualTo("order_id is empty");
        assertThat(reasons.get(7)).isEqualTo("currency 'US$' is not an ISO 4217 code such as USD");
        // reasons never repeat customer identifiers
        assertThat(reasons).noneMatch(r -> r.contains("dave") || r.contains("erin") || r.contains("gina")
                || r.contains("ivan") || r.contains("jo") || r.contains("kim") || r.contains("lee"));

        OrderBatch batch = file.batch();
        assertThat(batch.currency()).isEqualTo(USD);
        // o1's three lines are one row; o2, o4, o10, o14 one row each
        assertThat(batch.rowCount()).isEqualTo(5);
        assertThat(file.returnRows()).isEqualTo(1);
        assertThat(batch.returnCount()).isEqualTo(1);
        assertThat(file.hasOrderIds()).isTrue();
        assertThat(file.hasCurrencyColumn()).isTrue();
        assertThat(file.hasStatusColumn()).isTrue();
        assertThat(file.statusLabels()).containsExactly(Map.entry("paid", OrderStatusCategory.COMPLETED),
                Map.entry("delivered", OrderStatusCategory.COMPLETED),
                Map.entry("completed", OrderStatusCategory.COMPLETED),
                Map.entry("pending", OrderStatusCategory.OPEN));
        assertThat(file.earliest()).contains(Instant.parse("2024-01-05T00:00:00Z"));
        assertThat(file.latest()).contains(Instant.parse("2024-02-10T00:00:00Z"));
    }

    @Test
    void tagsEachRowWithTheFileLineOfItsOrdersFirstRow() throws IOException {
        OrderBatch batch = read(MIXED).batch();

        int alice = onlyRowOf(batch, "alice");
        assertThat(batch.sourceTag(alice)).hasValue(2);
        assertThat(batch.netMinor(alice)).isEqualTo(1000 + 550 + 450);
        int bob = onlyRowOf(batch, "bob");
        assertThat(batch.sourceTag(bob)).hasValue(4);
        assertThat(batch.netMinor(bob)).isEqualTo(2000);
        assertThat(batch.sourceTag(onlyRowOf(batch, "carol"))).hasValue(7);
        assertThat(batch.sourceTag(onlyRowOf(batch, "hank"))).hasValue(15);
        int mia = onlyRowOf(batch, "mia");
        assertThat(batch.sourceTag(mia)).hasValue(22);
        assertThat(batch.category(mia)).isEqualTo(OrderStatusCategory.OPEN);
    }

    @Test
    void sourceTagsFollowMultiLineQuotedFieldsAndEmptyLinesWithoutOrderIds() throws IOException {
        String text = "\uFEFFcustomer_id,timestamp,amount,note\r\n"    // 1
                + "a,2024-01-01,1.00,\"two\r\nlines\"\r\n"           // 2-3
                + "\r\n"                                              // 4
                + "b,2024-01-02,2.00,\"\"\r\n"                        // 5
                + "a,2024-01-03,3.00,\"x\rlone cr\"\r\n"              // 6-7
                + "c,2024-01-04,4.00,plain";                          // 8

        OrderFile file = read(text);

        OrderBatch batch = file.batch();
        assertThat(file.rowsRead()).isEqualTo(4);
        assertThat(file.rowsUsed()).isEqualTo(4);
        assertThat(file.hasOrderIds()).isFalse();
        assertThat(rowsOf(batch, "a")).extracting(r -> batch.sourceTag(r).getAsInt()).containsExactly(2, 6);
        assertThat(batch.sourceTag(onlyRowOf(batch, "b"))).hasValue(5);
        assertThat(batch.sourceTag(onlyRowOf(batch, "c"))).hasValue(8);
        // the unread note column is named once in a warning
        assertThat(seen.warnings).singleElement().asString().startsWith("ignoring column 'note'");
    }

    // ---------------------------------------------------------------- returns, guests, zero amounts

    @Test
    void aNegativeAmountIsAReturnRowWithANegativeNetValue() throws IOException {
        OrderFile file = read("customer_id,timestamp,amount\n"
                + "a,2024-01-01,10.00\n"
                + "a,2024-01-02,-4.00\n"
                + "b,2024-01-03,-0.01\n");

        OrderBatch batch = file.batch();
        assertThat(file.rowsRejected()).isZero();
        assertThat(seen.rejected).isEmpty();
        assertThat(file.rowsUsed()).isEqualTo(3);
        assertThat(file.returnRows()).isEqualTo(2);
        assertThat(batch.returnCount()).isEqualTo(2);
        List<Integer> a = rowsOf(batch, "a");
        assertThat(a).extracting(batch::isReturn).containsExactly(false, true);
        assertThat(a).extracting(batch::netMinor).containsExactly(1000L, -400L);
        assertThat(batch.grossMinor(a.get(1))).isZero();
        int b = onlyRowOf(batch, "b");
        assertThat(batch.isReturn(b)).isTrue();
        assertThat(batch.netMinor(b)).isEqualTo(-1);
    }

    @Test
    void aGuestRowIsCountedNotRejectedAndLeftOutOfTheBatch() throws IOException {
        OrderFile file = read("customer_id,timestamp,amount\n"
                + ",2024-01-01,10.00\n"
                + "\"\",2024-01-02,3.00\n"
                + "   ,2024-01-02,-3.00\n"
                + "a,2024-01-03,1.00\n");

        assertThat(file.guestRows()).isEqualTo(3);
        assertThat(file.rowsRejected()).isZero();
        assertThat(seen.rejected).isEmpty();
        assertThat(file.rowsUsed()).isEqualTo(1);
        assertThat(file.batch().rowCount()).isEqualTo(1);
        assertThat(file.batch().customerCount()).isEqualTo(1);
        // a guest return is not a return of the batch
        assertThat(file.returnRows()).isZero();
        assertAccountedFor(file, seen);
    }

    @Test
    void aZeroAmountIsAUsedOrderNotAReturn() throws IOException {
        OrderFile file = read("customer_id,timestamp,amount\na,2024-01-01,0\na,2024-01-02,0.00\nb,2024-01-03,-0.00\n");

        OrderBatch batch = file.batch();
        assertThat(file.rowsUsed()).isEqualTo(3);
        assertThat(file.returnRows()).isZero();
        assertThat(batch.rowCount()).isEqualTo(3);
        for (int r = 0; r < batch.rowCount(); r++) {
            assertThat(batch.isReturn(r)).isFalse();
            assertThat(batch.netMinor(r)).isZero();
        }
    }

    // ---------------------------------------------------------------- amounts

    @Test
    void readsFloatingPointNoiseAsTheNearbyValueAndCountsIt() throws IOException {
        OrderFile file = read("customer_id,timestamp,amount\n"
                + "a,2024-01-01,118.22999999999999\n"
                + "b,2024-01-01,0.30000000000000004\n"
                + "c,2024-01-01,-118.22999999999999\n"
                + "d,2024-01-01,12.34\n");

        OrderBatch batch = file.batch();
        assertThat(seen.rejected).isEmpty();
        assertThat(batch.netMinor(onlyRowOf(batch, "a"))).isEqualTo(11823);
        assertThat(batch.netMinor(onlyRowOf(batch, "b"))).isEqualTo(30);
        assertThat(batch.netMinor(onlyRowOf(batch, "c"))).isEqualTo(-11823);
        assertThat(batch.netMinor(onlyRowOf(batch, "d"))).isEqualTo(1234);
        assertThat(file.noiseRounded()).isEqualTo(3);
        assertThat(file.modeRounded()).isZero();
    }

    private static final String EXCESS = "customer_id,timestamp,amount\n"
            + "a,2024-01-01,12.345\n"
            + "b,2024-01-01,12.355\n"
            + "c,2024-01-01,-0.125\n"
            + "d,2024-01-01,1.50\n";

    @Test
    void rejectsExcessDecimalPlacesWithoutARoundingMode() throws IOException {
        OrderFile file = read(EXCESS);

        assertThat(seen.rejected).extracting(Reported::line).containsExactly(2L, 3L, 4L);
        assertThat(seen.rejected).extracting(Reported::kind).containsOnly(Rejection.BAD_AMOUNT);
        assertThat(seen.rejected.get(0).reason()).startsWith("amount '12.345' has more decimal places than USD"
                + " allows (2) and is not floating-point noise");
        assertThat(file.rowsUsed()).isEqualTo(1);
        assertThat(file.modeRounded()).isZero();
        assertThat(file.noiseRounded()).isZero();
        assertAccountedFor(file, seen);
    }

    @Test
    void roundsExcessDecimalPlacesWithTheChosenModeAndCountsThem() throws IOException {
        OrderFile file = read(reader(Optional.empty(), Map.of(), Optional.of(RoundingMode.HALF_EVEN)), EXCESS);

        OrderBatch batch = file.batch();
        assertThat(seen.rejected).isEmpty();
        assertThat(batch.netMinor(onlyRowOf(batch, "a"))).isEqualTo(1234);
        assertThat(batch.netMinor(onlyRowOf(batch, "b"))).isEqualTo(1236);
        assertThat(batch.netMinor(onlyRowOf(batch, "c"))).isEqualTo(-12);
        assertThat(batch.netMinor(onlyRowOf(batch, "d"))).isEqualTo(150);
        assertThat(file.modeRounded()).isEqualTo(3);
        assertThat(file.noiseRounded()).isZero();
    }

    @Test
    void readsAmountsOnTheScaleOfTheChosenCurrency() throws IOException {
        Currency jpy = Currency.getInstance("JPY");
        OrderFile file = read(reader(Optional.of(jpy), Map.of(), Optional.empty()),
                "customer_id,timestamp,amount\na,2024-01-01,1500\nb,2024-01-01,10.5\n");

        assertThat(file.batch().currency()).isEqualTo(jpy);
        assertThat(file.batch().netMinor(onlyRowOf(file.batch(), "a"))).isEqualTo(1500);
        assertThat(seen.rejected).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).contains("more decimal places than JPY allows (0)");
        });
    }

    // ---------------------------------------------------------------- columns

    @Test
    void mapsOtherHeadersCaseInsensitively() throws IOException {
        OrderFile file = read(reader(Optional.empty(), Map.of("timestamp", "date", "customer_id", "Client"),
                Optional.empty()),
                "  CLIENT ,Order_ID,DATE,Amount,Note\n"
                        + "a,o1,2024-03-01,1.25,x\n"
                        + "b,o2,2024-03-02,2.50,y\n");

        OrderBatch batch = file.batch();
        assertThat(file.rowsUsed()).isEqualTo(2);
        assertThat(file.hasOrderIds()).isTrue();
        assertThat(batch.netMinor(onlyRowOf(batch, "a"))).isEqualTo(125);
        assertThat(batch.placedAtMicros(onlyRowOf(batch, "b")))
                .isEqualTo(Instant.parse("2024-03-02T00:00:00Z").toEpochMilli() * 1000);
        assertThat(seen.warnings).singleElement().asString().contains("'note'").doesNotContain("client");
    }

    @Test
    void aMissingMappedHeaderStopsTheReadNamingIt() {
        assertThatThrownBy(() -> read(reader(Optional.empty(), Map.of("timestamp", "when"), Optional.empty()),
                "customer_id,timestamp,amount\na,2024-01-01,1\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("--column timestamp=when")
                .hasMessageContaining("'when'");
    }

    @Test
    void aMissingRequiredColumnOrAnEmptyInputStopsTheRead() {
        assertThatThrownBy(() -> read("customer_id,amount\na,1\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lacks the required column timestamp");
        assertThatThrownBy(() -> read("\n\r\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the input is empty");
    }

    @Test
    void aHeaderAloneGivesAnEmptyBatchInTheDefaultCurrency() throws IOException {
        OrderFile file = read("customer_id,timestamp,amount\r\n");

        assertThat(file.rowsRead()).isZero();
        assertThat(file.batch().rowCount()).isZero();
        assertThat(file.batch().currency()).isEqualTo(OrderFileReader.DEFAULT_CURRENCY);
        assertThat(file.earliest()).isEmpty();
    }

    // ---------------------------------------------------------------- order lines

    static final String ORDER_LINES = String.join("\n",
            "customer_id,order_id,timestamp,amount,status",   // 1
            "a,o1,2024-01-01,10.00,paid",                     // 2
            "b,o2,2024-01-02,1.00,paid",                      // 3
            "a,o1,2024-01-01,2.00,delivered",                 // 4 same category: another line of o1
            "a,o1,2024-01-01T00:00:01Z,1.00,paid",            // 5 timestamp differs
            "a,o1,2024-01-01,1.00,pending",                   // 6 status differs
            "b,o1,2024-01-01,1.00,paid",                      // 7 customer differs
            "a,o1,2024-01-01,-3.00,paid",                     // 8 a negative line of o1
            "b,o2,2024-01-02,-5.00,paid",                     // 9 o2 turns into a return
            "");

    @Test
    void sumsTheLinesOfAnOrderAndRejectsConflictingLinesNamingTheFirstLine() throws IOException {
        OrderFile file = read(ORDER_LINES);

        assertThat(seen.rejected).containsExactly(
                new Reported(5, Rejection.CONFLICTING_LINE,
                        "timestamp differs from line 2, the first line of the same order"),
                new Reported(6, Rejection.CONFLICTING_LINE,
                        "status differs from line 2, the first line of the same order"),
                new Reported(7, Rejection.CONFLICTING_LINE,
                        "customer_id differs from line 2, the first line of the same order"));
        OrderBatch batch = file.batch();
        assertThat(batch.rowCount()).isEqualTo(2);
        int a = onlyRowOf(batch, "a");
        assertThat(batch.netMinor(a)).isEqualTo(1000 + 200 - 300);
        assertThat(batch.sourceTag(a)).hasValue(2);
        int b = onlyRowOf(batch, "b");
        assertThat(batch.netMinor(b)).isEqualTo(-400);
        assertThat(batch.isReturn(b)).isTrue();
        assertThat(batch.sourceTag(b)).hasValue(3);
        assertThat(file.rowsUsed()).isEqualTo(5);
        // returnRows counts the used rows with a negative amount (lines 8 and 9), as documented; the
        // batch has one return: o2, whose total is negative
        assertThat(file.returnRows()).isEqualTo(2);
        assertThat(batch.returnCount()).isEqualTo(1);
        assertAccountedFor(file, seen);
    }

    @Test
    void ordersSharingAnInstantAreRankedByTheirIdentifiers() throws IOException {
        OrderFile file = read("customer_id,order_id,timestamp,amount\n"
                + "a,o-b,2024-01-01T10:00:00Z,1\n"
                + "a,o-a,2024-01-01T10:00:00Z,2\n");

        OrderBatch batch = file.batch();
        // rows in file order; ranks in identifier order
        assertThat(batch.orderRank(0)).hasValue(1);
        assertThat(batch.orderRank(1)).hasValue(0);
    }

    // ---------------------------------------------------------------- currencies

    static final String CURRENCIES = String.join("\n",
            "customer_id,timestamp,amount,currency",   // 1
            "a,2024-01-01,1.00,USD",                   // 2
            "b,2024-01-01,2.00,EUR",                   // 3
            "c,2024-01-01,3.00,usd",                   // 4
            "d,2024-01-01,4.00,GBP",                   // 5
            "e,2024-01-01,5.00,EUR",                   // 6
            "");

    @Test
    void countsRowsInOtherCurrenciesByCurrencyWhenNoneIsChosen() throws IOException {
        OrderFile file = read(CURRENCIES);

        assertThat(file.batch().currency()).isEqualTo(USD);
        assertThat(file.otherCurrencies()).containsExactly(Map.entry(EUR, 2L),
                Map.entry(Currency.getInstance("GBP"), 1L));
        assertThat(file.rowsUsed()).isEqualTo(2);
        assertThat(seen.rejected).isEmpty();
        assertAccountedFor(file, seen);
    }

    @Test
    void rejectsRowsInOtherCurrenciesThanTheChosenOne() throws IOException {
        OrderFile file = read(reader(Optional.of(EUR), Map.of(), Optional.empty()), CURRENCIES);

        assertThat(file.batch().currency()).isEqualTo(EUR);
        assertThat(file.otherCurrencies()).isEmpty();
        assertThat(seen.rejected).extracting(Reported::line).containsExactly(2L, 4L, 5L);
        assertThat(seen.rejected).extracting(Reported::kind).containsOnly(Rejection.OTHER_CURRENCY);
        assertThat(seen.rejected.get(0).reason()).startsWith("currency USD is not the currency of this run, EUR");
        assertThat(file.rowsUsed()).isEqualTo(2);
        assertAccountedFor(file, seen);
    }

    // ---------------------------------------------------------------- rows not used leave nothing behind

    @Test
    void aCustomerSeenOnlyInRowsOfAnotherCurrencyIsNotInTheBatch() throws IOException {
        OrderFile file = read(CURRENCIES);

        // b, d and e have rows in EUR and GBP only: set aside, so not customers of the USD batch
        assertThat(file.batch().rowCount()).isEqualTo(2);
        assertThat(file.batch().customerCount()).isEqualTo(2);
    }

    @Test
    void aCustomerSeenOnlyInRejectedRowsIsNotInTheBatch() throws IOException {
        OrderFile file = read("customer_id,order_id,timestamp,amount\n"
                + "a,o1,2024-01-01,1.00\n"
                + "zed,o1,2024-01-01,1.00\n");   // rejected: another customer than o1's first line

        assertThat(seen.rejected).extracting(Reported::kind).containsExactly(Rejection.CONFLICTING_LINE);
        assertThat(file.batch().rowCount()).isEqualTo(1);
        assertThat(file.batch().customerCount()).isEqualTo(1);
    }
}
