package io.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.Order;
import io.crmkit.core.port.memory.InMemoryCustomerRepository;
import io.crmkit.segmentation.cluster.ClusterOptions;
import io.crmkit.segmentation.cluster.KMeans;
import io.crmkit.segmentation.rfm.Binning;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScorer;
import io.crmkit.segmentation.segment.MigrationMatrix;
import io.crmkit.segmentation.segment.SegmentMap;
import io.crmkit.segmentation.segment.SegmentTable;
import io.crmkit.segmentation.value.AbcClass;
import io.crmkit.segmentation.value.CostToServe;
import io.crmkit.segmentation.value.LorenzCurve;
import io.crmkit.segmentation.value.LowReturnCustomers;
import io.crmkit.segmentation.value.TierAssignment;
import io.crmkit.segmentation.value.ValueTiers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The defined behaviour on degenerate inputs. */
class DegenerateInputsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final List<Binning> ALL = List.of(Binning.quantiles(5), Binning.rRfm(5), Binning.ntile(5),
            Binning.tiedRanks(5), Binning.percentRanks(5), Binning.thresholds(io.crmkit.segmentation.rfm.Side.LOWER,
                    10, 20, 30, 40));

    private static CustomerColumns columns(double[] recency, int[] frequency, long[] revenue) {
        List<CustomerId> ids = Stream.iterate(0, i -> i + 1).limit(recency.length)
                .map(i -> CustomerId.of(String.format("c%03d", i))).toList();
        return CustomerColumns.of(USD, ids, recency, frequency, frequency.clone(), revenue, "test");
    }

    @Test
    void noCustomersAtAll() {
        CustomerColumns none = columns(new double[0], new int[0], new long[0]);
        for (Binning b : ALL) {
            RfmResult r = RfmScorer.score(none, RfmOptions.builder().binning(b).build());
            assertThat(r.size()).isZero();
            assertThat(r.dimension(Dimension.RECENCY).cuts()).hasSize(b instanceof Binning.Thresholds ? 4 : 0);
            assertThat(r.warnings()).anyMatch(w -> w.contains("no customers"));
            assertThat(r.grid().customers(5, 5)).isZero();
            SegmentTable table = SegmentMap.elevenSegments().assign(r).summary();
            assertThat(table.customers()).isZero();
            assertThat(table.rows()).allMatch(row -> row.averageOrderValue().isEmpty() && row.revenueShare().isEmpty());
            if (!(b instanceof Binning.Thresholds)) {
                assertThatThrownBy(r::frozenOptions).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("no customers");
                assertThatThrownBy(() -> MigrationMatrix.between(r, none, SegmentMap.elevenSegments()))
                        .isInstanceOf(IllegalStateException.class);
            }
        }
        assertThat(ValueTiers.abcByRevenue(none).size()).isZero();
        assertThatThrownBy(() -> LorenzCurve.of(none)).hasMessageContaining("positive total revenue");
        assertThat(LowReturnCustomers.compute(none, CostToServe.of(1, 1, 0)).size()).isZero();
        assertThatThrownBy(() -> KMeans.cluster(none, ClusterOptions.of(2, 1))).hasMessageContaining("exceeds");
    }

    @Test
    void oneCustomerGetsTheLowestBinOnEveryMethod() {
        CustomerColumns one = columns(new double[] {12}, new int[] {3}, new long[] {4_500});
        for (Binning b : ALL.subList(0, 5)) {
            RfmResult r = RfmScorer.score(one, RfmOptions.builder().binning(b).build());
            // bin 1 of 5: frequency and monetary score 1, recency (lower is better) score 5
            assertThat(r.code(0)).as(b.describe()).isEqualTo(511);
            assertThat(r.dimension(Dimension.FREQUENCY).emptyScores()).containsExactly(2, 3, 4, 5);
        }
        assertThat(ValueTiers.abcByRevenue(one).tier(0)).isEqualTo(AbcClass.A);
        assertThat(ValueTiers.abcByCustomers(one).tier(0)).isEqualTo(AbcClass.A);
        assertThat(LorenzCurve.of(one).gini()).isZero();
    }

    @Test
    void allValuesEqualShareOneBinExceptUnderNtile() {
        int n = 20;
        double[] recency = new double[n];
        int[] frequency = new int[n];
        long[] revenue = new long[n];
        java.util.Arrays.fill(recency, 30);
        java.util.Arrays.fill(frequency, 2);
        java.util.Arrays.fill(revenue, 10_000);
        CustomerColumns same = columns(recency, frequency, revenue);
        RfmResult q = RfmScorer.score(same, RfmOptions.defaults());
        assertThat(q.dimension(Dimension.MONETARY).customersWithScore(1)).isEqualTo(n);
        assertThat(q.dimension(Dimension.MONETARY).mergedCuts()).containsExactly(2, 3, 4);
        assertThat(q.dimension(Dimension.MONETARY).cuts().get(0).tiedCustomers()).isEqualTo(n);
        assertThat(q.warnings()).anyMatch(w -> w.contains("coincide"));
        RfmResult nt = RfmScorer.score(same, RfmOptions.builder().binning(Binning.ntile(5)).build());
        for (int s = 1; s <= 5; s++) {
            assertThat(nt.dimension(Dimension.MONETARY).customersWithScore(s)).isEqualTo(4);
        }
        assertThat(nt.dimension(Dimension.MONETARY).cuts()).allMatch(c -> c.splitsTie());
        assertThat(nt.warnings()).anyMatch(w -> w.contains("tie broken by customer id"));
        // ties are broken by customer id: the first four customers get the lowest monetary score
        assertThat(nt.m(0)).isEqualTo(1);
        assertThat(nt.m(n - 1)).isEqualTo(5);
        assertThat(LorenzCurve.of(same).gini()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12));
        TierAssignment<AbcClass> abc = ValueTiers.abcByCustomers(same);
        assertThat(abc.customers(AbcClass.A)).isEqualTo(4);
        assertThatThrownBy(() -> KMeans.cluster(same, ClusterOptions.of(2, 7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
    }

    @Test
    void zeroAndNegativeMonetaryAfterRefunds() {
        CustomerColumns c = columns(new double[] {1, 2, 3, 4, 5}, new int[] {1, 1, 2, 3, 4},
                new long[] {-2_000, 0, 0, 5_000, 15_000});
        RfmResult r = RfmScorer.score(c, RfmOptions.defaults());
        assertThat(r.monetary(0)).isEqualTo(-20.0);
        assertThat(r.m(0)).isEqualTo(1);
        assertThat(r.m(4)).isEqualTo(5);
        TierAssignment<AbcClass> abc = ValueTiers.abcByRevenue(c);
        assertThat(abc.tier(0)).isEqualTo(AbcClass.C);
        assertThat(abc.tier(1)).isEqualTo(AbcClass.C);
        assertThat(abc.tier(4)).isEqualTo(AbcClass.A);
        LorenzCurve lorenz = LorenzCurve.of(c);
        assertThat(lorenz.flooredCustomers()).isEqualTo(1);
        assertThat(lorenz.gini()).isBetween(0.0, 1.0);
        LowReturnCustomers low = LowReturnCustomers.compute(c, CostToServe.of(0, 1, 0));
        // margins: -21, -1, -2, 47, 146
        assertThat(low.size()).isEqualTo(3);
        assertThat(low.margin(0)).isEqualTo(-21.0);
        assertThat(low.recoverableMargin()).isEqualTo(24.0);
        SegmentTable table = SegmentMap.rfGrid().assign(r).summary();
        assertThat(table.totalRevenue()).isEqualTo(180.0);
    }

    @Test
    void fullyRefundedOrdersGiveZeroMonetaryThroughTheSummaries() {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        Order refunded = Order.builder(OrderId.of("o1"), CustomerId.of("a"), t, USD)
                .grossAmount(Money.of("40.00", "USD")).refundedAmount(Money.of("40.00", "USD")).build();
        Order paid = Order.of(OrderId.of("o2"), CustomerId.of("b"), t, Money.of("10.00", "USD"));
        PurchaseSummaries s = PurchaseHistory.summarize(List.of(refunded, paid),
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2024, 3, 31))).build());
        RfmResult r = RfmScorer.score(s, RfmOptions.defaults());
        assertThat(r.monetary(0)).isZero();
        assertThat(r.m(0)).isLessThan(r.m(1));
        assertThat(r.recencyDays(0)).isEqualTo(30);
    }

    @Test
    void customersWithoutPurchasesAreProspectsKeptApart() {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        PurchaseSummaries s = PurchaseHistory.summarize(
                List.of(Order.of(OrderId.of("o1"), CustomerId.of("buyer"), t, Money.of("10.00", "USD"))),
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2024, 3, 31))).build());
        InMemoryCustomerRepository repo = new InMemoryCustomerRepository();
        CrmCustomers.add(repo, "buyer", "lead-1", "lead-2");
        CustomerColumns columns = CustomerColumns.from(s, repo);
        assertThat(columns.size()).isEqualTo(1);
        assertThat(columns.prospects()).containsExactly(CustomerId.of("lead-1"), CustomerId.of("lead-2"));
        RfmResult r = RfmScorer.score(columns, RfmOptions.defaults());
        assertThat(r.prospects()).hasSize(2);
        assertThat(r.describe()).contains("2 prospects without purchases (not scored)");
        SegmentTable table = SegmentMap.elevenSegments().assign(r).summary();
        assertThat(table.prospects()).isEqualTo(2);
        assertThat(table.customers()).isEqualTo(1);
        assertThatThrownBy(() -> columns.withProspects(List.of(CustomerId.of("buyer"))))
                .hasMessageContaining("has purchases");
    }

    @Test
    void badColumnsAreRejectedNamingTheRowAndValue() {
        assertThatThrownBy(() -> columns(new double[] {-1}, new int[] {1}, new long[] {1}))
                .hasMessageContaining("recencyDays[0]").hasMessageContaining("-1");
        assertThatThrownBy(() -> columns(new double[] {1}, new int[] {0}, new long[] {1}))
                .hasMessageContaining("frequency[0]").hasMessageContaining("prospects");
        assertThatThrownBy(() -> CustomerColumns.of(USD, List.of(CustomerId.of("b"), CustomerId.of("a")),
                new double[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, new long[] {1, 1}, "x"))
                .hasMessageContaining("ascending");
    }

    /** Adds plain person customers to a repository. */
    static final class CrmCustomers {
        private CrmCustomers() {
        }

        static void add(InMemoryCustomerRepository repo, String... ids) {
            for (String id : ids) {
                repo.save(Customer.builder(CustomerId.of(id), io.crmkit.core.customer.PartyKind.PERSON, "Name " + id,
                        Instant.parse("2024-01-01T00:00:00Z")).build());
            }
        }
    }
}
