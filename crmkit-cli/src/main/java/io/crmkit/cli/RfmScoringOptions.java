package io.crmkit.cli;

import io.crmkit.cli.output.OutputFormat;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.MonetaryMeasure;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.segment.SegmentMap;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Currency;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code crmkit rfm} beyond the input: {@code --as-of}, {@code --bins},
 * {@code --binning}, {@code --segments}, {@code --summary}, {@code --monetary},
 * {@code --purchase-unit} and {@code --format}, and the summary options, scoring options and segment
 * map they define. One declaration for {@code crmkit rfm} and the Spark local jar's {@code rfm},
 * which takes the same options. Used as a picocli mixin; filled by picocli, not thread-safe.
 */
public final class RfmScoringOptions {

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE|DATE-TIME",
            converter = AsOfArgument.Converter.class,
            description = {"Observation point (required: never 'today'). A date counts orders through the end of"
                + " that day and measures recency in whole days, the R rfm package's analysis date; a date-time"
                + " counts orders before it and measures exact time."})
    AsOfArgument asOf;

    @Option(names = "--bins", order = 11, paramLabel = "N", defaultValue = "5",
            description = "Bins per dimension, 2 to 9. Default: ${DEFAULT-VALUE}.")
    int bins;

    @Option(names = "--binning", order = 12, paramLabel = "METHOD", defaultValue = "quantile",
            converter = RfmBinningArgument.Converter.class,
            description = {"quantile (value quantiles, R type 7; quantile:T for type T), r-rfm (the R rfm"
                + " package's rule), ntile (equal counts, ties broken by customer id), tied-ranks, percent-ranks,"
                + " or thresholds:R/F/M (comma-separated per dimension; a value on a threshold goes up); or one"
                + " method per dimension, such as r=quantile,f=ntile,m=quantile (the Spark local jar takes the"
                + " value methods only: quantile, r-rfm, thresholds). Default: ${DEFAULT-VALUE}."})
    RfmBinningArgument binning;

    @Option(names = "--segments", order = 13, paramLabel = "r-rfm|eleven|rf-grid|FILE", defaultValue = "eleven",
            description = {"Segment map: r-rfm (the R rfm vignette's), eleven (125 codes, 11 segments), rf-grid"
                + " (recency x frequency), or a file of lines segment,r,f,m with ranges such as 4-5 or *, the"
                + " first match winning. Default: ${DEFAULT-VALUE}."})
    String segments;

    @Option(names = "--summary", order = 14,
            description = "Print the segment table instead of the customers.")
    boolean summary;

    @Option(names = "--monetary", order = 15, paramLabel = "sum|mean", defaultValue = "sum",
            description = "Monetary value scored: total revenue or revenue per purchase. Default: ${DEFAULT-VALUE}.")
    MonetaryMeasure monetary;

    @Mixin
    PurchaseUnitOption purchaseUnit;

    @Option(names = "--format", order = 17, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    OutputFormat format;

    /**
     * Creates the options; picocli fills them.
     */
    public RfmScoringOptions() {
    }

    /**
     * Returns the scoring options: {@code --binning} with {@code --bins} on every dimension and
     * {@code --monetary}. Checked before any file is read.
     *
     * @return the options, never null
     * @throws CommandFailedException if {@code --bins} is not 2 to 9, or the dimensions' numbers of
     *     bins differ (a segment map needs the same number on every dimension)
     */
    public RfmOptions rfmOptions() {
        if (bins < 2 || bins > 9) {
            throw new CommandFailedException("--bins must be 2 to 9: " + bins);
        }
        RfmOptions.Builder rfm = RfmOptions.builder().monetaryMeasure(monetary);
        for (Dimension d : Dimension.values()) {
            rfm.binning(d, binning.binning(d, bins));
        }
        RfmOptions options = rfm.build();
        int mapBins = options.binning(Dimension.RECENCY).bins();
        for (Dimension d : Dimension.values()) {
            if (options.binning(d).bins() != mapBins) {
                throw new CommandFailedException("the thresholds give " + options.binning(d).bins() + " " + d
                        + " bins and " + mapBins + " recency bins; segment maps need the same number on every"
                        + " dimension");
            }
        }
        return options;
    }

    /**
     * Returns the summary options of the run: the as-of point of {@code --as-of} in the zone, the
     * purchase unit, net revenue and the currency.
     *
     * @param zone the zone of calendar days, not null
     * @param currency the run's currency, not null
     * @return the options, never null
     */
    public PurchaseHistoryOptions summaryOptions(ZoneId zone, Currency currency) {
        return PurchaseHistoryOptions.builder(asOf.resolve(zone))
                .zone(zone)
                .purchaseUnit(purchaseUnit.unit())
                .revenueBasis(RevenueBasis.NET)
                .currency(currency)
                .build();
    }

    /**
     * Returns the segment map of {@code --segments} for the number of bins.
     *
     * @param mapBins the bins of every dimension
     * @return the map, never null
     * @throws IOException if the map file cannot be read
     */
    public SegmentMap segmentMap(int mapBins) throws IOException {
        return new RfmSegmentsArgument(segments).map(mapBins);
    }

    /**
     * Returns {@code --segments} as given (a preset name or a file).
     *
     * @return the text, never null once picocli has parsed the command line
     */
    public String segments() {
        return segments;
    }

    /**
     * Returns {@code --summary}.
     *
     * @return true to print the segment table instead of the customers
     */
    public boolean summary() {
        return summary;
    }

    /**
     * Returns {@code --purchase-unit}.
     *
     * @return the purchase unit, never null once picocli has parsed the command line
     */
    public PurchaseUnit purchaseUnit() {
        return purchaseUnit.unit();
    }

    /**
     * Returns {@code --format}.
     *
     * @return the output format, never null once picocli has parsed the command line
     */
    public OutputFormat format() {
        return format;
    }
}
