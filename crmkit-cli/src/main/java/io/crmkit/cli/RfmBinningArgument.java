package io.crmkit.cli;

import io.crmkit.segmentation.rfm.Binning;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.QuantileEstimator;
import io.crmkit.segmentation.rfm.Side;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --binning} value of {@code crmkit rfm}: {@code quantile} (R type 7; {@code quantile:T}
 * for type T of 1 to 9), {@code r-rfm}, {@code ntile}, {@code tied-ranks}, {@code percent-ranks},
 * or {@code thresholds:R/F/M} with comma-separated non-decreasing thresholds per dimension, a value
 * equal to a threshold going to the upper bin (the R {@code rfm} package's custom thresholds), e.g.
 * {@code thresholds:115,181,297,482/4,5,6,8/256,382,506,666}; or one method per dimension,
 * {@code r=quantile,f=ntile,m=quantile} (the common pandas recipe of {@code qcut} for recency and
 * monetary value and ranks for frequency, in one run).
 *
 * @param text the value as given, not null
 */
public record RfmBinningArgument(String text) {

    /**
     * Returns the binning of a dimension.
     *
     * @param dimension the dimension, not null
     * @param bins the number of bins, 2 to 9 (thresholds have their own)
     * @return the binning, never null
     * @throws IllegalArgumentException if the value or the bins are invalid
     */
    public Binning binning(Dimension dimension, int bins) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("=")) {
            return perDimension(dimension).binning(dimension, bins);
        }
        if (t.equals("quantile") || t.equals("quantiles")) {
            return Binning.quantiles(bins);
        }
        if (t.startsWith("quantile:")) {
            return Binning.quantiles(bins, QuantileEstimator.ofType(Integer.parseInt(t.substring(9).strip())));
        }
        return switch (t) {
            case "r-rfm" -> Binning.rRfm(bins);
            case "ntile" -> Binning.ntile(bins);
            case "tied-ranks" -> Binning.tiedRanks(bins);
            case "percent-ranks" -> Binning.percentRanks(bins);
            default -> thresholds(dimension);
        };
    }

    /**
     * The method of one dimension in the per-dimension form {@code r=METHOD,f=METHOD,m=METHOD}
     * (each of r, f and m named once, in any order; the methods as above, thresholds excepted).
     */
    private RfmBinningArgument perDimension(Dimension dimension) {
        String wanted = dimension.name().substring(0, 1).toLowerCase(Locale.ROOT);
        String found = null;
        java.util.Set<String> named = new java.util.HashSet<>();
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not DIMENSION=METHOD");
            }
            String d = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String method = part.substring(eq + 1).strip();
            if (!List.of("r", "f", "m").contains(d)) {
                throw new IllegalArgumentException("unknown dimension '" + d + "' (r, f, m)");
            }
            if (!named.add(d)) {
                throw new IllegalArgumentException("dimension " + d + " is named twice");
            }
            if (method.contains("=") || method.toLowerCase(Locale.ROOT).startsWith("thresholds")) {
                throw new IllegalArgumentException("per dimension, the method is quantile, quantile:TYPE, r-rfm, ntile,"
                        + " tied-ranks or percent-ranks (thresholds:R/F/M sets all three): '" + method + "'");
            }
            if (d.equals(wanted)) {
                found = method;
            }
        }
        if (named.size() != 3) {
            throw new IllegalArgumentException("name the method of each of r, f and m, such as"
                    + " r=quantile,f=ntile,m=quantile");
        }
        return new RfmBinningArgument(found);
    }

    private Binning thresholds(Dimension dimension) {
        String[] lists = text.substring("thresholds:".length()).split("/", -1);
        String[] values = lists[dimension.ordinal()].split(",");
        double[] v = new double[values.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = Double.parseDouble(values[j].strip());
        }
        return Binning.thresholds(Side.UPPER, v);
    }

    /** Checks the syntax when the option is parsed, so that a bad value is a usage error. */
    public static final class Converter implements ITypeConverter<RfmBinningArgument> {

        /** Creates the converter. */
        public Converter() {
        }

        @Override
        public RfmBinningArgument convert(String value) {
            RfmBinningArgument arg = new RfmBinningArgument(value.strip());
            String t = arg.text().toLowerCase(Locale.ROOT);
            if (t.startsWith("thresholds:") && t.substring(11).split("/", -1).length != 3) {
                throw new TypeConversionException("thresholds need three lists, R/F/M, such as"
                        + " thresholds:115,181,297,482/4,5,6,8/256,382,506,666");
            }
            try {
                for (Dimension d : Dimension.values()) {
                    arg.binning(d, 5);
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new TypeConversionException("'" + value + "' is not quantile, quantile:TYPE, r-rfm, ntile,"
                        + " tied-ranks, percent-ranks, thresholds:R/F/M or r=METHOD,f=METHOD,m=METHOD ("
                        + e.getMessage() + ")");
            }
            return arg;
        }
    }
}
