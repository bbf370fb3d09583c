package io.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CutTest {

    @Test
    void aComputedCutPrintsWithoutBinaryNoise() {
        assertThat(new Cut(21.546000000000003, Side.LOWER, 0, false)).hasToString("<= 21.546");
        assertThat(new Cut(0.1 + 0.2, Side.UPPER, 0, false)).hasToString("< 0.3");
        assertThat(new Cut(118.22999999999999, Side.LOWER, 0, false)).hasToString("<= 118.23");
    }

    @Test
    void exactValuesKeepTheirDigits() {
        assertThat(new Cut(5, Side.LOWER, 0, false)).hasToString("<= 5");
        assertThat(new Cut(1234.5678, Side.LOWER, 0, false)).hasToString("<= 1234.5678");
        assertThat(new Cut(1e-7, Side.LOWER, 0, false)).hasToString("<= 0.0000001");
    }
}
