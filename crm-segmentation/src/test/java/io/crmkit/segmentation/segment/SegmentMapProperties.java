package io.crmkit.segmentation.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.segmentation.Columns;
import io.crmkit.segmentation.CustomerColumns;
import io.crmkit.segmentation.rfm.Binning;
import io.crmkit.segmentation.rfm.RfmCell;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScorer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Segment maps: one segment per customer, the linter finds what is planted, migration totals. */
class SegmentMapProperties {

    @Provide
    Arbitrary<List<SegmentRule>> rangeRules() {
        Arbitrary<ScoreRange> range = Combinators.combine(Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 4)).as((low, width) -> ScoreRange.of(low, Math.min(5, low + width)));
        return Combinators.combine(Arbitraries.of("A", "B", "C", "D", "E"), range, range, range)
                .as(SegmentRule.Ranges::new).map(SegmentRule.class::cast).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<CustomerColumns> customers() {
        return Columns.columns(80);
    }

    @Provide
    Arbitrary<Binning> binnings() {
        return Arbitraries.of(Binning.quantiles(5), Binning.rRfm(5), Binning.ntile(5), Binning.tiedRanks(5),
                Binning.percentRanks(5));
    }

    @Property(tries = 300)
    void everyCustomerGetsExactlyOneSegmentTheFirstMatch(@ForAll("customers") CustomerColumns customers,
            @ForAll("binnings") Binning binning, @ForAll("rangeRules") List<SegmentRule> rules) {
        SegmentMap.Builder b = SegmentMap.builder(5);
        rules.forEach(b::rule);
        SegmentMap map = b.build();
        RfmResult result = RfmScorer.score(customers, RfmOptions.builder().binning(binning).build());
        Segmentation s = map.assign(result);
        assertThat(s.size()).isEqualTo(customers.size());
        for (int i = 0; i < s.size(); i++) {
            RfmCell cell = result.cell(i);
            String expected = map.defaultSegment();
            for (SegmentRule rule : rules) {
                if (rule.matches(cell)) {
                    expected = rule.name();
                    break;
                }
            }
            assertThat(s.segment(i)).isEqualTo(expected);
        }
        SegmentTable table = s.summary();
        assertThat(table.customers()).isEqualTo(customers.size());
        long orders = 0;
        for (int i = 0; i < customers.size(); i++) {
            orders += customers.orders(i);
        }
        assertThat(table.rows().stream().mapToLong(SegmentSummary::orders).sum()).isEqualTo(orders);
        assertThat(table.rows().stream().mapToDouble(SegmentSummary::revenue).sum())
                .isCloseTo(customers.totalRevenueMinor() / 100.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    /** A clean partition of the 125 cells into segments, as code lists, in random order. */
    private static List<List<Integer>> partition(long seed, int segments) {
        Random random = new Random(seed);
        List<Integer> codes = new ArrayList<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    codes.add(100 * r + 10 * f + m);
                }
            }
        }
        Collections.shuffle(codes, random);
        List<List<Integer>> parts = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            parts.add(new ArrayList<>());
        }
        for (int k = 0; k < codes.size(); k++) {
            parts.get(k < segments ? k : random.nextInt(segments)).add(codes.get(k));
        }
        return parts;
    }

    private static SegmentMap.Builder builder(List<List<Integer>> parts) {
        SegmentMap.Builder b = SegmentMap.builder(5);
        for (int s = 0; s < parts.size(); s++) {
            b.rule(SegmentRule.Codes.of("S" + s, parts.get(s)));
        }
        return b;
    }

    @Property(tries = 200)
    void aCleanPartitionLintsClean(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int segments) {
        SegmentMap map = builder(partition(seed, segments)).build();
        LintReport report = map.lint();
        assertThat(report.clean(map)).as(report.describe()).isTrue();
        assertThat(report.unreachableSegments()).containsExactly(SegmentMap.OTHERS);
    }

    @Property(tries = 200)
    void theLinterFindsAPlantedHole(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int segments) {
        List<List<Integer>> parts = partition(seed, segments);
        List<Integer> victim = parts.stream().filter(p -> p.size() > 1).findFirst().orElseThrow();
        int hole = victim.remove(victim.size() - 1);
        SegmentMap map = builder(parts).build();
        LintReport report = map.lint();
        assertThat(report.uncovered()).containsExactly(RfmCell.ofCode(hole));
        assertThat(report.overlaps()).isEmpty();
        assertThat(report.unreachableRules()).isEmpty();
        assertThat(map.segmentOf(hole / 100, hole / 10 % 10, hole % 10)).isEqualTo(SegmentMap.OTHERS);
    }

    @Property(tries = 200)
    void theLinterFindsAPlantedShadow(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int segments,
            @ForAll @IntRange(min = 1, max = 30) int size) {
        List<List<Integer>> parts = partition(seed, segments);
        List<Integer> taken = new ArrayList<>(parts.stream().flatMap(List::stream).toList());
        Collections.shuffle(taken, new Random(seed + 1));
        SegmentMap map = builder(parts).rule(SegmentRule.Codes.of("Shadow", taken.subList(0, size))).build();
        LintReport report = map.lint();
        assertThat(report.unreachableRules()).hasSize(1);
        LintReport.UnreachableRule u = report.unreachableRules().get(0);
        assertThat(u.rule()).isEqualTo(segments);
        assertThat(u.reason()).isEqualTo(LintReport.Reason.SHADOWED);
        assertThat(u.shadowedBy()).isNotEmpty();
        assertThat(report.unreachableSegments()).contains("Shadow");
        assertThat(report.overlaps()).isNotEmpty().allMatch(o -> o.laterName().equals("Shadow"));
    }

    @Property(tries = 200)
    void theLinterFindsAPlantedOverlap(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int segments) {
        List<List<Integer>> parts = partition(seed, segments);
        List<Integer> victim = parts.stream().filter(p -> p.size() > 1).findFirst().orElseThrow();
        int victimIndex = parts.indexOf(victim);
        SegmentMap.Builder b = SegmentMap.builder(5).rule(SegmentRule.Codes.of("Planted", List.of(victim.get(0))));
        for (int s = 0; s < parts.size(); s++) {
            b.rule(SegmentRule.Codes.of("S" + s, parts.get(s)));
        }
        LintReport report = b.build().lint();
        assertThat(report.overlaps()).hasSize(1);
        LintReport.Overlap o = report.overlaps().get(0);
        assertThat(o.earlier()).isZero();
        assertThat(o.later()).isEqualTo(victimIndex + 1);
        assertThat(o.cells()).isEqualTo(1);
        assertThat(o.example()).isEqualTo(RfmCell.ofCode(victim.get(0)));
        assertThat(report.unreachableRules()).isEmpty();
        assertThat(report.uncovered()).isEmpty();
    }

    @Property(tries = 200)
    void theLinterFindsAnEmptyRule(@ForAll @IntRange(min = 6, max = 9) int score) {
        SegmentMap map = SegmentMap.builder(5).ranges("Impossible", score, 9, 1, 9, 1, 9).build();
        LintReport report = map.lint();
        assertThat(report.unreachableRules()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo(LintReport.Reason.EMPTY));
        assertThat(report.uncovered()).hasSize(125);
    }

    @Provide
    Arbitrary<List<Columns.Row>> rowLists() {
        return Columns.rows().list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void migrationTotalsMatchBothSnapshots(@ForAll("rowLists") List<Columns.Row> before,
            @ForAll("rowLists") List<Columns.Row> after, @ForAll("binnings") Binning binning,
            @ForAll @IntRange(min = 0, max = 40) int offset) {
        CustomerColumns first = Columns.of(before, 0, 1);
        CustomerColumns second = Columns.of(after, offset, 1);
        RfmResult scored = RfmScorer.score(first, RfmOptions.builder().binning(binning).build());
        SegmentMap map = SegmentMap.elevenSegments();
        MigrationMatrix matrix = MigrationMatrix.between(scored, second, map);
        int segments = map.segments().size();
        for (int s = 0; s < segments; s++) {
            String name = map.segments().get(s);
            assertThat(matrix.rowTotal(s)).isEqualTo(matrix.before().customers(name));
            assertThat(matrix.columnTotal(s)).isEqualTo(matrix.after().customers(name));
        }
        Set<String> a = new HashSet<>();
        Set<String> b = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            a.add(first.customerId(i).value());
        }
        for (int i = 0; i < second.size(); i++) {
            b.add(second.customerId(i).value());
        }
        Set<String> onlyB = new HashSet<>(b);
        onlyB.removeAll(a);
        Set<String> onlyA = new HashSet<>(a);
        onlyA.removeAll(b);
        assertThat(matrix.rowTotal(segments)).isEqualTo(onlyB.size());
        assertThat(matrix.columnTotal(segments)).isEqualTo(onlyA.size());
        long sum = 0;
        for (int r = 0; r <= segments; r++) {
            sum += matrix.rowTotal(r);
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        assertThat(sum).isEqualTo(union.size());
        assertThat(matrix.count(MigrationMatrix.NEW, MigrationMatrix.GONE)).isZero();
    }

    @Property(tries = 100)
    void theSameSnapshotDoesNotMoveUnderFrozenValueCuts(@ForAll("rowLists") List<Columns.Row> rows,
            @ForAll("binnings") Binning binning) {
        CustomerColumns c = Columns.of(rows);
        RfmResult scored = RfmScorer.score(c, RfmOptions.builder().binning(binning).build());
        MigrationMatrix matrix = MigrationMatrix.between(scored, c, SegmentMap.rfGrid());
        boolean split = scored.warnings().stream().anyMatch(w -> w.contains("splits"));
        if (!split) {
            assertThat(matrix.stayed()).isEqualTo(c.size());
        }
    }

    @Property(tries = 100)
    void everyMigrationCellCountsTheCustomersThatMovedThatWay(@ForAll("rowLists") List<Columns.Row> before,
            @ForAll("rowLists") List<Columns.Row> after, @ForAll @IntRange(min = 0, max = 40) int offset) {
        RfmResult scored = RfmScorer.score(Columns.of(before, 0, 1), RfmOptions.builder().build());
        SegmentMap map = SegmentMap.elevenSegments();
        MigrationMatrix matrix = MigrationMatrix.between(scored, Columns.of(after, offset, 1), map);
        List<String> segments = map.segments();
        int n = segments.size();
        List<String> rows = new ArrayList<>(segments);
        rows.add(MigrationMatrix.NEW);
        List<String> columns = new ArrayList<>(segments);
        columns.add(MigrationMatrix.GONE);
        assertThat(matrix.rowLabels()).isEqualTo(rows);
        assertThat(matrix.columnLabels()).isEqualTo(columns);

        // the model: each customer's segment before (or new) and after (or gone), by identifier
        java.util.Map<String, Integer> from = new java.util.HashMap<>();
        java.util.Map<String, Integer> to = new java.util.HashMap<>();
        Segmentation a = matrix.before();
        Segmentation b = matrix.after();
        for (int i = 0; i < a.size(); i++) {
            from.put(a.customerId(i).value(), a.segmentIndex(i));
        }
        for (int i = 0; i < b.size(); i++) {
            to.put(b.customerId(i).value(), b.segmentIndex(i));
        }
        long[][] expected = new long[n + 1][n + 1];
        Set<String> everyone = new HashSet<>(from.keySet());
        everyone.addAll(to.keySet());
        for (String id : everyone) {
            expected[from.getOrDefault(id, n)][to.getOrDefault(id, n)]++;
        }
        long stayed = 0;
        for (int r = 0; r <= n; r++) {
            for (int c = 0; c <= n; c++) {
                assertThat(matrix.count(r, c)).as("%s to %s", rows.get(r), columns.get(c)).isEqualTo(expected[r][c]);
                assertThat(matrix.count(rows.get(r), columns.get(c))).isEqualTo(expected[r][c]);
            }
            stayed += r < n ? expected[r][r] : 0;
        }
        assertThat(matrix.stayed()).isEqualTo(stayed);
        String[] lines = matrix.toString().split("\n");
        assertThat(lines).hasSize(n + 3);
        assertThat(lines[0]).startsWith("from\\to").endsWith("total");
        for (int r = 0; r <= n; r++) {
            String[] cells = lines[r + 1].trim().split(" +");
            assertThat(lines[r + 1]).startsWith(rows.get(r));
            assertThat(Long.parseLong(cells[cells.length - 1])).isEqualTo(matrix.rowTotal(r));
            assertThat(Long.parseLong(cells[cells.length - 2])).isEqualTo(expected[r][n]);
        }
        String[] totals = lines[n + 2].trim().split(" +");
        assertThat(totals[0]).isEqualTo("total");
        assertThat(Long.parseLong(totals[totals.length - 1])).isEqualTo(matrix.columnTotal(n));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> matrix.count("nobody", MigrationMatrix.GONE))
                .hasMessageContaining("unknown label: nobody");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> matrix.count(MigrationMatrix.NEW, "nowhere"))
                .hasMessageContaining("unknown label: nowhere");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> matrix.count(n + 1, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> matrix.count(0, n + 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
