package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * {@link NextPurchase#forecast} against the model its javadoc states, computed here from the
 * purchase days: log gaps normal within a customer (common variance {@code s2}), customer means
 * normal around {@code mu} (variance {@code t2}), estimated by moments (pooled mean of the log
 * gaps; within-customer sum of squares over its degrees of freedom; the sample variance of the
 * customer means less their expected noise, floored at 0; total variance and {@code t2 = 0} when
 * no customer has two gaps); posterior weight {@code w = n t2 / (n t2 + s2)}, centre
 * {@code w m + (1 - w) mu}, predictive log variance {@code s2 + w s2 / n}; the expected day is the
 * median of the gap conditioned on exceeding the days elapsed, checked through the log-normal
 * survival function (the forward direction: no inverse is used here), the interval its central
 * range rounded outwards.
 */
class NextPurchaseProperties {

    /** A customer buying about every {@code period} days, give or take {@code jitter}. */
    record Rhythm(int start, int period, int jitter, int purchases, long seed) {
    }

    @Provide
    Arbitrary<List<Rhythm>> rhythms() {
        return Combinators.combine(Arbitraries.integers().between(0, 100), Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(1, 9), Arbitraries.longs())
                .as(Rhythm::new).list().ofMinSize(1).ofMaxSize(12);
    }

    private static List<LifecycleProperties.Buy> buys(List<Rhythm> rhythms) {
        List<LifecycleProperties.Buy> buys = new ArrayList<>();
        for (int c = 0; c < rhythms.size(); c++) {
            Rhythm r = rhythms.get(c);
            Random random = new Random(r.seed());
            int day = r.start();
            for (int k = 0; k < r.purchases(); k++) {
                buys.add(new LifecycleProperties.Buy(c, day, 1_000));
                day += Math.max(1, r.period() + random.nextInt(2 * r.jitter() + 1) - r.jitter());
            }
        }
        return buys;
    }

    /** P(G > x) for a log-normal gap. */
    private static double survival(double x, double centre, double sd) {
        if (x <= 0) {
            return 1;
        }
        if (sd == 0) {
            return Math.log(x) < centre ? 1 : 0;
        }
        return 0.5 * Erfc.value((Math.log(x) - centre) / (sd * Math.sqrt(2)));
    }

    @Property(tries = 300)
    void forecastsFollowTheStatedNormalNormalModel(@ForAll("rhythms") List<Rhythm> rhythms,
            @ForAll @IntRange(min = 0, max = 700) int asOf, @ForAll @DoubleRange(min = 0.05, max = 0.99) double level) {
        PurchaseTimelines t = LifecycleProperties.timelines(buys(rhythms), 0);
        LocalDate date = LifecycleProperties.START.plusDays(asOf);
        NextPurchaseReport report = NextPurchase.forecast(t, new ForecastOptions(date, level));

        // the moments, from the purchase days on or before the as-of date
        List<double[]> logGaps = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        double sumLog = 0;
        int gapsAll = 0;
        for (int i = 0; i < t.size(); i++) {
            List<LocalDate> days = t.purchaseDays(i).stream().filter(d -> !d.isAfter(date)).toList();
            if (days.size() < 2) {
                assertThat(report.forecastOf(t.customerId(i))).isEmpty();
                continue;
            }
            double[] logs = new double[days.size() - 1];
            for (int j = 0; j < logs.length; j++) {
                logs[j] = Math.log(ChronoUnit.DAYS.between(days.get(j), days.get(j + 1)));
                sumLog += logs[j];
            }
            gapsAll += logs.length;
            logGaps.add(logs);
            rows.add(i);
        }
        assertThat(report.forecasts()).hasSize(rows.size());
        if (rows.isEmpty()) {
            return;
        }
        double mu = sumLog / gapsAll;
        int customers = rows.size();
        double[] mean = new double[customers];
        double within = 0;
        int degrees = 0;
        double total = 0;
        for (int c = 0; c < customers; c++) {
            double[] logs = logGaps.get(c);
            for (double l : logs) {
                mean[c] += l / logs.length;
                total += (l - mu) * (l - mu);
            }
            for (double l : logs) {
                within += (l - mean[c]) * (l - mean[c]);
            }
            degrees += logs.length - 1;
        }
        double s2;
        double t2;
        if (degrees == 0) {
            s2 = total / gapsAll;
            t2 = 0;
        } else {
            s2 = within / degrees;
            double meanOfMeans = 0;
            double noise = 0;
            for (int c = 0; c < customers; c++) {
                meanOfMeans += mean[c] / customers;
                noise += s2 / logGaps.get(c).length / customers;
            }
            double variance = 0;
            for (int c = 0; c < customers; c++) {
                variance += (mean[c] - meanOfMeans) * (mean[c] - meanOfMeans);
            }
            variance = customers > 1 ? variance / (customers - 1) : 0;
            t2 = Math.max(0, variance - noise);
        }
        assertThat(report.logMean()).isCloseTo(mu, within(1e-9));
        assertThat(report.withinVariance()).isCloseTo(s2, within(1e-9));
        assertThat(report.betweenVariance()).isCloseTo(t2, within(1e-9));

        double tail = (1 - level) / 2;
        for (int c = 0; c < customers; c++) {
            int i = rows.get(c);
            PurchaseForecast f = report.forecastOf(t.customerId(i)).orElseThrow();
            int n = logGaps.get(c).length;
            List<LocalDate> days = t.purchaseDays(i).stream().filter(d -> !d.isAfter(date)).toList();
            LocalDate last = days.get(days.size() - 1);
            assertThat(f.gaps()).isEqualTo(n);
            assertThat(f.lastPurchase()).isEqualTo(last);
            double w = n * t2 + s2 == 0 ? 1 : n * t2 / (n * t2 + s2);
            if (s2 > 1e-12 || t2 > 1e-12) {
                // (with no variance at all every gap is the same and the weight does not matter;
                // rounding then decides between 0/0 = 1 and a tiny s2 giving 0)
                assertThat(f.ownWeight()).isCloseTo(w, within(1e-9));
            }
            double centre = w * mean[c] + (1 - w) * mu;
            double sd = Math.sqrt(s2 + w * s2 / n);
            long elapsed = ChronoUnit.DAYS.between(last, date);
            double survivalElapsed = survival(elapsed, centre, sd);
            long expected = ChronoUnit.DAYS.between(last, f.expectedDate());
            long earliest = ChronoUnit.DAYS.between(last, f.earliest());
            long latest = ChronoUnit.DAYS.between(last, f.latest());
            String what = "customer " + i + ": centre " + centre + ", sd " + sd + ", elapsed " + elapsed;
            assertThat(expected).as(what).isGreaterThan(elapsed).isGreaterThanOrEqualTo(1);
            assertThat(earliest).as(what).isGreaterThan(elapsed).isLessThanOrEqualTo(expected);
            assertThat(latest).as(what).isGreaterThanOrEqualTo(expected);
            double median = f.expectedGapDays();
            if (sd == 0 || !(survivalElapsed > 0)) {
                // a point mass, or a gap beyond the tail double precision reaches: the next day at the earliest
                double point = Math.min(1e7, Math.max(Math.exp(centre), elapsed + 1.0));
                assertThat(median).as(what).isCloseTo(Math.max(1, point), within(1e-9 * point));
                continue;
            }
            if (survivalElapsed < 1e-12 || sd < 1e-6) {
                // too far in the tail, or a point mass blurred by rounding (equal gaps give an sd of
                // about 1e-16): the forward check below would divide rounding noise by the sd
                continue;
            }
            if (median > 1 && median < 1e7) {
                // the conditional median halves the survival at the days elapsed
                assertThat(survival(median, centre, sd) / survivalElapsed).as(what).isCloseTo(0.5, within(1e-7));
                assertThat(expected).as(what).isEqualTo(Math.max(elapsed + 1, Math.round(median)));
            }
            // interval ends: the largest day below the lower quantile, the smallest above the upper
            double low = (1 - tail) * survivalElapsed;
            double high = tail * survivalElapsed;
            if (earliest > Math.max(elapsed + 1, 1) && earliest < expected) {
                assertThat(survival(earliest, centre, sd)).as(what).isGreaterThanOrEqualTo(low * (1 - 1e-7));
                assertThat(survival(earliest + 1, centre, sd)).as(what).isLessThanOrEqualTo(low * (1 + 1e-7));
            }
            if (latest > expected && latest < 1e7) {
                assertThat(survival(latest, centre, sd)).as(what).isLessThanOrEqualTo(high * (1 + 1e-7));
                assertThat(survival(latest - 1, centre, sd)).as(what).isGreaterThanOrEqualTo(high * (1 - 1e-7));
            }
            if (latest == expected && expected > elapsed + 1) {
                // the upper quantile lies at or below the expected day
                assertThat(survival(expected, centre, sd)).as(what).isLessThanOrEqualTo(high * (1 + 1e-7));
            }
        }
    }

    @Example
    void customersWithTheirOwnRhythmsGetBetweenVarianceAndTheirOwnWeight() {
        // three steady customers, every 7, 14 and 28 days: the means differ far more than the noise
        List<LifecycleProperties.Buy> buys = new ArrayList<>();
        int[] periods = {7, 14, 28};
        int[][] wobble = {{0, 1, -1, 0, 1}, {1, 0, -1, 1, 0}, {0, -1, 1, 0, 1}};
        for (int c = 0; c < 3; c++) {
            int day = 0;
            for (int k = 0; k < 5; k++) {
                buys.add(new LifecycleProperties.Buy(c, day, 1_000));
                day += periods[c] + wobble[c][k];
            }
        }
        PurchaseTimelines t = LifecycleProperties.timelines(buys, 0);
        NextPurchaseReport r = NextPurchase.forecast(t, new ForecastOptions(LifecycleProperties.START.plusDays(200),
                0.8));
        assertThat(r.betweenVariance()).isGreaterThan(10 * r.withinVariance());
        assertThat(r.forecasts()).allSatisfy(f -> assertThat(f.ownWeight()).isGreaterThan(0.9).isLessThan(1));
        assertThat(r.forecasts()).extracting(PurchaseForecast::gaps).containsOnly(4);
    }
}
