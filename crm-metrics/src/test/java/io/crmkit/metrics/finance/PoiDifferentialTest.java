package io.crmkit.metrics.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.formula.functions.FinanceLib;
import org.junit.jupiter.api.Test;

/**
 * Differential test against Apache POI 5.5.1 ({@code Irr.irr} with its default guess of 10 %,
 * {@code FinanceLib.npv}) on random flows. Where POI converges, its IRR must be one of our roots;
 * every disagreement must be one of POI's documented defects, which are counted here:
 * <ul>
 *   <li>POI returns NaN where a root above -100 % exists (its Newton iteration from the guess
 *       diverges or leaves the domain);</li>
 *   <li>POI returns a "root" at or below -100 %, where the NPV is not defined;</li>
 *   <li>POI stops at a point that does not make the NPV zero.</li>
 * </ul>
 */
class PoiDifferentialTest {

    private static final int CASES = 20_000;

    @Test
    void poiAgreesWhereverItConverges() {
        Random random = new Random(20261122L);
        int compared = 0;
        int poiNaN = 0;
        int poiBelowMinusOne = 0;
        int poiNotARoot = 0;
        List<String> unexplained = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            double[] flows = randomFlows(random);
            RateResult ours = Irr.irr(flows);
            double poi = org.apache.poi.ss.formula.functions.Irr.irr(flows);
            if (Double.isNaN(poi) || Double.isInfinite(poi)) {
                if (!ours.rates().isEmpty()) {
                    poiNaN++;
                }
                continue;
            }
            if (poi <= -1) {
                poiBelowMinusOne++;
                continue;
            }
            double scale = 0;
            for (int t = 0; t < flows.length; t++) {
                scale += Math.abs(flows[t]) / Math.pow(1 + poi, t);
            }
            if (Math.abs(Npv.fromTimeZero(poi, flows)) > 1e-7 * scale) {
                poiNotARoot++;
                continue;
            }
            compared++;
            double nearest = ours.nearest(poi).orElse(Double.NaN);
            if (!(Math.abs(nearest - poi) <= 1e-7 * (1 + Math.abs(poi)))) {
                unexplained.add(java.util.Arrays.toString(flows) + ": POI " + poi + ", ours " + ours.rates());
            }
        }
        System.out.printf("POI differential: %d compared, %d POI NaN with a root present, %d POI roots <= -1,"
                + " %d POI non-roots%n", compared, poiNaN, poiBelowMinusOne, poiNotARoot);
        assertThat(unexplained).isEmpty();
        assertThat(compared).isGreaterThan(CASES / 2);
    }

    @Test
    void npvMatchesPoiExcelConvention() {
        Random random = new Random(7);
        for (int c = 0; c < 1_000; c++) {
            double[] flows = randomFlows(random);
            double rate = random.nextDouble() * 0.5;
            double poi = FinanceLib.npv(rate, flows);
            assertThat(Npv.excel(rate, flows)).isCloseTo(poi, within(1e-9 * (1 + Math.abs(poi))));
        }
    }

    /** An outlay, then 1 to 30 flows of which about one in five is negative, over many magnitudes. */
    private static double[] randomFlows(Random random) {
        int n = 2 + random.nextInt(30);
        double magnitude = Math.pow(10, random.nextInt(9));
        double[] flows = new double[n];
        flows[0] = -magnitude * (0.5 + random.nextDouble());
        for (int t = 1; t < n; t++) {
            double v = magnitude * random.nextDouble() * 0.4;
            flows[t] = random.nextDouble() < 0.2 ? -v : v;
        }
        return flows;
    }
}
