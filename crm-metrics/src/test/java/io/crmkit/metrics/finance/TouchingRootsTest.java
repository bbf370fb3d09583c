package io.crmkit.metrics.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flows whose NPV touches zero at a rate without crossing it (a root of even multiplicity). With
 * integer flows at 0 % the NPV is computed as exactly zero; elsewhere the rounded flows leave it
 * just above zero, just below (two roots a rounding apart) or crossing many times: each is one rate,
 * found by the exclusion method and by the grid scan it falls back to.
 */
class TouchingRootsTest {

    @Test
    void aDoubleRootAtZeroIsOneRateOfExactlyZero() {
        // 1 - 2x + x^2 = (1 - x)^2 with x = 1/(1 + r): NPV >= 0 everywhere, zero only at r = 0
        RateResult r = Irr.irr(1, -2, 1);
        assertThat(r).isInstanceOf(RateResult.Unique.class);
        assertThat(r.signChanges()).isEqualTo(2);
        assertThat(r.rates()).containsExactly(0.0);
        assertThat(Double.doubleToRawLongBits(r.rates().get(0))).as("+0.0, not -0.0").isZero();
        assertThat(Irr.irr(-1, 2, -1).rates()).containsExactly(0.0);
    }

    @Test
    void aQuadrupleRootAtZeroIsOneRate() {
        // (1 - x)^4: four sign changes, one rate
        RateResult r = Irr.irr(1, -4, 6, -4, 1);
        assertThat(r.signChanges()).isEqualTo(4);
        assertThat(r.rates()).containsExactly(0.0);
    }

    @Test
    void aTripleRootAtZeroCrossesAndIsFoundWithoutTheScan() {
        // -(1 - x)^3: crosses zero at r = 0
        RateResult r = Irr.irr(-1, 3, -3, 1);
        assertThat(r.signChanges()).isEqualTo(3);
        assertThat(r.rates()).containsExactly(0.0);
    }

    @Test
    void aDoubleRootAwayFromZeroIsFoundOnce() {
        // 0.25 - x + x^2 = (x - 1/2)^2: NPV >= 0, zero only at x = 1/2, r = 100 %
        RateResult r = Irr.irr(0.25, -1, 1);
        assertThat(r).isInstanceOf(RateResult.Unique.class);
        assertThat(r.rates().get(0)).isCloseTo(1.0, within(1e-7));
        // (x - 0.9)^2 with 0.81 and 1.8 rounded: in doubles P stays a little above zero
        assertThat(Irr.irr(0.81, -1.8, 1).rates()).singleElement()
                .satisfies(rate -> assertThat(rate).isCloseTo(1 / 0.9 - 1, within(1e-7)));
        // its mirror image (outlay first) is the same rate
        assertThat(Irr.irr(-0.81, 1.8, -1).rates()).hasSize(1);
    }

