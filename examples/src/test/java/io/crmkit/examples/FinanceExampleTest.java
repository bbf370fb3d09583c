package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The finance quick start, checked against the hand-worked sums. */
class FinanceExampleTest {

    private final Captured out = Captured.of(FinanceExample::run);

    private static double npv(double rate, double... flows) {
        double sum = 0;
        for (int t = 0; t < flows.length; t++) {
            sum += flows[t] / Math.pow(1 + rate, t);
        }
        return sum;
    }

    @Test
    void npvAndIrrOfTheCampaign() {
        double[] flows = {-10_000, 3_000, 3_500, 4_000, 4_500};
        Matcher m = out.line("NPV at 2 %: (-?[0-9.]+); IRR: ([0-9.]+) per quarter");
        // -10000 + 3000/1.02 + 3500/1.02^2 + 4000/1.02^3 + 4500/1.02^4 = 4231.86
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(npv(0.02, flows), within(0.005));
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(4231.86, within(0.005));
        double irr = Double.parseDouble(m.group(2));
        assertThat(npv(irr, flows)).isCloseTo(0.0, within(2.0)); // the rate is printed to 4 places
        // Excel discounts the first flow too: NPV / 1.02
        Matcher excel = out.line("Excel's NPV \\(first flow discounted one period\\): (-?[0-9.]+)");
        assertThat(Double.parseDouble(excel.group(1))).isCloseTo(npv(0.02, flows) / 1.02, within(0.005));
    }

    @Test
    void twoRatesAreBothListed() {
        // -100 + 230 / y - 132 / y^2 = 0 with y = 1 + r: y = 1.1 or 1.2
        out.line("flows -100, 230, -132 \\(2 sign changes\\): rates \\[0.1000, 0.2000\\]; nearest to 12 %: 0.1000");
    }
}
