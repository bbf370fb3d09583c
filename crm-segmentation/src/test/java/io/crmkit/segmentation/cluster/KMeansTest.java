package io.crmkit.segmentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.segmentation.Columns;
import io.crmkit.segmentation.CustomerColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** k-means++ on planted groups: recovered, ranked, named, reproducible. */
class KMeansTest {

    /** Three planted groups: loyal big spenders, regular, lapsed one-timers (in log space far apart). */
    private static CustomerColumns planted(int perGroup, long seed) {
        Random random = new Random(seed);
        List<Columns.Row> rows = new ArrayList<>();
        for (int i = 0; i < 3 * perGroup; i++) {
            int g = i % 3;
            double recency = g == 0 ? 2 + random.nextInt(5) : g == 1 ? 40 + random.nextInt(20) : 600 + random.nextInt(200);
            int frequency = g == 0 ? 30 + random.nextInt(10) : g == 1 ? 4 + random.nextInt(3) : 1;
            long revenue = g == 0 ? 500_000 + random.nextInt(100_000) : g == 1 ? 20_000 + random.nextInt(5_000)
                    : 1_000 + random.nextInt(500);
            rows.add(new Columns.Row(recency, frequency, 0, revenue));
        }
        return Columns.of(rows);
    }

    @Test
    void recoversPlantedGroupsRankedAndNamed() {
        CustomerColumns c = planted(200, 1);
        Clustering k3 = KMeans.cluster(c, ClusterOptions.of(3, 42));
        for (int i = 0; i < c.size(); i++) {
            // group 0 is the best: cluster 0; group 2 the worst: cluster 2
            assertThat(k3.cluster(i)).isEqualTo(i % 3);
        }
        assertThat(k3.converged()).isTrue();
        assertThat(k3.profiles().get(0).name()).isEqualTo("#1 recent, frequent, high spend");
        assertThat(k3.profiles().get(2).name()).isEqualTo("#3 lapsed, infrequent, low spend");
        assertThat(k3.profiles().get(2).frequency()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(k3.profiles()).allMatch(p -> p.customers() == 200);
        assertThat(k3.silhouette(300, 5).getAsDouble()).isGreaterThan(0.8);
        assertThat(k3.describe()).contains("converged").contains("#2");
    }

    @Test
    void sameSeedSameResultAndEvaluationOverARangeOfK() {
        CustomerColumns c = planted(100, 2);
        Clustering a = KMeans.cluster(c, ClusterOptions.of(4, 7));
        Clustering b = KMeans.cluster(c, ClusterOptions.of(4, 7));
        for (int i = 0; i < c.size(); i++) {
            assertThat(a.cluster(i)).isEqualTo(b.cluster(i));
        }
        assertThat(a.inertia()).isEqualTo(b.inertia());
        List<KEvaluation> ks = KMeans.evaluate(c, 2, 5, new ClusterOptions(2, 11, Scaling.Z_SCORE, 300, 1e-6, 3),
                1_000);
        assertThat(ks).extracting(KEvaluation::k).containsExactly(2, 3, 4, 5);
        // the planted k = 3 has the best silhouette, and inertia falls sharply up to it
        KEvaluation best = ks.stream().max((x, y) -> Double.compare(x.silhouette().getAsDouble(),
                y.silhouette().getAsDouble())).orElseThrow();
        assertThat(best.k()).isEqualTo(3);
        assertThat(ks.get(1).inertia()).isLessThan(ks.get(0).inertia() / 10);
    }

    @Test
    void everyScalingClustersThePlantedGroups() {
        CustomerColumns c = planted(50, 3);
        for (Scaling s : Scaling.values()) {
            Clustering k3 = KMeans.cluster(c, new ClusterOptions(3, 1, s, 100, 1e-6, 2));
            assertThat(k3.profiles()).as(s.name()).allMatch(p -> p.customers() == 50);
        }
    }
}
