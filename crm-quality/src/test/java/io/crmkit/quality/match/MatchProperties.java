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

    /** Review finding 1: swapping the two records' identifiers must change neither score nor kind. */
    @Property(tries = 100)
    void scoreDoesNotDependOnWhichRecordHasTheSmallerId(@ForAll("samples") List<CustomerRecord> records) {
        List<NormalizedRecord> n = records.stream().map(FINDER::normalise).toList();
        for (int i = 0; i + 1 < n.size(); i++) {
            NormalizedRecord a = n.get(i);
            NormalizedRecord b = n.get(i + 1);
            ScoredPair ab = FINDER.scorer().score(a, b);
            ScoredPair swapped = FINDER.scorer().score(withId(a, b.id()), withId(b, a.id()));
            assertThat(swapped.score()).isEqualTo(ab.score());
            assertThat(swapped.kind()).isEqualTo(ab.kind());
            // and with every record's names swapped too, the crosswise comparison is the one that counts
            ScoredPair crossAb = FINDER.scorer().score(a, swapNames(b));
            ScoredPair crossBa = FINDER.scorer().score(withId(a, b.id()), withId(swapNames(b), a.id()));
            assertThat(crossBa.score()).isEqualTo(crossAb.score());
            assertThat(crossBa.kind()).isEqualTo(crossAb.kind());
        }
    }

    static NormalizedRecord withId(NormalizedRecord r, io.crmkit.core.CustomerId id) {
        return new NormalizedRecord(id, r.given(), r.family(), r.email(), r.phone(), r.street(), r.city(),
                r.postalCode(), r.country(), r.birthDate(), r.company());
    }

    private static NormalizedRecord swapNames(NormalizedRecord r) {
        return new NormalizedRecord(r.id(), r.family(), r.given(), r.email(), r.phone(), r.street(), r.city(),
                r.postalCode(), r.country(), r.birthDate(), r.company());
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

    /**
     * Review findings 7 and 8: re-scored here, not trusting the cluster's own minScore, every pair
     * inside a cluster is itself a reported duplicate at the default settings.
     */
    @Property(tries = 50)
    void everyPairInsideAClusterIsADuplicate(@ForAll("samples") List<CustomerRecord> records) {
        MatchResult r = FINDER.find(records);
        java.util.Map<io.crmkit.core.CustomerId, NormalizedRecord> byId = new java.util.HashMap<>();
        records.forEach(x -> byId.put(x.id(), FINDER.normalise(x)));
        for (Cluster c : r.clusters()) {
            List<io.crmkit.core.CustomerId> m = c.members();
            for (int i = 0; i < m.size(); i++) {
                for (int j = i + 1; j < m.size(); j++) {
                    ScoredPair p = FINDER.scorer().score(byId.get(m.get(i)), byId.get(m.get(j)));
                    assertThat(p.kind()).as("%s", p).isEqualTo(PairKind.DUPLICATE);
                    assertThat(p.score()).isGreaterThanOrEqualTo(FINDER.scorer().options().threshold());
                }
            }
        }
    }
}
