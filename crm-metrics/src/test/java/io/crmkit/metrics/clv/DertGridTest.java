package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DERT over a grid of (x, T) with the published CDNOW parameters, heavy and short-lived buyers
 * included (x up to 1000 with T down to one week), for every transaction model: a finite, positive
 * value everywhere, and more for more purchases at the same recency. Cells with x = 1000 and T of
 * 10 weeks or less used to throw "2F1 series did not converge" for BG/NBD and MBG/NBD.
 */
class DertGridTest {

    private static final int[] XS = {0, 1, 2, 5, 20, 100, 1000};
    private static final double[] TS = {1, 2, 5, 10, 20, 39, 78};
    /** 15 % a year, per week. */
    private static final double DELTA = 0.15 / 52;

    private static List<TransactionModel> models() {
        return List.of(
                BgNbdModel.of(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEKS),
                MbgNbdModel.of(0.525, 6.183, 0.891, 1.614, PeriodUnit.WEEKS),
                ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, PeriodUnit.WEEKS));
    }

    @Test
    void finiteAndIncreasingInFrequencyEverywhere() {
        for (TransactionModel m : models()) {
            for (double bigT : TS) {
                double previous = 0;
                for (int x : XS) {
                    double d = m.dert(x, x == 0 ? 0 : bigT, bigT, DELTA);
                    assertThat(d).as("%s DERT x=%d T=%s", m, x, bigT).isFinite().isPositive()
                            .isGreaterThanOrEqualTo(previous);
                    previous = d;
                }
            }
        }
    }
}
