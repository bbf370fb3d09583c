package io.crmkit.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.finance.DatedCashFlow;
import io.crmkit.metrics.finance.DayCount;
import io.crmkit.metrics.finance.Irr;
import io.crmkit.metrics.finance.Npv;
import io.crmkit.metrics.finance.Payback;
import io.crmkit.metrics.finance.RateResult;
import io.crmkit.metrics.finance.StandardDayCount;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crmkit finance}: NPV, XNPV, IRR, XIRR, MIRR and payback of cash flows given as arguments
 * or as a CSV file, printing the value and the convention used (and, for IRR and XIRR, every rate
 * found).
 */
@Command(name = "finance", mixinStandardHelpOptions = true,
        header = "Financial evaluation of cash flows: npv, xnpv, irr, xirr, mirr, payback.",
        description = {"Periodic flows are given in time order (t = 0, 1, 2...) as arguments or in the `amount`"
            + " column of a CSV file; dated flows as DATE=AMOUNT arguments or the `date,amount` columns of a CSV"
            + " file. Every flow must be readable: a skipped flow would change the answer, so a bad one fails the"
            + " run (exit 1) naming its line. Put -- before flows that start with a minus sign if they are"
            + " mistaken for options."},
        subcommands = {FinanceCommand.NpvCommand.class, FinanceCommand.XnpvCommand.class,
            FinanceCommand.IrrCommand.class, FinanceCommand.XirrCommand.class, FinanceCommand.MirrCommand.class,
            FinanceCommand.PaybackCommand.class})
public final class FinanceCommand implements Runnable {

