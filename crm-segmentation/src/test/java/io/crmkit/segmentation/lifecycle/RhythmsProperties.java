package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Purchase rhythms against their definition, recomputed here from the purchase days on or before
 * the as-of date: a customer's own rhythm is the median of their gaps when they have at least
 * {@code minimumGaps} of them; otherwise the population's, the R type-7 quantile of every gap of
 * every customer; otherwise (nobody has a gap) the fallback; a customer without a purchase by then
 * has none.
 */
class RhythmsProperties {

    /** R's type-7 quantile: the order statistics at floor(h) and ceil(h), h = (n - 1) q, interpolated. */
    private static double type7(int[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void check(PurchaseTimelines t, LocalDate asOf, RhythmOptions options) {
        int day = (int) asOf.toEpochDay();
        Rhythms r = Rhythms.of(t, day, options);
        List<Integer> all = new ArrayList<>();
        List<int[]> gapsOf = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            List<LocalDate> days = t.purchaseDays(i).stream().filter(d -> !d.isAfter(asOf)).toList();
            assertThat(r.count[i]).isEqualTo(days.size());
            int[] gaps = new int[Math.max(0, days.size() - 1)];
            for (int j = 0; j < gaps.length; j++) {
                gaps[j] = (int) (days.get(j + 1).toEpochDay() - days.get(j).toEpochDay());
                all.add(gaps[j]);
            }
            gapsOf.add(gaps);
        }
        int[] sorted = all.stream().mapToInt(Integer::intValue).sorted().toArray();
        if (sorted.length == 0) {
            assertThat(r.population).isNaN();
        } else {
            assertThat(r.population).isEqualTo(type7(sorted, options.populationQuantile()));
        }
        for (int i = 0; i < t.size(); i++) {
            int[] gaps = gapsOf.get(i).clone();
            Arrays.sort(gaps);
            if (r.count[i] == 0) {
                assertThat(r.source(i)).isEqualTo(RhythmSource.NONE);
            } else if (gaps.length >= options.minimumGaps()) {
                int g = gaps.length;
                double median = g % 2 == 1 ? gaps[g / 2] : (gaps[g / 2 - 1] + (double) gaps[g / 2]) / 2;
                assertThat(r.source(i)).isEqualTo(RhythmSource.OWN);
                assertThat(r.rhythm[i]).isEqualTo(median);
            } else if (sorted.length > 0) {
                assertThat(r.source(i)).isEqualTo(RhythmSource.POPULATION);
                assertThat(r.rhythm[i]).isEqualTo(r.population);
            } else {
                assertThat(r.source(i)).isEqualTo(RhythmSource.FALLBACK);
                assertThat(r.rhythm[i]).isEqualTo(options.fallbackDays());
            }
        }
    }

    @Property(tries = 300)
    void rhythmsFollowTheirDefinition(@ForAll("buys") List<LifecycleProperties.Buy> buys,
            @ForAll @IntRange(min = 0, max = 450) int asOf, @ForAll @IntRange(min = 1, max = 4) int minimumGaps,
            @ForAll @DoubleRange(min = 0, max = 1) double quantile) {
        check(LifecycleProperties.timelines(buys, 2), LifecycleProperties.START.plusDays(asOf),
                new RhythmOptions(minimumGaps, quantile, 30));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<LifecycleProperties.Buy>> buys() {
        return new LifecycleProperties().buys();
    }

    @Example
    void gapsOfThousandsOfYearsAreRankedWithoutAHistogram() {
        // gaps above the histogram's limit (2^22 days, about 11,500 years) take the sorting path
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(LifecycleProperties.BY_DAY);
        Currency eur = Currency.getInstance("EUR");
        LocalDate start = LocalDate.of(2000, 1, 1);
        int[][] offsets = {{0, 5_000_000, 5_000_010}, {3, 4_200_000}, {7, 9, 30, 4_500_000}};
        for (int c = 0; c < offsets.length; c++) {
            for (int d : offsets[c]) {
                b.add(CustomerId.of("c" + c), start.plusDays(d).atStartOfDay().toInstant(ZoneOffset.UTC),
                        OrderStatusCategory.COMPLETED, 100, eur);
            }
        }
        PurchaseTimelines t = b.build();
        LocalDate end = start.plusDays(6_000_000);
        for (double q : new double[] {0, 0.2, 0.5, 0.9, 1}) {
            check(t, end, new RhythmOptions(3, q, 30));
        }
        Rhythms r = Rhythms.of(t, (int) end.toEpochDay(), new RhythmOptions(3, 0.5, 30));
        // gaps 5,000,000, 10, 4,199,997, 2, 21, 4,499,970: the median of six is halfway between 21 and 4,199,997
        assertThat(r.population).isEqualTo((21 + 4_199_997) / 2.0);
    }
}
