package io.crmkit.metrics.finance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Flows whose NPV touches zero at a rate without crossing it (a root of even multiplicity). With
 * integer flows the NPV at 0 % is computed exactly as zero, so the rate is a root; the count of
 * roots then lacks the parity of the sign changes, which sends the root finder from its exclusion
 * method to its grid scan.
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
}