    /**
     * Creates the command group.
     */
    public FinanceCommand() {
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "name a calculation: npv, xnpv, irr, xirr, mirr or payback");
    }

    /** Options shared by every finance calculation: where the flows come from and the format. */
    abstract static class FlowCommand extends CrmkitCommand {

        @Option(names = {"-i", "--input"}, paramLabel = "FILE", order = 1,
                description = "CSV file with a header: `amount` (periodic flows, in time order) or `date,amount`"
                    + " (dated flows). Instead of flows as arguments.")
        Path input;

        @Option(names = "--format", paramLabel = "table|csv|json|xlsx", defaultValue = "table", order = 20,
                description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                    + " ${DEFAULT-VALUE}.")
        OutputFormat format;

        @Parameters(paramLabel = "FLOW", arity = "0..*",
                description = "The flows: numbers (periodic) or DATE=AMOUNT (dated), in time order.")
        List<String> flows = new ArrayList<>();

        /** Reads periodic flows from the arguments or the file. */
        double[] periodic() throws IOException {
            List<String[]> rows = rows(false);
            double[] out = new double[rows.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = number(rows.get(i)[1], rows.get(i)[0]);
            }
            return out;
        }

        /** Reads dated flows from the arguments or the file. */
        List<DatedCashFlow> dated() throws IOException {
            List<DatedCashFlow> out = new ArrayList<>();
            for (String[] row : rows(true)) {
                try {
                    out.add(DatedCashFlow.of(LocalDate.parse(row[2]), number(row[1], row[0])));
                } catch (DateTimeParseException e) {
                    throw new CommandFailedException(row[0] + ": date '" + row[2] + "' is not an ISO date such as"
                            + " 2026-03-31");
                }
            }
            return out;
        }

        /** Returns {where, amount text, date text} per flow. */
        private List<String[]> rows(boolean withDates) throws IOException {
            if (input != null && !flows.isEmpty()) {
                throw new CommandFailedException("give the flows either as arguments or with --input, not both");
            }
            List<String[]> rows = new ArrayList<>();
            if (input == null) {
                for (int k = 0; k < flows.size(); k++) {
                    String f = flows.get(k);
                    String where = "flow " + (k + 1);
                    if (withDates) {
                        int eq = f.indexOf('=');
                        if (eq < 0) {
                            throw new CommandFailedException(where + " '" + f + "' must be DATE=AMOUNT");
                        }
                        rows.add(new String[] {where, f.substring(eq + 1), f.substring(0, eq)});
                    } else {
                        rows.add(new String[] {where, f, null});
                    }
                }
            } else {
                readCsv(withDates, rows);
            }
            if (rows.isEmpty()) {
                throw new CommandFailedException("no flows: give them as arguments or with --input");
            }
            return rows;
        }

        private void readCsv(boolean withDates, List<String[]> rows) throws IOException {
            CsvMapper mapper = new CsvMapper();
            try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                    MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                            .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
                List<String> header = ((CsvSchema) it.getParserSchema()).getColumnNames();
                if (!header.contains("amount") || (withDates && !header.contains("date"))) {
                    throw new CommandFailedException(input + ": the header must have " + (withDates
                            ? "the columns date and amount" : "an amount column") + ", has " + header);
                }
                while (it.hasNextValue()) {
                    long line = it.getCurrentLocation().getLineNr();
                    Map<String, String> row = it.nextValue();
                    rows.add(new String[] {"line " + line, row.get("amount"), row.get("date")});
                }
            }
        }

        private static double number(String text, String where) {
            if (text == null || text.isBlank()) {
                throw new CommandFailedException(where + ": the amount is missing");
            }
            try {
                double v = new BigDecimal(text.strip()).doubleValue();
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new CommandFailedException(where + ": amount '" + text + "' is not a decimal number");
            }
        }

        Definitions definitions(String calculation, String convention, int flowCount) {
            Definitions d = new Definitions();
            d.put("command", "finance " + calculation);
            d.put("convention", convention);
            d.put("flows", flowCount);
            d.put("flows_from", input == null ? "arguments" : input.toString());
            return d;
        }

        /** Prints the rates of an IRR or XIRR; no rate is a failed computation (exit 1). */
        int printRates(RateResult result, Definitions d) throws IOException {
            d.put("sign_changes", result.signChanges());
            d.put("result", result instanceof RateResult.NoRoot n ? "no rate: " + n.reason()
                    : result.rates().size() == 1 ? "one rate"
                    : result.rates().size() + " rates: choose one (for example the one nearest your hurdle rate)");
            if (result instanceof RateResult.NoRoot none) {
                d.printTo(err());
                note("no rate makes the NPV zero: " + none.reason());
                return CrmkitCli.EXIT_FAILED;
            }
            ListRows rows = new ListRows(List.of(Column.number("rate", 10)));
            result.rates().forEach(rows::add);
            ResultWriter.write(format, d, rows, out(), err());
            return CrmkitCli.EXIT_OK;
        }
    }

    /** {@code crmkit finance npv}. */
    @Command(name = "npv", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Net present value of periodic flows, in a named convention.")
    static final class NpvCommand extends FlowCommand {

        /** The two NPV conventions. */
        enum Convention {
            /** The first flow at t = 0, undiscounted (textbook, numpy-financial). */
            T0,
            /** Every flow discounted from t = 1 (Excel, LibreOffice, Apache POI). */
            EXCEL
        }

        @Option(names = "--rate", required = true, order = 2, paramLabel = "R",
                description = "Discount rate per period, as a fraction (0.08 for 8 %%).")
        double rate;

        @Option(names = "--convention", defaultValue = "t0", order = 3, paramLabel = "t0|excel",
                description = "t0: the first flow at time 0, undiscounted; excel: every flow discounted from t = 1"
                    + " (Excel's NPV). Default: ${DEFAULT-VALUE}.")
        Convention convention;

        @Override
        public Integer call() throws IOException {
            double[] v = periodic();
            double npv = convention == Convention.T0 ? Npv.fromTimeZero(rate, v) : Npv.excel(rate, v);
            Definitions d = definitions("npv", convention == Convention.T0
                    ? "t0: sum of v_t / (1 + r)^t for t = 0..n-1 (the first flow undiscounted)"
                    : "excel: sum of v_t / (1 + r)^t for t = 1..n (every flow discounted, as Excel's NPV)", v.length);
            d.put("rate", rate);
            ResultWriter.write(format, d, new ListRows(List.of(Column.number("npv", 2))).add(npv), out(), err());
            return CrmkitCli.EXIT_OK;
        }
    }

    /** {@code crmkit finance xnpv}. */
    @Command(name = "xnpv", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Net present value of dated flows (Excel's XNPV).")
    static final class XnpvCommand extends FlowCommand {

        @Option(names = "--rate", required = true, order = 2, paramLabel = "R",
                description = "Annual discount rate, as a fraction.")
        double rate;

        @Option(names = "--day-count", defaultValue = "actual_365_fixed", order = 3,
                paramLabel = "actual_365_fixed|actual_360", description = "Day count. Default: ${DEFAULT-VALUE}.")
        StandardDayCount dayCount;

        @Override
        public Integer call() throws IOException {
            List<DatedCashFlow> v = dated();
            double npv = Npv.xnpv(rate, v, dayCount);
            Definitions d = definitions("xnpv", "sum of v_i / (1 + r)^(years from the first date, "
                    + KpiCommand.lower(dayCount) + "); the first flow must carry the earliest date", v.size());
            d.put("rate", rate);
            ResultWriter.write(format, d, new ListRows(List.of(Column.number("xnpv", 2))).add(npv), out(), err());
            return CrmkitCli.EXIT_OK;
        }
    }

    /** {@code crmkit finance irr}. */
    @Command(name = "irr", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Internal rate of return of periodic flows: every rate above -100 %%.")
    static final class IrrCommand extends FlowCommand {
        @Override
        public Integer call() throws IOException {
            double[] v = periodic();
            return printRates(Irr.irr(v), definitions("irr", "rates r > -1 with sum of v_t / (1 + r)^t = 0,"
                    + " t = 0..n-1; every root bracketed, none guessed", v.length));
        }
    }

    /** {@code crmkit finance xirr}. */
    @Command(name = "xirr", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Internal rate of return of dated flows (Excel's XIRR): every rate above -100 %%.")
    static final class XirrCommand extends FlowCommand {

        @Option(names = "--day-count", defaultValue = "actual_365_fixed", order = 3,
                paramLabel = "actual_365_fixed|actual_360", description = "Day count. Default: ${DEFAULT-VALUE}.")
        StandardDayCount dayCount;

        @Override
        public Integer call() throws IOException {
            List<DatedCashFlow> v = dated();
            DayCount dc = dayCount;
            return printRates(Irr.xirr(v, dc), definitions("xirr", "annual rates r > -1 with XNPV(r) = 0 ("
                    + KpiCommand.lower(dayCount) + ")", v.size()));
        }
    }

    /** {@code crmkit finance mirr}. */
    @Command(name = "mirr", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Modified internal rate of return of periodic flows.")
    static final class MirrCommand extends FlowCommand {

        @Option(names = "--finance-rate", required = true, order = 2, paramLabel = "R",
                description = "Rate paid on the money invested, per period.")
        double financeRate;

        @Option(names = "--reinvest-rate", required = true, order = 3, paramLabel = "R",
                description = "Rate earned on the money received, per period.")
        double reinvestRate;

        @Override
        public Integer call() throws IOException {
            double[] v = periodic();
            double mirr = Irr.mirr(v, financeRate, reinvestRate);
            Definitions d = definitions("mirr", "(FV of positive flows at the reinvest rate / -PV of negative flows"
                    + " at the finance rate)^(1/(n-1)) - 1; zero flows count as periods", v.length);
            d.put("finance_rate", financeRate);
            d.put("reinvest_rate", reinvestRate);
            ResultWriter.write(format, d, new ListRows(List.of(Column.number("mirr", 10))).add(mirr), out(), err());
            return CrmkitCli.EXIT_OK;
        }
    }

    /** {@code crmkit finance payback}. */
    @Command(name = "payback", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Payback period of periodic flows, simple and discounted.")
    static final class PaybackCommand extends FlowCommand {

        @Option(names = "--discount-rate", order = 2, paramLabel = "R",
                description = "Also compute the discounted payback at this rate per period.")
        Double discountRate;

        @Override
        public Integer call() throws IOException {
            double[] v = periodic();
            Definitions d = definitions("payback", "the final crossing of the cumulative flow from negative to"
                    + " non-negative, interpolated within the period; empty when it never pays back", v.length);
            List<Column> columns = new ArrayList<>(List.of(Column.number("payback_periods", 4)));
            Object simple = KpiCommand.cell(Payback.simple(v));
            Object discounted = null;
            if (discountRate != null) {
                columns.add(Column.number("discounted_payback_periods", 4));
                d.put("discount_rate", discountRate);
                OptionalDouble p = Payback.discounted(discountRate, v);
                discounted = KpiCommand.cell(p);
            }
            ListRows rows = new ListRows(columns);
            if (discountRate != null) {
                rows.add(simple, discounted);
            } else {
                rows.add(simple);
            }
            ResultWriter.write(format, d, rows, out(), err());
            return CrmkitCli.EXIT_OK;
        }
    }
}
