package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --format xlsx}: on the CDNOW sample, every tabular command's workbook, read back with Apache
 * POI (the reference implementation of the format, independent of our writer), holds exactly the rows
 * of {@code --format csv --precision full}, numbers and dates as typed cells, and the definitions of
 * {@code --format json}.
 */
class XlsxFormatTest {

    @TempDir
    static Path dir;

    private static Path cdnow;

    @BeforeAll
    static void convertCdnow() throws IOException {
        cdnow = Cli.cdnowOrders(dir);
    }

    static Stream<List<String>> commands() {
        String in = "CDNOW";
        return Stream.of(
                List.of("summarize", "-i", in, "--as-of", "1998-06-30", "--purchase-unit", "day"),
                List.of("rfm", "-i", in, "--as-of", "1998-06-30"),
                List.of("kpi", "-i", in, "--from", "1997-01-01", "--to", "1997-12-31"),
                List.of("cohorts", "-i", in, "--from", "1997-01-01", "--to", "1997-12-31"),
                List.of("clv", "fit", "--model", "bg-nbd", "-i", in, "--calibration-end", "1997-09-30",
                        "--purchase-unit", "day"),
                List.of("clv", "predict", "-i", in, "--calibration-end", "1997-09-30", "--unit", "weeks",
                        "--purchase-unit", "day", "--horizon", "52w", "--discount-rate", "0.1", "--margin", "0.3"),
                List.of("churn-risk", "--input", in, "--as-of", "1997-12-31", "--horizon", "26w"),
                List.of("lifecycle", "--input", in, "--as-of", "1997-12-31"),
                List.of("due", "--input", in, "--as-of", "1997-12-31", "--from", "1998-01-01", "--to", "1998-01-31",
                        "--ignore-consent"));
    }

    private static String[] args(List<String> command, String... more) {
        List<String> all = new ArrayList<>();
        for (String a : command) {
            all.add(a.equals("CDNOW") ? cdnow.toString() : a);
        }
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void theWorkbookHoldsTheCsvRowsAndTheJsonDefinitions(List<String> command) throws IOException {
        Cli.Run csv = Cli.run(args(command, "--format", "csv", "--precision", "full"));
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        Cli.BinaryRun xlsx = Cli.runBinary(args(command, "--format", "xlsx"));
        assertThat(xlsx.exitCode()).as(xlsx.toString()).isZero();
        // nothing but notes on stderr: the definitions are inside the workbook
        assertThat(xlsx.err()).doesNotContain("definitions:");
        Cli.Run json = Cli.run(args(command, "--format", "json"));
        assertThat(json.exitCode()).as(json.toString()).isZero();

        List<List<String>> expected = csvRecords(csv.out());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.out()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            Sheet result = wb.getSheet("result");
            assertThat(result.getLastRowNum() + 1).as("header and rows").isEqualTo(expected.size());
            List<String> header = expected.get(0);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = result.getRow(0).getCell(c);
                assertThat(cell.getStringCellValue()).isEqualTo(header.get(c));
                assertThat(wb.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
            }
            for (int r = 1; r < expected.size(); r++) {
                Row row = result.getRow(r);
                List<String> want = expected.get(r);
                for (int c = 0; c < header.size(); c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    String where = "row " + r + " column " + header.get(c);
                    assertCell(cell, want.get(c), where);
                    // a JSON number is a numeric cell (text only beyond a double's digits); clv fit's
                    // JSON is the model document, without rows
                    JsonNode v = doc.has("rows") ? doc.get("rows").get(r - 1).get(header.get(c)) : null;
                    if (v == null) {
                        continue;
                    }
                    if (v.isNumber() && v.asText().replaceAll("[^0-9]", "").length() <= 15) {
                        assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                    } else if (v.isTextual()) {
                        assertThat(cell.getCellType() == CellType.STRING
                                || DateUtil.isCellDateFormatted(cell)).as(where + " text or date").isTrue();
                    }
                }
            }
            List<String> names = definitionNames(wb.getSheet("definitions"));
            if (command.get(0).equals("clv") && command.get(1).equals("fit")) {
                // clv fit's JSON is the model document with the definitions inside; its other
                // formats add the fit's figures (log_likelihood, converged, ...) to the definitions
                assertThat(names).containsAll(jsonDefinitionNames(json.out())).contains("log_likelihood", "converged");
            } else {
                assertThat(names).containsExactlyElementsOf(jsonDefinitionNames(json.out()));
            }
        }
    }

    /** A cell equals the CSV text: a number exactly (CSV at full precision), a date as its day, text as is. */
    private static void assertCell(Cell cell, String csv, String where) {
        if (csv.isEmpty()) {
            assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(where + " empty").isTrue();
            return;
        }
        assertThat(cell).as(where).isNotNull();
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).as(where).isEqualTo(LocalDate.parse(csv));
            } else {
                assertThat(cell.getNumericCellValue()).as(where).isEqualTo(Double.parseDouble(csv));
            }
        } else {
            assertThat(cell.getCellType()).as(where).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).as(where).isEqualTo(csv);
        }
    }

    private static List<List<String>> csvRecords(String text) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> records = new ArrayList<>();
        try (var it = mapper.readerFor(String[].class).<String[]>readValues(text)) {
            while (it.hasNext()) {
                records.add(List.of(it.next()));
            }
        }
        return records;
    }

    private static List<String> definitionNames(Sheet sheet) {
        List<String> names = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Cell first = row == null ? null : row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && !first.getStringCellValue().isEmpty()) {
                names.add(first.getStringCellValue());
            }
        }
        return names;
    }

    private static List<String> jsonDefinitionNames(String json) throws IOException {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(json).get("definitions").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aTerminalStdoutGetsAClearErrorAndNoBytes() {
        Cli.Run run = Cli.run(args(List.of("rfm", "-i", "CDNOW", "--as-of", "1998-06-30"), "--format", "xlsx"));
        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--format xlsx writes a binary workbook to stdout").contains("> result.xlsx");
    }

    @Test
    void columnsChooseTheSheetsColumnsAndDisplayFormatsFollowTheTable() throws IOException {
        Cli.BinaryRun run = Cli.runBinary(args(List.of("rfm", "-i", "CDNOW", "--as-of", "1998-06-30"), "--format",
                "xlsx", "--columns", "customer_id,monetary,r"));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(run.out()))) {
            Sheet result = wb.getSheet("result");
            Row header = result.getRow(0);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                    header.getCell(2).getStringCellValue())).containsExactly("customer_id", "monetary", "r");
            assertThat(header.getLastCellNum()).isEqualTo((short) 3);
            // the header row is frozen and filtered
            assertThat(result.getPaneInformation().isFreezePane()).isTrue();
            assertThat(result.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            Cell money = result.getRow(1).getCell(1);
            assertThat(money.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(new DataFormatter().formatCellValue(money)).matches("\\d+\\.\\d\\d");
            assertThat(result.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }
}