    @Test
    void aDoubleRootBesideASimpleOneGivesBothOnce() {
        // -2 + 5x - 4x^2 + x^3 = (x - 1)^2 (x - 2): r = 0 (double) and r = -0.5
        RateResult r = Irr.irr(-2, 5, -4, 1);
        assertThat(r).isInstanceOf(RateResult.Multiple.class);
        assertThat(r.rates()).hasSize(2);
        assertThat(r.rates().get(0)).isCloseTo(-0.5, within(1e-12));
        assertThat(r.rates().get(1)).isZero();
        // (x - 1/2)^2 (x - 0.8) = -0.2 + 1.05x - 1.8x^2 + x^3: r = 1.0 (double) and r = 0.25
        List<Double> rates = Irr.irr(-0.2, 1.05, -1.8, 1).rates();
        assertThat(rates).hasSize(2);
        assertThat(rates.get(0)).isCloseTo(0.25, within(1e-12));
        assertThat(rates.get(1)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aTouchingRootOfDatedFlowsIsFound() {
        // flows 1, -2c, c^2 at 0, t and 2t years: NPV = (1 - c x^t)^2 with x = 1/(1+r), zero at (1+r)^t = c
        LocalDate start = LocalDate.of(2020, 1, 1);
        double c = 1.1;
        RateResult r = Irr.xirr(List.of(DatedCashFlow.of(start, 1), DatedCashFlow.of(start.plusDays(100), -2 * c),
                DatedCashFlow.of(start.plusDays(200), c * c)));
        double t = 100 / 365.0;
        assertThat(r.rates()).singleElement()
                .satisfies(rate -> assertThat(rate).isCloseTo(Math.pow(c, 1 / t) - 1, within(1e-6)));
    }

    @Test
    void theGridScanFindsTheSameTouchingRoots() {
        // budget 0: the exclusion method gives up at once and the scan answers
        for (double[] flows : new double[][] {{0.25, -1, 1}, {-2, 5, -4, 1}, {-0.2, 1.05, -1.8, 1}, {1, -2, 1},
                {0.81, -1.8, 1}}) {
            List<Double> exclusion = rootsInU(flows, 1_000_000);
            List<Double> scan = rootsInU(flows, 0);
            assertThat(scan).as("%s", java.util.Arrays.toString(flows)).hasSameSizeAs(exclusion);
            for (int i = 0; i < scan.size(); i++) {
                assertThat(scan.get(i)).isCloseTo(exclusion.get(i), within(1e-6));
            }
        }
        // a quadruple root is determined only to the fourth root of the rounding: |u| ~ 5e-4 is noise
        assertThat(rootsInU(new double[] {1, -4, 6, -4, 1}, 0)).singleElement()
                .satisfies(u -> assertThat(u).isCloseTo(0, within(5e-4)));
    }

    @Test
    void noRootIsReportedWhereTheNpvStaysClearOfZero() {
        // (x - 1/2)^2 + 1e-6: the minimum is far above the rounding of the flows
        assertThat(Irr.irr(0.25 + 1e-6, -1, 1)).isInstanceOf(RateResult.NoRoot.class);
        assertThat(rootsInU(new double[] {0.25 + 1e-6, -1, 1}, 0)).isEmpty();
        // (x - 1/2)^2 - 1e-6: two roots 2e-3 apart in x, both reported by both methods
        assertThat(Irr.irr(0.25 - 1e-6, -1, 1).rates()).hasSize(2);
        assertThat(rootsInU(new double[] {0.25 - 1e-6, -1, 1}, 0)).hasSize(2);
    }

    @Test
    void aSextupleRootIsOneRateAtTheCentreOfItsWideBand() {
        // (x - 0.8)^6: |P| is rounding noise for |x - 0.8| up to about 1e-2, a band wider than the
        // scan's grid spacing; each method reports one root near its centre, u = ln 0.8
        double[] p = {1};
        for (int i = 0; i < 6; i++) {
            double[] q = new double[p.length + 1];
            for (int k = 0; k < p.length; k++) {
                q[k] += p[k] * -0.8;
                q[k + 1] += p[k];
            }
            p = q;
        }
        for (long budget : new long[] {1_000_000, 0}) {
            assertThat(rootsInU(p, budget)).as("budget %d", budget).singleElement()
                    .satisfies(u -> assertThat(u).isCloseTo(Math.log(0.8), within(2e-3)));
        }
        assertThat(Irr.irr(p).rates()).singleElement().satisfies(r -> assertThat(r).isCloseTo(0.25, within(3e-3)));
    }

    @Test
    void rootsNearMinusOneHundredPercentAndFarAboveAreInsideTheSearchBounds() {
        // (x - 100)(x - 1/51): r = -99 % and r = 5,000 %
        List<Double> rates = Irr.irr(100 / 51.0, -(100 + 1 / 51.0), 1).rates();
        assertThat(rates).hasSize(2);
        assertThat(rates.get(0)).isCloseTo(-0.99, within(1e-12));
        assertThat(rates.get(1)).isCloseTo(50, within(1e-9));
        // the same rates as touching roots: (x - 100)^2 and (x - 1/51)^2
        assertThat(Irr.irr(10_000, -200, 1).rates()).singleElement()
                .satisfies(r -> assertThat(r).isCloseTo(-0.99, within(1e-8)));
        assertThat(Irr.irr(1 / (51.0 * 51.0), -2 / 51.0, 1).rates()).singleElement()
                .satisfies(r -> assertThat(r).isCloseTo(50, within(1e-5)));
        for (double[] flows : new double[][] {{100 / 51.0, -(100 + 1 / 51.0), 1}, {10_000, -200, 1},
                {1 / (51.0 * 51.0), -2 / 51.0, 1}}) {
            assertThat(rootsInU(flows, 0)).hasSameSizeAs(rootsInU(flows, 1_000_000));
        }
    }

    private static List<Double> rootsInU(double[] flows, long budget) {
        double[] e = new double[flows.length];
        for (int k = 0; k < e.length; k++) {
            e[k] = k;
        }
        return new RootFinder(flows, e, budget).roots();
    }
}
