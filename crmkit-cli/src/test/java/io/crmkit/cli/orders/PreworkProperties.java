package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.OrderBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The splitting thread decodes timestamps and amounts ahead of the reader only when the reader is
 * busy; otherwise the reader decodes them. Which thread decodes a row must not show: the same file
 * read with the values always decoded ahead and never decoded ahead gives the same batch, counts,
 * rejections and messages, row for row, on files with bad values, float noise, returns, guests,
 * quoted cells and several currencies, large enough to span several blocks.
 */
class PreworkProperties {

    @Provide
    Arbitrary<String> rows() {
        Arbitrary<String> customer = Arbitraries.oneOf(Arbitraries.integers().between(1, 40).map(i -> "c" + i),
                Arbitraries.of("", "\"c7\"", "\"c\"\"8\"", " c9 "));
        Arbitrary<String> timestamp = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 800).map(d -> java.time.LocalDate.ofEpochDay(19_000 + d).toString()),
                Arbitraries.integers().between(0, 86_399).map(s -> "2023-05-0" + (1 + s % 9) + "T"
                        + java.time.LocalTime.ofSecondOfDay(s)),
                Arbitraries.of("2023-02-30", "yesterday", "", "\"2023-01-05\"", "2023-13-01"));
        Arbitrary<String> amount = Arbitraries.oneOf(
                Arbitraries.integers().between(-5_000, 90_000).map(c -> String.format("%d.%02d", c / 100,
                        Math.abs(c % 100)).replace("0.-", "-0.")),
                Arbitraries.of("118.22999999999999", "12.345", "abc", "", "\"1,000.50\"", "7", "-0.00", "1e3"));
        Arbitrary<String> currency = Arbitraries.of("USD", "USD", "USD", "EUR", "JPY", "XXX", "");
        return Combinators.combine(customer, timestamp, amount, currency)
                .as((c, t, a, cur) -> c + "," + t + "," + a + "," + cur);
    }

    @Property(tries = 25)
    void whereValuesAreDecodedDoesNotShow(@ForAll("fileRows") List<String> rows, @ForAll boolean currencyColumn,
            @ForAll boolean chosenCurrency, @ForAll boolean rounding) {
        StringBuilder file = new StringBuilder(currencyColumn ? "customer_id,timestamp,amount,currency\n"
                : "customer_id,timestamp,amount\n");
        for (String row : rows) {
            file.append(currencyColumn ? row : row.substring(0, row.lastIndexOf(','))).append('\n');
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        String always = read(bytes, OrderFileReader.Prework.ALWAYS, chosenCurrency, rounding);
        String never = read(bytes, OrderFileReader.Prework.NEVER, chosenCurrency, rounding);
        String balanced = read(bytes, OrderFileReader.Prework.BALANCED, chosenCurrency, rounding);
        assertThat(never).isEqualTo(always);
        assertThat(balanced).isEqualTo(always);
    }

    @Provide
    Arbitrary<List<String>> fileRows() {
        // 20,000 to 60,000 rows: about 0.6 to 2 MB, several blocks of the splitting thread
        return rows().list().ofMinSize(20_000).ofMaxSize(60_000);
    }

    /** Reads a file and renders everything the reader reports, row by row. */
    private static String read(byte[] bytes, OrderFileReader.Prework mode, boolean chosenCurrency, boolean rounding) {
        OrderFileReader reader = new OrderFileReader(ZoneId.of("Europe/Berlin"),
                chosenCurrency ? Optional.of(java.util.Currency.getInstance("USD")) : Optional.empty(),
                StatusMapping.defaults(), Map.of(), rounding ? Optional.of(RoundingMode.HALF_EVEN) : Optional.empty());
        reader.prework(mode);
        List<String> events = new ArrayList<>();
        OrderFile file;
        try {
            file = reader.read(new ByteArrayInputStream(bytes), new ReadListener() {
                @Override
                public void warning(String message) {
                    events.add("warning " + message);
                }

                @Override
                public void rejected(long line, Rejection kind, String reason) {
                    events.add("rejected " + line + " " + kind + " " + reason);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder();
        events.forEach(e -> out.append(e).append('\n'));
        out.append(file.rowsRead()).append(' ').append(file.rowsRejected()).append(' ').append(file.rejectedByKind())
                .append(' ').append(file.guestRows()).append(' ').append(file.returnRows()).append(' ')
                .append(file.otherCurrencies()).append(' ').append(file.noiseRounded()).append(' ')
                .append(file.modeRounded()).append(' ').append(file.earliest()).append(' ').append(file.latest())
                .append('\n');
        OrderBatch b = file.batch();
        out.append(b.currency()).append(' ').append(b.customerCount()).append('\n');
        for (int r = 0; r < b.rowCount(); r++) {
            out.append(b.customerId(b.customerIndex(r)).value()).append(',').append(b.placedAtMicros(r)).append(',')
                    .append(b.category(r)).append(',').append(b.grossMinor(r)).append(',').append(b.netMinor(r))
                    .append(',').append(b.sourceTag(r)).append('\n');
        }
        return out.toString();
    }
}
