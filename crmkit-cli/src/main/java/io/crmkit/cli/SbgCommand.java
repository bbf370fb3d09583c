package io.crmkit.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.clv.Estimate;
import io.crmkit.metrics.clv.FitOptions;
import io.crmkit.metrics.clv.ModelFit;
import io.crmkit.metrics.clv.ModelFitException;
import io.crmkit.metrics.clv.SbgModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crmkit clv sbg}: the shifted-beta-geometric model of contractual retention (Fader and
 * Hardie 2007) fitted to one cohort's survivor counts, with fitted and projected survivors,
 * retention rates and churn probabilities per period.
 */
@Command(name = "sbg", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Contractual retention: fit the sBG model to a cohort's survivor counts and project them.",
        description = {"The input CSV has the header period,survivors: period 0 with the cohort size, then one row"
            + " per following period (consecutive, from 0) with the number still active at its start (not"
            + " increasing). Prints per period: period, survivors (empty when projected), expected_survivors,"
            + " retention_rate (of period t: survivors(t) / survivors(t - 1) under the model) and churn_probability"
            + " (of a new customer churning in period t); alpha, beta and the log-likelihood on stderr or in the JSON."})
final class SbgCommand extends CrmkitCommand {

    @Option(names = {"-i", "--input"}, order = 1, required = true, paramLabel = "FILE",
            description = "The survivor counts (CSV with the header period,survivors).")
    Path input;

    @Option(names = "--project", order = 2, paramLabel = "N", defaultValue = "5",
            description = "Periods to project beyond the last observed one. Default: ${DEFAULT-VALUE}.")
    int project;

    @Option(names = "--format", order = 3, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    OutputFormat format;

    /**
     * Creates the command; picocli fills its options.
     */
    SbgCommand() {
    }

    @Override
    public Integer call() throws IOException {
        if (project < 0 || project > 1000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--project must be between 0 and 1000: " + project);
        }
        long[] survivors = read();
        SbgModel m;
        try {
            m = SbgModel.fit(survivors, FitOptions.defaults());
        } catch (ModelFitException | IllegalArgumentException e) {
            throw new CommandFailedException("sbg: " + e.getMessage());
        }
        ModelFit fit = m.fit().orElseThrow();
        Definitions d = new Definitions();
        d.put("command", "clv sbg");
        d.put("model", SbgModel.NAME);
        d.put("cohort_size", survivors[0]);
        d.put("periods_observed", survivors.length - 1);
        for (Estimate e : m.parameters()) {
            d.put(e.name(), e.value());
            if (e.standardError().isPresent()) {
                d.put(e.name() + "_standard_error", e.standardError().getAsDouble());
            }
        }
        d.put("log_likelihood", fit.logLikelihood());
        d.put("converged", fit.report().converged());
        ListRows rows = new ListRows(List.of(Column.number("period", 0), Column.number("survivors", 0),
                Column.number("expected_survivors", 2), Column.number("retention_rate", 4),
                Column.number("churn_probability", 4)));
        for (int t = 0; t < survivors.length + project; t++) {
            rows.add(t, t < survivors.length ? (Object) survivors[t] : null, survivors[0] * m.survival(t),
                    t == 0 ? null : (Object) m.retentionRate(t), t == 0 ? null : (Object) m.churnProbability(t));
        }
        ResultWriter.write(format, d, rows, out(), err());
        return CrmkitCli.EXIT_OK;
    }

    private long[] read() throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new CommandFailedException(input + ": no such file");
        }
        List<Long> counts = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            List<String> header = ((CsvSchema) it.getParserSchema()).getColumnNames();
            if (!header.contains("period") || !header.contains("survivors")) {
                throw new CommandFailedException(input + ": the header must have the columns period and survivors, has "
                        + header);
            }
            while (it.hasNextValue()) {
                long line = it.getCurrentLocation().getLineNr();
                Map<String, String> row = it.nextValue();
                long period = integer(row.get("period"), "period", line);
                if (period != counts.size()) {
                    throw new CommandFailedException(input + " line " + line + ": period " + period
                            + " is not the next period (" + counts.size() + "); periods run 0, 1, 2, ...");
                }
                counts.add(integer(row.get("survivors"), "survivors", line));
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new CommandFailedException(input + ": not a readable CSV file: " + e.getOriginalMessage());
        }
        return counts.stream().mapToLong(Long::longValue).toArray();
    }

    private long integer(String text, String field, long line) {
        try {
            long v = Long.parseLong(text == null ? "" : text.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CommandFailedException(input + " line " + line + ": " + field + " '" + text
                    + "' is not a non-negative whole number");
        }
    }
}
