package io.crmkit.segmentation.lifecycle;

import java.util.Arrays;

/**
 * Purchase rhythms of every customer at one as-of day: each customer's purchases on or before it,
 * their own median gap where they have enough gaps, and the population quantile of gaps.
 * Internal; built on the common fork-join pool for many customers, immutable after.
 */
final class Rhythms {

    /** Largest gap, in days, that the pooled histogram holds before falling back to a sort. */
    private static final int HISTOGRAM_LIMIT = 1 << 22;
    /** Slices of the customers whose gaps are counted at once by {@link #populationQuantile}. */
    static final int CHUNKS = 4;

    final int asOfDay;
    /** Purchases on or before the as-of day. */
    final int[] count;
    /** The customer's rhythm in days, 0 for prospects. */
    final double[] rhythm;
    final byte[] source;
    final double population;
    final boolean populationKnown;

    private Rhythms(int asOfDay, int[] count, double[] rhythm, byte[] source, double population,
            boolean populationKnown) {
        this.asOfDay = asOfDay;
        this.count = count;
        this.rhythm = rhythm;
        this.source = source;
        this.population = population;
        this.populationKnown = populationKnown;
    }

    static int[] counts(PurchaseTimelines t, int asOfDay) {
        int n = t.size();
        int[] count = new int[n];
        ChurnFeatures.forEachRange(n, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                count[i] = t.countUntil(i, asOfDay);
            }
        });
        return count;
    }

    static Rhythms of(PurchaseTimelines t, int asOfDay, RhythmOptions options) {
        int n = t.size();
        int[] count = counts(t, asOfDay);
        int[] off = t.offsets;
        int[] days = t.days;
        double population = populationQuantile(t, count, options.populationQuantile());
        boolean known = !Double.isNaN(population);
        double[] rhythm = new double[n];
        byte[] source = new byte[n];
        // each customer's median gap depends on its own days only: ranges of customers in parallel
        ChurnFeatures.forEachRange(n, (lo, hi) -> {
            int[] scratch = new int[16];
            for (int i = lo; i < hi; i++) {
                int k = count[i];
                if (k == 0) {
                    source[i] = (byte) RhythmSource.NONE.ordinal();
                    continue;
                }
                int gaps = k - 1;
                if (gaps >= options.minimumGaps()) {
                    if (scratch.length < gaps) {
                        scratch = new int[Math.max(gaps, scratch.length * 2)];
                    }
                    int from = off[i];
                    for (int j = 0; j < gaps; j++) {
                        scratch[j] = days[from + j + 1] - days[from + j];
                    }
                    Arrays.sort(scratch, 0, gaps);
                    rhythm[i] = (gaps & 1) == 1 ? scratch[gaps / 2]
                            : (scratch[gaps / 2 - 1] + (double) scratch[gaps / 2]) / 2;
                    source[i] = (byte) RhythmSource.OWN.ordinal();
                } else if (known) {
                    rhythm[i] = population;
                    source[i] = (byte) RhythmSource.POPULATION.ordinal();
                } else {
                    rhythm[i] = options.fallbackDays();
                    source[i] = (byte) RhythmSource.FALLBACK.ordinal();
                }
            }
        });
        return new Rhythms(asOfDay, count, rhythm, source, population, known);
    }

    /** The R type-7 quantile of every gap on or before the as-of day, NaN when there is none. */
    static double populationQuantile(PurchaseTimelines t, int[] count, double q) {
        int[] off = t.offsets;
        int[] days = t.days;
        // the largest gap and the number of gaps, then the histogram of the gaps, each over CHUNKS
        // slices of the customers at once (from PARALLEL_FROM customers on), summed
        int n = count.length;
        int chunks = n >= ChurnFeatures.PARALLEL_FROM ? CHUNKS : 1;
        long[] chunkTotal = new long[chunks];
        int[] chunkMax = new int[chunks];
        ChurnFeatures.inChunks(n, chunks, (c, from, to) -> {
            long total = 0;
            int max = 0;
            for (int i = from; i < to; i++) {
                int first = off[i];
                for (int j = 1; j < count[i]; j++) {
                    max = Math.max(max, days[first + j] - days[first + j - 1]);
                }
                total += Math.max(0, count[i] - 1);
            }
            chunkTotal[c] = total;
            chunkMax[c] = max;
        });
        long total = 0;
        int max = 0;
        for (int c = 0; c < chunks; c++) {
            total += chunkTotal[c];
            max = Math.max(max, chunkMax[c]);
        }
        if (total == 0) {
            return Double.NaN;
        }
        double h = (total - 1) * q;
        long lo = (long) Math.floor(h);
        long hi = Math.min(total - 1, lo + 1);
        if (max <= HISTOGRAM_LIMIT) {
            int size = max + 1;
            long[][] partial = new long[chunks][];
            ChurnFeatures.inChunks(n, chunks, (c, from, to) -> {
                long[] own = new long[size];
                for (int i = from; i < to; i++) {
                    int first = off[i];
                    for (int j = 1; j < count[i]; j++) {
                        own[days[first + j] - days[first + j - 1]]++;
                    }
                }
                partial[c] = own;
            });
            long[] histogram = partial[0];
            for (int c = 1; c < chunks; c++) {
                for (int g = 0; g < size; g++) {
                    histogram[g] += partial[c][g];
                }
            }
            int loValue = -1;
            int hiValue = -1;
            long cumulative = 0;
            for (int g = 0; g <= max && hiValue < 0; g++) {
                cumulative += histogram[g];
                if (loValue < 0 && cumulative > lo) {
                    loValue = g;
                }
                if (cumulative > hi) {
                    hiValue = g;
                }
            }
            return loValue + (h - lo) * (hiValue - loValue);
        }
        int[] all = new int[Math.toIntExact(total)];
        int k = 0;
        for (int i = 0; i < count.length; i++) {
            int from = off[i];
            for (int j = 1; j < count[i]; j++) {
                all[k++] = days[from + j] - days[from + j - 1];
            }
        }
        Arrays.sort(all);
        return all[(int) lo] + (h - lo) * (all[(int) hi] - all[(int) lo]);
    }

    RhythmSource source(int i) {
        return RhythmSource.values()[source[i]];
    }
}
