package io.crmkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook writer: typed cells, no silent loss of digits, the format's limits, definitions. */
class XlsxTest {

    /** A result of the given shape whose every cell is the given value. */
    private static ResultRows rows(List<Column> columns, int size, Object[][] data) {
        return new ResultRows() {
            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public Object value(int row, int column) {
                return data == null ? "x" : data[row][column];
            }
        };
    }

    private static XSSFWorkbook write(Definitions d, ResultRows rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(d, rows, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void cellsAreTypedAndNoDigitIsLost() throws IOException {
        List<Column> columns = List.of(Column.text("id"), Column.text("day"), Column.number("n", 0),
                Column.number("rate", 2), Column.number("amount", 2), Column.number("big", 0));
        Object[][] data = {
            {"=1+1", LocalDate.of(2024, 2, 29), 3L, 0.1 + 0.2, new BigDecimal("12.50"), 9_007_199_254_740_993L},
            {"b", null, Integer.MIN_VALUE, -1e-300, new BigDecimal("12345678901234567.89"), 1L << 53},
        };
        try (XSSFWorkbook wb = write(new Definitions().put("as_of", "end of 2024-03-01"), rows(columns, 2, data))) {
            Sheet s = wb.getSheet("result");
            Cell formulaLike = s.getRow(1).getCell(0);
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo("=1+1");
            assertThat(s.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(s.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(3.0);
            // the full double, not the two decimals it is shown with
            assertThat(s.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(0.1 + 0.2);
            assertThat(s.getRow(1).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(s.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(12.5);
            assertThat(s.getRow(1).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            // 2^53 + 1 has no double: text with every digit
            assertThat(s.getRow(1).getCell(5).getStringCellValue()).isEqualTo("9007199254740993");
            assertThat(s.getRow(2).getCell(1)).isNull();
            assertThat(s.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(Integer.MIN_VALUE);
            assertThat(s.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(-1e-300);
            assertThat(s.getRow(2).getCell(4).getStringCellValue()).isEqualTo("12345678901234567.89");
            assertThat(s.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(0x1p53);
        }
    }

    @Property
    void aLongIsANumberExactlyOrTextNeverRounded(@ForAll long x) {
        double d = Xlsx.exactDouble(x);
        if (Double.isNaN(d)) {
            assertThat(Math.abs((double) x)).isGreaterThanOrEqualTo(0x1p53);
        } else {
            assertThat((long) d).isEqualTo(x);
        }
    }

    @Property
    void aDecimalIsANumberExactlyOrTextNeverRounded(
            @ForAll @BigRange(min = "-1e20", max = "1e20") BigDecimal x) {
        double d = Xlsx.exactDouble(x);
        if (!Double.isNaN(d)) {
            assertThat(new BigDecimal(Double.toString(d))).isEqualByComparingTo(x);
        }
        // money with at most 15 significant digits always fits
        BigDecimal money = x.setScale(2, java.math.RoundingMode.HALF_EVEN);
        if (money.precision() <= 15) {
            assertThat(Xlsx.exactDouble(money)).isNotNaN();
        }
    }

    @Test
    void aResultOverASheetsRowsIsRefusedBeforeAnyByte() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultRows tooMany = rows(List.of(Column.text("id")), 1_048_576, null);
        assertThatThrownBy(() -> Xlsx.write(new Definitions(), tooMany, out))
                .isInstanceOf(ResultWriter.XlsxException.class)
                .hasMessageContaining("1048576 rows, more than the 1048575 a sheet holds; use --format csv");
        assertThat(out.size()).isZero();
    }

    @Test
    void aCellOverExcelsLengthIsRefusedNamingItsRowAndColumn() {
        Object[][] data = {{"ok"}, {"y".repeat(Xlsx.MAX_CELL_CHARS + 1)}};
        assertThatThrownBy(() -> Xlsx.write(new Definitions(), rows(List.of(Column.text("reasons")), 2, data),
                new ByteArrayOutputStream()))
                .isInstanceOf(ResultWriter.XlsxException.class)
                .hasMessageContaining("column reasons of row 2 has 32768 characters");
    }

    @Test
    void definitionsKeepTheirTypesAndAMatrixIsATable() throws IOException {
        Map<String, Object> row1 = new LinkedHashMap<>();
        row1.put("active", 0.75);
        row1.put("lapsed", 0.25);
        Map<String, Object> row2 = new LinkedHashMap<>();
        row2.put("active", 0.1);
        row2.put("lapsed", 0.9);
        Map<String, Object> matrix = new LinkedHashMap<>();
        matrix.put("active", row1);
        matrix.put("lapsed", row2);
        Definitions d = new Definitions().put("rows_read", 6919L).put("strict", false)
                .put("counted", List.of("completed", "open")).put("transitions", matrix).put("after", "x");
        try (XSSFWorkbook wb = write(d, rows(List.of(Column.text("id")), 0, null))) {
            Sheet s = wb.getSheet("definitions");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("definition");
            assertThat(s.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(6919.0);
            assertThat(s.getRow(2).getCell(1).getBooleanCellValue()).isFalse();
            assertThat(s.getRow(3).getCell(1).getStringCellValue()).isEqualTo("completed, open");
            assertThat(s.getRow(4).getCell(0).getStringCellValue()).isEqualTo("transitions");
            assertThat(s.getRow(5).getCell(2).getStringCellValue()).isEqualTo("active");
            assertThat(s.getRow(5).getCell(3).getStringCellValue()).isEqualTo("lapsed");
            assertThat(s.getRow(7).getCell(1).getStringCellValue()).isEqualTo("lapsed");
            assertThat(s.getRow(7).getCell(3).getNumericCellValue()).isEqualTo(0.9);
            assertThat(s.getRow(8).getCell(0).getStringCellValue()).isEqualTo("after");
            // an empty result still has its header
            assertThat(wb.getSheet("result").getRow(0).getCell(0).getStringCellValue()).isEqualTo("id");
            assertThat(wb.getSheet("result").getLastRowNum()).isZero();
        }
    }
}
