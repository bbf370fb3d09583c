package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import io.crmkit.core.order.OrderStatus;

/**
 * Coverage-guided fuzzing of the CSV readers (Jazzer): the batch order reader, the streaming order
 * reader and the ledger reader. In a normal build each runs the inputs kept under
 * {@code CsvReaderFuzzTestInputs/<method>} (seeds and findings); with {@code JAZZER_FUZZ=1} (the
 * {@code fuzz} profile) it fuzzes. The only exception that may escape is
 * {@link InvalidInputException} (a file that cannot be read at all: no header, a missing column);
 * every data row is accounted for: used, a guest row, in another currency, or reported once with
 * its line.
 */
class CsvReaderFuzzTest {

    /** Counts the rows reported as rejected. */
    private static final class Counting implements ReadListener {
        long rejected;

        @Override
        public void warning(String message) {
        }

        @Override
        public void rejected(long line, Rejection kind, String reason) {
            assertThat(line).isPositive();
            assertThat(reason).isNotBlank();
            rejected++;
        }
    }

    @FuzzTest(maxDuration = "15s")
    void orderFile(FuzzedDataProvider data) throws IOException {
        boolean rounding = data.consumeBoolean();
        int max = data.consumeInt(1, 4096);
        byte[] bytes = data.consumeRemainingAsBytes();
        Counting listener = new Counting();
        OrderFile f;
        try {
            f = new OrderFileReader(ZoneOffset.UTC, Optional.empty(), StatusMapping.defaults(), Map.of(),
                    rounding ? Optional.of(RoundingMode.HALF_EVEN) : Optional.empty(), max)
                    .read(new ByteArrayInputStream(bytes), listener);
        } catch (InvalidInputException e) {
            return;
        }
        assertThat(f.rowsRejected()).isEqualTo(listener.rejected);
        assertThat(f.rowsUsed() + f.guestRows() + f.rowsInOtherCurrencies() + f.rowsRejected()).isEqualTo(f.rowsRead());
        assertThat(f.rowsUsed()).isNotNegative();
        assertThat(f.batch().rowCount()).isLessThanOrEqualTo((int) f.rowsUsed());
    }

    @FuzzTest(maxDuration = "15s")
    void streamedOrderFile(FuzzedDataProvider data) throws IOException {
        int max = data.consumeInt(1, 4096);
        byte[] bytes = data.consumeRemainingAsBytes();
        Counting listener = new Counting();
        long[] accepted = new long[1];
        StreamedInput in;
        try {
            in = new OrderCsvReader(ZoneOffset.UTC, Optional.empty(), StatusMapping.defaults(), Map.of(),
                    Optional.empty(), max).stream(new ByteArrayInputStream(bytes), listener, new OrderRowConsumer() {
                        @Override
                        public void accept(int line, String orderId, String customerId, Instant placedAt,
                                long amountMinor, Currency currency, OrderStatus status) {
                            assertThat(line).isPositive();
                            accepted[0]++;
                        }
                    });
        } catch (InvalidInputException e) {
            return;
        }
        assertThat(in.rowsRejected()).isEqualTo(listener.rejected);
        assertThat(in.rowsUsed()).isLessThanOrEqualTo(accepted[0]);
        assertThat(in.rowsRejected()).isLessThanOrEqualTo(in.rowsRead());
    }

    @FuzzTest(maxDuration = "15s")
    void ledgerFiles(FuzzedDataProvider data) throws IOException {
        byte[] invoices = data.consumeBytes(data.consumeInt(0, 4096));
        byte[] payments = data.consumeRemainingAsBytes();
        Path dir = Files.createTempDirectory("ledger-fuzz");
        try {
            Path inv = Files.write(dir.resolve("invoices.csv"), invoices);
            Path pay = Files.write(dir.resolve("payments.csv"), payments);
            Counting listener = new Counting();
            LedgerCsvReader.LedgerInput read;
            try {
                read = new LedgerCsvReader(Optional.empty(), listener).read(inv, pay, Optional.empty());
            } catch (InvalidInputException e) {
                return;
            }
            long rejected = read.invoices().rowsRejected() + read.payments().rowsRejected();
            assertThat(rejected).isEqualTo(listener.rejected);
            assertThat(read.invoices().records().size() + read.invoices().rowsRejected())
                    .isEqualTo(read.invoices().rowsRead());
            assertThat(read.payments().records().size() + read.payments().rowsRejected())
                    .isEqualTo(read.payments().rowsRead());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
