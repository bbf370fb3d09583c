package io.crmkit.cli;

import io.crmkit.core.CustomerId;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.quality.CustomerRecord;
import io.crmkit.quality.match.Agreement;
import io.crmkit.quality.match.BlockingKey;
import io.crmkit.quality.match.Cluster;
import io.crmkit.quality.match.DuplicateFinder;
import io.crmkit.quality.match.MatchOptions;
import io.crmkit.quality.match.MatchResult;
import io.crmkit.quality.match.ScoredPair;
import io.crmkit.quality.match.WeightEstimate;
import io.crmkit.quality.merge.FieldChange;
import io.crmkit.quality.merge.MergePlan;
import io.crmkit.quality.merge.MergePlanner;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit duplicates}: the duplicate customer records of a customers file, each pair with its
 * score and reasons, or the clusters with a proposed merge; nothing is merged.
 */
@Command(name = "duplicates", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Duplicate customers found and explained: pairs with score and reasons, or clusters; nothing merged.",
        description = {"Reads --customers (CSV: customer_id and any of first_name, last_name, name, email, phone,"
            + " street, city, postal_code, country, birth_date, company; optionally source and updated_at)."
            + " Prints left_id,right_id,score,reasons for every pair scoring at least --threshold (the match"
            + " probability of a Fellegi-Sunter model with stated weights, see ADR 0060), values masked in the"
            + " reasons unless --reveal. Households (same family name and phone, e-mail or street, another first"
            + " name) and namesakes (same name, other contacts) are never reported as duplicates; --pairs"
            + " household or --pairs namesake lists them instead.",
            "--clusters prints cluster,size,min_score,members,survivor,changes instead: the records taken to be one"
                + " customer (guarded against chaining), the record that would survive (most recent, then most"
                + " complete) and the fields it would take from the others. A proposal only: crmkit changes nothing."})
public final class DuplicatesCommand extends CrmkitCommand {

    /** Which pairs to print. */
    enum PairSelection { DUPLICATE, HOUSEHOLD, NAMESAKE }

    @Mixin
    private CustomerInputOptions input;

    @Option(names = "--threshold", order = 2, paramLabel = "X", defaultValue = "0.9",
            description = "Least match probability of a reported duplicate, in (0, 1). Default: ${DEFAULT-VALUE}.")
    private double threshold;

