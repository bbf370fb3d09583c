package io.crmkit.quality.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.quality.CustomerRecord;
import io.crmkit.quality.LabelledData;
import io.crmkit.quality.normalize.NormalizedRecord;
import io.crmkit.testkit.quality.DuplicateDataGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MatchProperties {

    private static final DuplicateFinder FINDER =
            DuplicateFinder.create(MatchOptions.builder().defaultRegion("US").parallel(false).build());

    @Provide
    Arbitrary<List<CustomerRecord>> samples() {
        return Arbitraries.longs().map(seed -> LabelledData.records(DuplicateDataGenerator.generate(
                new DuplicateDataGenerator.Options(40, 0.5, 0.2, 0.2, seed))));
    }

    @Property(tries = 100)
    void scoreIsSymmetric(@ForAll("samples") List<CustomerRecord> records) {
        List<NormalizedRecord> n = records.stream().map(FINDER::normalise).toList();
        for (int i = 0; i + 1 < n.size(); i++) {
            ScoredPair ab = FINDER.scorer().score(n.get(i), n.get(i + 1));
            ScoredPair ba = FINDER.scorer().score(n.get(i + 1), n.get(i));
            assertThat(ba).isEqualTo(ab);
            assertThat(ab.score()).isBetween(0.0, 1.0);
        }
    }

    @Property(tries = 100)
    void aRecordNeverMatchesItself(@ForAll("samples") List<CustomerRecord> records) {
        MatchResult r = FINDER.find(records);
        for (List<ScoredPair> pairs : List.of(r.duplicates(), r.households(), r.namesakes())) {
            pairs.forEach(p -> assertThat(p.left()).isNotEqualTo(p.right()));
        }
        r.clusters().forEach(c -> assertThat(c.members()).doesNotHaveDuplicates());
    }

    @Property(tries = 50)
    void resultIsIndependentOfInputOrder(@ForAll("samples") List<CustomerRecord> records, @ForAll long shuffleSeed) {
        List<CustomerRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        MatchResult a = FINDER.find(records);
        MatchResult b = FINDER.find(shuffled);
        assertThat(b.clusters()).isEqualTo(a.clusters());
        assertThat(b.duplicates()).isEqualTo(a.duplicates());
        assertThat(b.households()).isEqualTo(a.households());
    }

    @Property(tries = 50)
    void clustersRespectTheGuard(@ForAll("samples") List<CustomerRecord> records) {
        MatchResult r = FINDER.find(records);
        for (Cluster c : r.clusters()) {
            assertThat(c.members().size()).isBetween(2, FINDER.scorer().options().maxClusterSize());
            assertThat(c.minScore()).isGreaterThanOrEqualTo(FINDER.scorer().options().clusterLinkScore());
        }
    }
}
