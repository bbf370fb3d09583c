package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.testkit.simulation.BgNbdProcess;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The CLV quick start: the fit recovers the simulated population's purchase rate, every customer
 * is valued, probabilities stay in [0, 1] and the ranking is by CLV.
 */
class ClvExampleTest {

    private final Captured out = Captured.of(ClvExample::run);

    @Test
    void fitsTheModelsAndValuesEveryCustomer() {
        Matcher bg = out.line("BG/NBD \\((\\w+)\\): r ([0-9.]+), alpha ([0-9.]+), a ([0-9.]+), b ([0-9.]+)");
        assertThat(bg.group(1)).isEqualTo("CONVERGED");
        // the shop was simulated with the CDNOW estimates: the mean purchase rate r / alpha is recovered
        double rate = Double.parseDouble(bg.group(2)) / Double.parseDouble(bg.group(3));
        BgNbdProcess truth = BgNbdProcess.CDNOW;
        assertThat(rate).isCloseTo(truth.r() / truth.alpha(), within(0.25 * truth.r() / truth.alpha()));
        out.line("Gamma-Gamma: p [0-9.]+, q [0-9.]+, gamma [0-9.]+");
        out.line("customers valued: " + ShopData.CUSTOMERS);
        Matcher mean = out.line("total CLV: ([0-9.]+) USD; mean P\\(alive\\): ([0-9.]+)");
        assertThat(Double.parseDouble(mean.group(1))).isPositive();
        assertThat(Double.parseDouble(mean.group(2))).isBetween(0.0, 1.0);
    }

    @Test
    void predictionsAreProbabilitiesAndTheTopListIsRankedByClv() {
        List<Matcher> first = out.matching(
                "C\\d+: P\\(alive\\) ([0-9.]+), ([0-9.]+) purchases next year, CLV ([0-9.]+)");
        assertThat(first).hasSize(3);
        for (Matcher m : first) {
            assertThat(Double.parseDouble(m.group(1))).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(m.group(2))).isGreaterThanOrEqualTo(0.0);
        }
        List<Matcher> top = out.matching("  C\\d+  x=(\\d+)  P\\(alive\\) ([0-9.]+)  expected ([0-9.]+)"
                + "  spend ([0-9.]+)  CLV ([0-9.]+)");
        assertThat(top).hasSize(5);
        double previous = Double.MAX_VALUE;
        for (Matcher m : top) {
            assertThat(Double.parseDouble(m.group(2))).isBetween(0.0, 1.0);
            double clv = Double.parseDouble(m.group(5));
            assertThat(clv).isLessThanOrEqualTo(previous);
            // over one year at 10 % a year, CLV is at most expected purchases x spend
            assertThat(clv).isLessThanOrEqualTo(Double.parseDouble(m.group(3)) * Double.parseDouble(m.group(4)) + 0.01);
            previous = clv;
        }
    }
}