    @Option(names = "--format", order = 3, paramLabel = "csv|table|json|xlsx", defaultValue = "csv",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Option(names = "--clusters", order = 4, description = "Print clusters with a proposed merge instead of pairs. Every pair inside a"
            + " cluster scores at least the threshold and is no household.")
    private boolean clusters;

    @Option(names = "--pairs", order = 5, paramLabel = "duplicate|household|namesake", defaultValue = "duplicate",
            description = "Which pairs to print. Default: ${DEFAULT-VALUE}.")
    private PairSelection pairs;

    @Option(names = "--max-block-size", order = 7, paramLabel = "N", defaultValue = "100",
            description = "Blocks of more records sharing a key are skipped (and counted). Default: ${DEFAULT-VALUE}.")
    private int maxBlockSize;

    @Option(names = "--estimate-weights", order = 8,
            description = "Estimate the m/u probabilities by EM over this file's candidate pairs instead of the"
                + " documented fixed ones (ADR 0060); the estimate is printed with the definitions.")
    private boolean estimateWeights;

    @Option(names = "--reveal", order = 9,
            description = "Show the compared values in full in the reasons (personal data) instead of masked.")
    private boolean reveal;

    /**
     * Creates the command; picocli fills its options.
     */
    public DuplicatesCommand() {
    }

    @Override
    public Integer call() throws IOException {
        MatchOptions options;
        try {
            options = MatchOptions.builder().threshold(threshold).defaultRegion(input.defaultRegion())
                    .maxBlockSize(maxBlockSize).build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        Optional<CustomerFile.Rows> read = input.read(this);
        if (read.isEmpty()) {
            return CrmkitCli.EXIT_FAILED;
        }
        CustomerFile.Rows rows = read.get();
        Definitions d = new Definitions();
        d.put("command", "duplicates");
        if (estimateWeights) {
            WeightEstimate estimate;
            try {
                estimate = DuplicateFinder.create(options).estimateWeights(rows.records(), 200);
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException("cannot estimate weights: " + e.getMessage());
            }
            options = estimate.options();
            d.put("weights", String.format(Locale.ROOT, "estimated by EM over %d candidate pairs (%d iterations,%s"
                    + " converged; match share %.4f): %s", estimate.candidatePairs(), estimate.iterations(),
                    estimate.converged() ? "" : " not", estimate.matchShare(), weights(options)));
        } else {
            d.put("weights", "documented fixed m/u (ADR 0060): " + weights(options));
        }
        MatchResult result = DuplicateFinder.create(options).find(rows.records());
        d.put("model", options.describe());
        d.put("score", "match probability 1/(1+2^-(w+log2(prior/(1-prior)))), w the sum of the reasons' weights"
                + " in bits (log2 m/u of each field's level; 0 for a field missing on a side)");
        d.put("blocking", "records sharing a key (" + blockingKeys() + "); blocks over " + options.maxBlockSize()
                + " records skipped");
        ListRows out;
        if (clusters) {
            out = clusterRows(result, rows.records());
        } else {
            out = new ListRows(List.of(Column.text("left_id"), Column.text("right_id"), Column.number("score", 4),
                    Column.text("reasons")));
            List<ScoredPair> chosen = switch (pairs) {
                case DUPLICATE -> result.duplicates();
                case HOUSEHOLD -> result.households();
                case NAMESAKE -> result.namesakes();
            };
            for (ScoredPair p : chosen) {
                out.add(p.left().value(), p.right().value(), round(p.score()), p.reasonsText(reveal));
            }
        }
        ResultWriter.write(format, d, out, out(), err());
        long over = result.blocking().totalOversizedBlocks();
        if (over > 0) {
            warn(over + " blocks had more than " + options.maxBlockSize() + " records and were skipped ("
                    + result.blocking().recordsInOversizedBlocks().entrySet().stream().filter(e -> e.getValue() > 0)
                            .map(e -> e.getKey().label() + ": " + result.blocking().oversizedBlocks().get(e.getKey())
                                    + " blocks, " + e.getValue() + " records")
                            .collect(Collectors.joining("; "))
                    + "); pairs found only through them are missed; raise --max-block-size to compare them");
        }
        if (result.unreadablePhones() > 0 || result.unreadableEmails() > 0) {
            warn(result.unreadablePhones() + " phones and " + result.unreadableEmails() + " e-mails could not be read"
                    + " and were not compared" + (options.defaultRegion().equals("ZZ")
                        ? " (national phone numbers need --default-region)" : ""));
        }
        long unkeyed = result.blocking().unkeyedRecords();
        if (unkeyed > 0) {
            warn(unkeyed + " records had no blocking key (no e-mail, phone, name with birth date, name with postal"
                    + " code, or name with city and street) and were compared with no other record");
        }
        note(String.format(Locale.ROOT, "%d of %d rows rejected; %d records read, %d of them without a blocking key"
                + " and not compared; %d candidate pairs scored;"
                + " %d duplicate pairs, %d household pairs, %d namesake pairs; %d clusters (%d pairs kept out by the"
                + " chaining guard)", rows.rejected(), rows.read(), result.records(), unkeyed,
                result.blocking().candidatePairs(), result.duplicates().size(), result.households().size(),
                result.namesakes().size(), result.clusters().size(), result.guardRefusals()));
        return CrmkitCli.EXIT_OK;
    }

    private ListRows clusterRows(MatchResult result, List<CustomerRecord> records) {
        Map<CustomerId, CustomerRecord> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.id(), r));
        MergePlanner planner = MergePlanner.defaults();
        ListRows out = new ListRows(List.of(Column.number("cluster", 0), Column.number("size", 0),
                Column.number("min_score", 4), Column.text("members"), Column.text("survivor"), Column.text("changes")));
        int n = 0;
        for (Cluster c : result.clusters()) {
            MergePlan plan = planner.plan(c, byId);
            String changes = plan.changes().stream().map(DuplicatesCommand::change).collect(Collectors.joining("; "));
            out.add(++n, c.members().size(), round(c.minScore()),
                    c.members().stream().map(CustomerId::value).collect(Collectors.joining(" ")), plan.survivor().value(),
                    changes);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static String weights(MatchOptions options) {
        return java.util.Arrays.stream(Agreement.values()).map(a -> String.format(Locale.ROOT, "%s %+.2f",
                a.name().toLowerCase(Locale.ROOT), options.weight(a))).collect(Collectors.joining(", "));
    }

    private static String change(FieldChange c) {
        return c.field().column() + "<-" + c.from().value();
    }

    private static String blockingKeys() {
        return java.util.Arrays.stream(BlockingKey.values()).map(BlockingKey::label).collect(Collectors.joining(", "));
    }
}
