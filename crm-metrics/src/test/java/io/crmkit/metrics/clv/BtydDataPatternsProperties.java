package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The two ways of finding the distinct (x, t_x, T) patterns give the same data. */
class BtydDataPatternsProperties {

    /** One customer: x, t_x and T, with t_x at most T; few distinct values, so patterns repeat. */
    record Customer(int x, double tx, double bigT) {
    }

    @Provide
    Arbitrary<List<Customer>> customers() {
        Arbitrary<Integer> x = Arbitraries.integers().between(0, 12);
        Arbitrary<Double> t = Arbitraries.integers().between(0, 40).map(d -> d / 7.0);
        return Combinators.combine(x, t, t).as((xv, a, b) -> {
            double tx = xv == 0 ? 0 : Math.min(a, b);
            // -0.0 is 0.0 for the patterns
            return new Customer(xv, tx == 0 && a > b ? -0.0 : tx, Math.max(a, b));
        }).list().ofMinSize(1).ofMaxSize(300);
    }

    @Property(tries = 300)
    void sortedRanksAndTheHashTableFindTheSamePatterns(@ForAll("customers") List<Customer> customers) {
        int n = customers.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = customers.get(i).x();
            tx[i] = customers.get(i).tx();
            bigT[i] = customers.get(i).bigT();
        }
        BtydData ranked = BtydData.ofCustomersByRank(x, tx, bigT, PeriodUnit.WEEKS);
        BtydData table = BtydData.ofCustomersByTable(x, tx, bigT, PeriodUnit.WEEKS);
        assertThat(ranked).isNotNull();
        assertThat(ranked.patternCount()).isEqualTo(table.patternCount());
        for (int k = 0; k < table.patternCount(); k++) {
            assertThat(ranked.x(k)).isEqualTo(table.x(k));
            assertThat(ranked.tx(k)).isEqualTo(table.tx(k));
            assertThat(ranked.bigT(k)).isEqualTo(table.bigT(k));
            assertThat(ranked.weight(k)).isEqualTo(table.weight(k));
            if (k > 0) {
                assertThat(ranked.x(k) > ranked.x(k - 1) || ranked.tx(k) > ranked.tx(k - 1)
                        || ranked.bigT(k) > ranked.bigT(k - 1)).as("ascending, distinct").isTrue();
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(ranked.patternOf(i)).isEqualTo(table.patternOf(i));
            int k = ranked.patternOf(i);
            assertThat(ranked.x(k)).isEqualTo(x[i]);
            assertThat(ranked.tx(k)).isEqualTo(tx[i] + 0.0);
            assertThat(ranked.bigT(k)).isEqualTo(bigT[i]);
        }
        assertThat(BtydData.ofCustomers(x, tx, bigT, PeriodUnit.WEEKS).patternCount()).isEqualTo(table.patternCount());
    }

    @Property(tries = 20)
    void aRepeatCountBeyondTheKeyTakesTheTable(@ForAll("customers") List<Customer> customers) {
        int n = customers.size() + 1;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        for (int i = 0; i < n - 1; i++) {
            x[i] = customers.get(i).x();
            tx[i] = customers.get(i).tx();
            bigT[i] = customers.get(i).bigT();
        }
        x[n - 1] = 1 << 21;
        tx[n - 1] = 5;
        bigT[n - 1] = 6;
        assertThat(BtydData.ofCustomersByRank(x, tx, bigT, PeriodUnit.WEEKS)).isNull();
        BtydData data = BtydData.ofCustomers(x, tx, bigT, PeriodUnit.WEEKS);
        assertThat(data.x(data.patternOf(n - 1))).isEqualTo(1 << 21);
        assertThat(data.x(data.patternCount() - 1)).isEqualTo(1 << 21);
    }
}
