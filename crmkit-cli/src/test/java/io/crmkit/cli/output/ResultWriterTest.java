package io.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultWriterTest {

    private static final List<Column> COLUMNS = List.of(Column.text("id"), Column.text("day"), Column.number("n", 0),
            Column.number("value", 2), Column.number("amount", 2));

    private static final Object[][] DATA = {
        {"a", LocalDate.of(2024, 1, 2), 3, 38.857142857142854, new BigDecimal("12.50")},
        {"b, \"quoted\"", null, 12, 272.0, new BigDecimal("0.05")},
        {"c", LocalDate.of(2024, 1, 3), 0, 1e-7, new BigDecimal("1000")},
    };

    private static final ResultRows ROWS = new ResultRows() {
        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public int size() {
            return DATA.length;
        }

        @Override
        public Object value(int row, int column) {
            return DATA[row][column];
        }
    };

    private static final Definitions DEFINITIONS = new Definitions().put("as_of", "end of 2024-01-31")
            .put("rows_read", 3L).put("counted", List.of("completed", "open"))
            .put("labels", Map.of("paid", "completed")).put("strict", false);

    private record Output(String out, String err) {
    }

    private static Output write(OutputFormat format) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ResultWriter.write(format, DEFINITIONS, ROWS, new PrintWriter(out), new PrintWriter(err));
        return new Output(out.toString(), err.toString());
    }

    @Test
    void tableAlignsTextLeftAndNumbersRightAndRoundsDoubles() throws IOException {
        Output o = write(OutputFormat.TABLE);

        assertThat(o.out()).isEqualTo(String.join("\n",
                "id           day          n   value  amount",
                "a            2024-01-02   3   38.86   12.50",
                "b, \"quoted\"              12  272.00    0.05",
                "c            2024-01-03   0    0.00    1000",
                ""));
        assertThat(o.err()).isEqualTo(String.join("\n", "definitions:", "  as_of: end of 2024-01-31",
                "  rows_read: 3", "  counted: completed, open", "  labels: paid = completed", "  strict: false", ""));
    }

    @Test
    void csvQuotesWhereNeededAndKeepsFullPrecision() throws IOException {
        ResultWriter.precision(ResultWriter.Precision.FULL);
        Output o;
        try {
            o = write(OutputFormat.CSV);
        } finally {
            ResultWriter.resetPrecision();
        }

        assertThat(o.out()).isEqualTo(String.join("\n",
                "id,day,n,value,amount",
                "a,2024-01-02,3,38.857142857142854,12.50",
                "\"b, \"\"quoted\"\"\",,12,272,0.05",
                "c,2024-01-03,0,0.0000001,1000",
                ""));
        assertThat(o.err()).startsWith("definitions:\n");
    }

    @Test
    void csvNumbersHaveTheirNaturalPrecisionByDefault() throws IOException {
        Output o = write(OutputFormat.CSV);

        // 38.857142857142854 to six significant digits; money (a big decimal) at its scale
        assertThat(o.out()).isEqualTo(String.join("\n",
                "id,day,n,value,amount",
                "a,2024-01-02,3,38.8571,12.50",
                "\"b, \"\"quoted\"\"\",,12,272,0.05",
                "c,2024-01-03,0,0.0000001,1000",
                ""));
    }

    @Test
    void naturalPrecisionKeepsTheColumnsDecimalsWhenTheyAreMore() {
        Column money = Column.number("revenue", 2);
        Column rate = Column.number("rate", 4);

        assertThat(Cells.natural(156996.391, money)).isEqualTo("156996.39");
        assertThat(Cells.natural(23.723333333333333, money)).isEqualTo("23.7233");
        assertThat(Cells.natural(0.12345678, rate)).isEqualTo("0.123457");
        assertThat(Cells.natural(1234567.891, rate)).isEqualTo("1234567.891");
        assertThat(Cells.natural(-0.0000001, money)).isEqualTo("-0.0000001");
        assertThat(Cells.natural(272.0, rate)).isEqualTo("272");
        assertThat(Cells.natural(new java.math.BigDecimal("12.50"), money)).isEqualTo("12.50");
    }

    @Test
    void jsonIsOneDocumentWithNumbersAsNumbers() throws IOException {
        Output o = write(OutputFormat.JSON);

        JsonNode doc = new ObjectMapper().readTree(o.out());
        assertThat(o.err()).isEmpty();
        assertThat(doc.get("definitions").toString()).isEqualTo("{\"as_of\":\"end of 2024-01-31\",\"rows_read\":3,"
                + "\"counted\":[\"completed\",\"open\"],\"labels\":{\"paid\":\"completed\"},\"strict\":false}");
        assertThat(doc.get("columns").toString()).isEqualTo("[\"id\",\"day\",\"n\",\"value\",\"amount\"]");
        assertThat(doc.get("rows")).hasSize(3);
        assertThat(doc.get("rows").get(0).get("value").doubleValue()).isEqualTo(38.857142857142854);
        assertThat(doc.get("rows").get(1).get("day").isNull()).isTrue();
        assertThat(doc.get("rows").get(1).get("id").asText()).isEqualTo("b, \"quoted\"");
        assertThat(doc.get("rows").get(2).get("value").doubleValue()).isEqualTo(1e-7);
        assertThat(o.out()).endsWith("}\n");
    }

    @Test
    void selectShowsChosenRowsAndColumnsInTheGivenOrder() {
        ResultRows view = ROWS.select(new int[] {2, 0}, List.of("n", "id"));
        StringWriter out = new StringWriter();

        ResultWriter.table(view, new PrintWriter(out), "> ");

        assertThat(out.toString()).isEqualTo("> n  id\n> 0  c\n> 3  a\n");
        assertThatThrownBy(() -> ROWS.select(new int[0], List.of("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no column named missing");
    }
}
