package io.crmkit.metrics.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the finance functions over random cash-flow series. */
class FinanceProperties {

    /** Series with an outlay first and mixed later flows, amounts spread over many magnitudes. */
    @Provide
    Arbitrary<double[]> flows() {
        Arbitrary<Double> amount = Arbitraries.doubles().between(-1e6, 1e6).ofScale(2);
        return amount.list().ofMinSize(2).ofMaxSize(40).map(list -> {
            double[] v = list.stream().mapToDouble(Double::doubleValue).toArray();
            v[0] = -Math.abs(v[0]) - 1;
            return v;
        });
    }

    private static double npvScale(double rate, double[] flows) {
        double s = 0;
        double f = 1;
        for (double v : flows) {
            s += Math.abs(v) / f;
            f *= 1 + rate;
        }
        return s;
    }

    /**
     * The residual NPV at every returned rate is zero relative to the size of the discounted flows,
     * up to what a few units in the last place of the rate itself can cause (near -100 % the NPV is
     * so steep that the nearest double to the root leaves a visible residual).
     */
    @Property
    void npvAtEveryIrrIsZeroRelativeToTheFlows(@ForAll("flows") double[] flows) {
        RateResult result = Irr.irr(flows);
        for (double r : result.rates()) {
            assertThat(r).isGreaterThan(-1);
            double scale = npvScale(r, flows);
            double slope = 0;
            double f = 1 + r;
            for (int t = 0; t < flows.length; t++) {
                slope += t * Math.abs(flows[t]) / f;
                f *= 1 + r;
            }
            if (Double.isFinite(scale) && Double.isFinite(slope)) {
                assertThat(Math.abs(Npv.fromTimeZero(r, flows)))
                        .isLessThanOrEqualTo(1e-9 * scale + 4 * Math.ulp(r) * slope);
            }
        }
    }

    @Property
    void signChangesBoundTheNumberOfRoots(@ForAll("flows") double[] flows) {
        RateResult result = Irr.irr(flows);
        assertThat(result.rates().size()).isLessThanOrEqualTo(result.signChanges());
        assertThat(result.rates()).isSorted().doesNotHaveDuplicates();
        if (result.signChanges() == 1) {
            assertThat(result).isInstanceOf(RateResult.Unique.class);
        }
    }

