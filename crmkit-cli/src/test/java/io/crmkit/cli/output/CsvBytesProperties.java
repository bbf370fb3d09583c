package io.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * CSV cells written as bytes are the texts of {@link Cells} and of the quoting rule, UTF-8 encoded:
 * whole numbers, money (the shortcut through hundredths), any double, any text, and texts repeated
 * by identity (kept encoded per column).
 */
class CsvBytesProperties {

    @Provide
    Arbitrary<Double> numbers() {
        Arbitrary<Double> money = Arbitraries.longs().between(-10_000_000_000_000L, 10_000_000_000_000L)
                .map(cents -> cents / 100.0);
        Arbitrary<Double> smallMoney = Arbitraries.integers().between(-100_000, 100_000).map(cents -> cents / 100.0);
        Arbitrary<Double> ratios = Arbitraries.integers().between(-100_000, 100_000)
                .flatMap(a -> Arbitraries.integers().between(1, 9_999).map(b -> (double) a / b));
        Arbitrary<Double> near = smallMoney.map(m -> Math.nextUp(m));
        Arbitrary<Double> any = Arbitraries.doubles();
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble);
        return Arbitraries.oneOf(money, smallMoney, ratios, near, any, bits);
    }

    @Property(tries = 5000)
    void aDoubleIsItsNaturalText(@ForAll("numbers") double value, @ForAll @IntRange(min = 0, max = 10) int decimals) {
        CsvBytes b = new CsvBytes(4);
        b.natural(value, decimals);
        assertThat(b.text()).isEqualTo(Cells.natural(value, Column.number("x", decimals)));
    }

    @Property(tries = 2000)
    void aLongIsItsDigits(@ForAll long value) {
        CsvBytes b = new CsvBytes(4);
        b.number(value);
        b.number(value % 1000);
        assertThat(b.text()).isEqualTo(Long.toString(value) + (value % 1000));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.chars().range(' ', '~'),
                Arbitraries.of(',', '"', '\\', '#', '\t', '\n', '\r', 'é', 'ü', '€', '中', '\u0000'));
        Arbitrary<String> surrogates = Arbitraries.of("😀", "a😀b", "\"😀\"");
        // short texts and long ones (a warning's reasons are a few hundred characters)
        return Arbitraries.oneOf(chars.list().ofMaxSize(12).map(l -> {
            StringBuilder s = new StringBuilder();
            l.forEach(s::append);
            return s.toString();
        }), chars.list().ofMinSize(28).ofMaxSize(90).map(l -> {
            StringBuilder s = new StringBuilder();
            l.forEach(s::append);
            return s.toString();
        }), surrogates, surrogates.map(x -> "a long text before the emoji, " + x + ", and after it"));
    }

    /** The quoting rule, spelled out: quoted when a character is at most ',' or a backslash, quotes doubled. */
    private static String quoted(String text) {
        boolean quote = text.chars().anyMatch(ch -> ch <= ',' || ch == '\\');
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    @Property(tries = 2000)
    void aTextIsQuotedAndEncoded(@ForAll("texts") String text) {
        CsvBytes b = new CsvBytes(2);
        b.text(text);
        assertThat(b.text()).isEqualTo(quoted(text));
        assertThat(java.util.Arrays.copyOf(b.array(), b.length())).isEqualTo(quoted(text).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void rowsOfRepeatedAndDistinctTextsAreTheirCells(@ForAll @Size(min = 1, max = 6) List<@From("texts") String> few,
            @ForAll @IntRange(min = 0, max = 200) int rowCount, @ForAll @IntRange(min = 1, max = 40) int manyPerFew) {
        // column 0: a new text instance per row; column 1: a few instances repeated; column 2: money
        List<Column> columns = List.of(Column.text("id"), Column.text("label"), Column.number("m", 2));
        List<Object[]> data = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            data.add(new Object[] {new String("id" + (r * manyPerFew)), few.get(r % few.size()), r / 100.0});
        }
        ResultRows rows = new ResultRows() {
            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public int size() {
                return data.size();
            }

            @Override
            public Object value(int row, int column) {
                return data.get(row)[column];
            }
        };
        CsvBytes b = new CsvBytes(8);
        int half = rowCount / 2;
        b.rows(rows, columns, false, 0, half);
        b.rows(rows, columns, false, half, rowCount);
        StringBuilder expected = new StringBuilder();
        for (Object[] row : data) {
            expected.append(quoted((String) row[0])).append(',').append(quoted((String) row[1])).append(',')
                    .append(Cells.natural(row[2], columns.get(2))).append('\n');
        }
        assertThat(b.text()).isEqualTo(expected.toString());
    }
}
