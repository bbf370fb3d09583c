package io.crmkit.segmentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The value types of clustering: their documented ranges (both ends), builder and description. */
class ClusterValuesTest {

    @Test
    void optionsTakeTwoToAHundredClusters() {
        assertThat(ClusterOptions.of(2, 0).k()).isEqualTo(2);
        assertThat(ClusterOptions.of(100, 0).k()).isEqualTo(100);
        assertThatThrownBy(() -> ClusterOptions.of(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be 2 to 100: 1");
        assertThatThrownBy(() -> ClusterOptions.of(101, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be 2 to 100: 101");
        assertThatThrownBy(() -> new ClusterOptions(3, 0, Scaling.NONE, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(": 0, 1, 0.0");
        assertThatThrownBy(() -> new ClusterOptions(3, 0, Scaling.NONE, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(": 1, 0, 0.0");
        assertThatThrownBy(() -> new ClusterOptions(3, 0, Scaling.NONE, 1, -1e-9, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterOptions(3, 0, Scaling.NONE, 1, Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterOptions(3, 0, null, 1, 0, 1)).isInstanceOf(NullPointerException.class);
        assertThat(new ClusterOptions(3, 0, Scaling.NONE, 1, 0, 1).maxIterations()).isEqualTo(1);
    }

    @Test
    void everyBuilderSetterSetsItsOwnSettingAndDescribeNamesThemAll() {
        ClusterOptions built = ClusterOptions.builder(2, 0).k(7).seed(99).scaling(Scaling.MIN_MAX).maxIterations(12)
                .tolerance(0.25).restarts(4).build();
        assertThat(built).isEqualTo(new ClusterOptions(7, 99, Scaling.MIN_MAX, 12, 0.25, 4));
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(built.withK(3)).isEqualTo(new ClusterOptions(3, 99, Scaling.MIN_MAX, 12, 0.25, 4));
        assertThat(built.describe()).isEqualTo("k-means++ on log1p(recency days), log1p(frequency),"
                + " log1p(max(0, revenue)); k = 7, seed = 99, scaling = MIN_MAX, max iterations = 12,"
                + " tolerance = 0.25, restarts = 4");
        assertThat(ClusterOptions.of(5, 1)).isEqualTo(new ClusterOptions(5, 1, Scaling.Z_SCORE, 300, 1e-6, 1));
    }

    @Test
    void profilesAndEvaluationsCheckTheirRanges() {
        assertThat(new ClusterProfile(0, "#1", 0, 0, 0, 0).customers()).isZero();
        assertThatThrownBy(() -> new ClusterProfile(-1, "#0", 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cluster -1: values out of range");
        assertThatThrownBy(() -> new ClusterProfile(1, "#2", -1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterProfile(1, "#2", 1, Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterProfile(1, "#2", 1, 1, Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClusterProfile(1, "#2", 1, 1, 1, Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(new KEvaluation(2, 0, OptionalDouble.empty(), 0, false).k()).isEqualTo(2);
        assertThatThrownBy(() -> new KEvaluation(1, 0, OptionalDouble.empty(), 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("k 1, inertia 0.0, iterations 0");
        assertThatThrownBy(() -> new KEvaluation(2, -1e-12, OptionalDouble.empty(), 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KEvaluation(2, Double.NaN, OptionalDouble.empty(), 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KEvaluation(2, 0, OptionalDouble.empty(), -1, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KEvaluation(2, 0, null, 0, false)).isInstanceOf(NullPointerException.class);
    }
}