    @Property
    void scalingTheFlowsLeavesTheRatesUnchanged(@ForAll("flows") double[] flows,
            @ForAll @IntRange(min = -9, max = 9) int exponent, @ForAll @DoubleRange(min = 1, max = 10) double mantissa) {
        double factor = mantissa * Math.pow(10, exponent);
        double[] scaled = new double[flows.length];
        for (int t = 0; t < flows.length; t++) {
            scaled[t] = flows[t] * factor;
        }
        List<Double> a = Irr.irr(flows).rates();
        List<Double> b = Irr.irr(scaled).rates();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)).isCloseTo(a.get(i), within(1e-9 * (1 + Math.abs(a.get(i)))));
        }
        List<DatedCashFlow> dated = new ArrayList<>();
        List<DatedCashFlow> datedScaled = new ArrayList<>();
        for (int t = 0; t < flows.length; t++) {
            LocalDate d = LocalDate.of(2010, 1, 1).plusDays(30L * t + (t * 7L) % 11);
            dated.add(DatedCashFlow.of(d, flows[t]));
            datedScaled.add(DatedCashFlow.of(d, scaled[t]));
        }
        List<Double> x = Irr.xirr(dated).rates();
        List<Double> xs = Irr.xirr(datedScaled).rates();
        assertThat(xs).hasSameSizeAs(x);
        for (int i = 0; i < x.size(); i++) {
            assertThat(xs.get(i)).isCloseTo(x.get(i), within(1e-9 * (1 + Math.abs(x.get(i)))));
        }
        boolean defined = hasBothSigns(flows);
        if (defined) {
            double mirr = Irr.mirr(flows, 0.07, 0.05);
            assertThat(Irr.mirr(scaled, 0.07, 0.05)).isCloseTo(mirr, within(1e-12 * (1 + Math.abs(mirr))));
        }
    }

    /** Dated flows a few days apart, where roots near -100 % are common: every rate stays above -1. */
    @Property(tries = 2000)
    void xirrNeverReportsARateAtOrBelowMinusOne(@ForAll("flows") double[] flows,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 30) int daysApart) {
        List<DatedCashFlow> dated = new ArrayList<>();
        LocalDate start = LocalDate.of(2001, 1, 1);
        for (int t = 0; t < flows.length; t++) {
            dated.add(DatedCashFlow.of(start.plusDays((long) daysApart * t), flows[t]));
        }
        assertThat(Irr.xirr(dated).rates()).allSatisfy(r -> assertThat(r).isGreaterThan(-1.0).isFinite());
        assertThat(Irr.irr(flows).rates()).allSatisfy(r -> assertThat(r).isGreaterThan(-1.0).isFinite());
    }

    @Property
    void xirrOnYearlyDatesEqualsIrr(@ForAll("flows") double[] flows) {
        List<DatedCashFlow> dated = new ArrayList<>();
        LocalDate start = LocalDate.of(2001, 1, 1);
        for (int t = 0; t < flows.length; t++) {
            dated.add(DatedCashFlow.of(start.plusDays(365L * t), flows[t]));
        }
        List<Double> periodic = Irr.irr(flows).rates();
        List<Double> xirr = Irr.xirr(dated).rates();
        assertThat(xirr).hasSameSizeAs(periodic);
        for (int i = 0; i < periodic.size(); i++) {
            assertThat(xirr.get(i)).isCloseTo(periodic.get(i), within(1e-9 * (1 + Math.abs(periodic.get(i)))));
        }
        assertThat(Npv.xnpv(0.05, dated)).isCloseTo(Npv.fromTimeZero(0.05, flows),
                within(1e-9 * npvScale(0.05, flows)));
    }

    @Property
    void raisingAnyFlowNeverLengthensThePayback(@ForAll("flows") double[] flows,
            @ForAll @IntRange(min = 0, max = 39) int index, @ForAll @DoubleRange(min = 0, max = 1e6) double raise,
            @ForAll @DoubleRange(min = 0, max = 0.5) double rate) {
        int t = index % flows.length;
        double[] better = flows.clone();
        better[t] += raise;
        assertThat(orInfinity(Payback.simple(better))).isLessThanOrEqualTo(orInfinity(Payback.simple(flows)));
        assertThat(orInfinity(Payback.discounted(rate, better)))
                .isLessThanOrEqualTo(orInfinity(Payback.discounted(rate, flows)));
    }

    @Property
    void paybackLiesWithinTheSeries(@ForAll("flows") double[] flows) {
        Payback.simple(flows).ifPresent(p -> assertThat(p).isBetween(0.0, flows.length - 1.0));
    }

    /**
     * For conventional flows (an outlay, then nothing negative) discounting never shortens the
     * payback. (With later negative flows it can: discounting shrinks them too.)
     */
    @Property
    void discountingDelaysThePaybackOfConventionalFlows(@ForAll("flows") double[] flows,
            @ForAll @DoubleRange(min = 0, max = 0.5) double rate) {
        double[] conventional = flows.clone();
        for (int t = 1; t < conventional.length; t++) {
            conventional[t] = Math.abs(conventional[t]);
        }
        assertThat(orInfinity(Payback.discounted(rate, conventional)))
                .isGreaterThanOrEqualTo(orInfinity(Payback.simple(conventional)) - 1e-9);
    }

    @Property
    void costBenefitReportIsConsistent(@ForAll("flows") double[] flows,
            @ForAll @DoubleRange(min = 0, max = 0.3) double rate) {
        double[] costs = new double[flows.length];
        double[] benefits = new double[flows.length];
        for (int t = 0; t < flows.length; t++) {
            costs[t] = Math.max(0, -flows[t]);
            benefits[t] = Math.max(0, flows[t]);
        }
        CostBenefitReport r = CostBenefitReport.of(rate, costs, benefits);
        assertThat(r.npv()).isCloseTo(Npv.fromTimeZero(rate, flows), within(1e-9 * npvScale(rate, flows)));
        assertThat(r.roi()).isCloseTo((r.totalBenefit() - r.totalCost()) / r.totalCost(), within(1e-12));
        assertThat(r.irr().rates()).isEqualTo(Irr.irr(flows).rates());
        assertThat(r.npv() >= 0).isEqualTo(r.discountedRoi() >= -1e-12 || r.npv() >= 0);
    }

    @Property
    void retentionClvGrowsWithRetentionAndFallsWithDiscount(
            @ForAll @DoubleRange(min = 0, max = 0.98) double r, @ForAll @DoubleRange(min = 0, max = 0.5) double d) {
        double m = RetentionClv.marginMultiple(r, d);
        assertThat(m).isGreaterThanOrEqualTo(0);
        assertThat(RetentionClv.marginMultiple(Math.min(r + 0.01, 0.99), d)).isGreaterThanOrEqualTo(m);
        assertThat(RetentionClv.marginMultiple(r, d + 0.01)).isLessThanOrEqualTo(m);
        // the closed form equals the discounted sum of retained margins: sum_{t>=1} r^t / (1+d)^t
        double sum = 0;
        double term = 1;
        for (int t = 1; t < 20_000; t++) {
            term *= r / (1 + d);
            sum += term;
        }
        assertThat(m).isCloseTo(sum, within(1e-9 * (1 + m)));
    }

    /**
     * Flows built as the coefficients of {@code prod (x - x_i) * prod (x + c_j)} with
     * {@code x = 1/(1+r)}: their rates are exactly the chosen {@code r_i} (the {@code c_j > 0}
     * factors add degree without positive roots). Roots may be as close as 1e-3; such clusters
     * amplify the rounding of the coefficients (to about 1e-6 for four roots 1e-3 apart), hence
     * the tolerance, which still tells every root from its neighbours.
     */
    @Property(tries = 300)
    void everyConstructedRootIsFound(
            @ForAll @net.jqwik.api.constraints.Size(min = 1, max = 4) java.util.Set<@IntRange(min = -400, max = 900) Integer> permille,
            @ForAll @net.jqwik.api.constraints.Size(max = 6) List<@DoubleRange(min = 0.1, max = 5) Double> extra) {
        List<Double> rates = permille.stream().sorted().map(k -> k / 1000.0).toList();
        double[] poly = {1};
        for (double r : rates) {
            poly = multiply(poly, -1 / (1 + r));
        }
        for (double c : extra) {
            poly = multiply(poly, c);
        }
        List<Double> found = Irr.irr(poly).rates();
        assertThat(found).hasSameSizeAs(rates);
        for (int i = 0; i < rates.size(); i++) {
            assertThat(found.get(i)).isCloseTo(rates.get(i), within(1e-5));
        }
    }

    /** Multiplies the polynomial (coefficients by ascending power) by {@code (x + root)}. */
    private static double[] multiply(double[] p, double root) {
        double[] out = new double[p.length + 1];
        for (int k = 0; k < p.length; k++) {
            out[k] += p[k] * root;
            out[k + 1] += p[k];
        }
        return out;
    }

    private static boolean hasBothSigns(double[] flows) {
        boolean pos = false;
        boolean neg = false;
        for (double v : flows) {
            pos |= v > 0;
            neg |= v < 0;
        }
        return pos && neg;
    }

    private static double orInfinity(OptionalDouble p) {
        return p.orElse(Double.POSITIVE_INFINITY);
    }
}
