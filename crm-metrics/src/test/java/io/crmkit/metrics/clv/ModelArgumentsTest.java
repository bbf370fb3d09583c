package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every transaction model refuses a customer or a horizon that cannot be (negative purchases, a
 * last purchase after the end of observation, purchases at time zero, a negative or infinite
 * horizon, a negative count) with a message naming the value, from every per-customer method; and
 * the NBD's closed forms, which no published table lists, against their formulas.
 */
class ModelArgumentsTest {

    static List<TransactionModel> models() {
        return List.of(NbdModel.of(0.8, 5.0, PeriodUnit.WEEKS),
                ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669, PeriodUnit.WEEKS),
                BgNbdModel.of(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEKS),
                MbgNbdModel.of(0.525, 6.183, 0.891, 1.614, PeriodUnit.WEEKS));
    }

    private static void refuses(String what, Consumer<TransactionModel> call, TransactionModel m, String value) {
        assertThatThrownBy(() -> call.accept(m)).as("%s of %s", what, m.name())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(value);
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyPerCustomerMethodRefusesAnImpossibleCustomer(TransactionModel m) {
        // x = -1; t_x = 40 after T = 30; x = 2 with t_x = 0 is fine, x = 0 with t_x = 5 is not
        refuses("logLikelihood", t -> t.logLikelihood(-1, 0, 30), m, "-1");
        refuses("logLikelihood", t -> t.logLikelihood(2, 40, 30), m, "40");
        refuses("conditionalExpectedTransactions", t -> t.conditionalExpectedTransactions(-1, 0, 30, 10), m, "-1");
        refuses("conditionalExpectedTransactions", t -> t.conditionalExpectedTransactions(2, 40, 30, 10), m, "40");
        refuses("probabilityAlive", t -> t.probabilityAlive(-1, 0, 30), m, "-1");
        refuses("probabilityAlive", t -> t.probabilityAlive(2, 40, 30), m, "40");
        refuses("probabilityNoTransactions", t -> t.probabilityNoTransactions(-1, 0, 30, 10), m, "-1");
        refuses("probabilityNoTransactions", t -> t.probabilityNoTransactions(2, 40, 30, 10), m, "40");
        refuses("probabilityNoTransactionsIfAlive", t -> t.probabilityNoTransactionsIfAlive(-1, 30, 10), m, "-1");
        refuses("probabilityNoTransactionsIfAlive", t -> t.probabilityNoTransactionsIfAlive(2, -3, 10), m, "-3");
        refuses("dert", t -> t.dert(-1, 0, 30, 0.01), m, "-1");
        refuses("dert", t -> t.dert(2, 40, 30, 0.01), m, "40");
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyHorizonMustBeFiniteAndNotNegative(TransactionModel m) {
        for (double t : new double[] {-1, Double.POSITIVE_INFINITY, Double.NaN}) {
            String value = String.valueOf(t);
            refuses("expectedTransactions", x -> x.expectedTransactions(t), m, value);
            refuses("conditionalExpectedTransactions", x -> x.conditionalExpectedTransactions(2, 10, 30, t), m, value);
            refuses("probabilityNoTransactions", x -> x.probabilityNoTransactions(2, 10, 30, t), m, value);
            refuses("probabilityNoTransactionsIfAlive", x -> x.probabilityNoTransactionsIfAlive(2, 30, t), m, value);
            refuses("probabilityOfTransactions", x -> x.probabilityOfTransactions(1, t), m, value);
        }
        refuses("probabilityOfTransactions", x -> x.probabilityOfTransactions(-2, 10), m, "-2");
        for (double delta : new double[] {0, -0.1, Double.POSITIVE_INFINITY, Double.NaN}) {
            refuses("dert", x -> x.dert(2, 10, 30, delta), m, String.valueOf(delta));
        }
        // and a valid call of each is a finite number (the refusals are not a blanket)
        assertThat(m.logLikelihood(2, 10, 30)).isFinite().isNegative();
        assertThat(m.conditionalExpectedTransactions(2, 10, 30, 10)).isFinite().isPositive();
        assertThat(m.probabilityAlive(2, 10, 30)).isBetween(0.0, 1.0);
        assertThat(m.probabilityNoTransactions(2, 10, 30, 10)).isBetween(0.0, 1.0);
        assertThat(m.probabilityNoTransactionsIfAlive(2, 30, 10)).isBetween(0.0, 1.0);
        assertThat(m.probabilityOfTransactions(1, 10)).isBetween(0.0, 1.0);
        assertThat(m.dert(2, 10, 30, 0.01)).isFinite().isPositive();
        assertThat(m.toString()).startsWith(m.getClass().getSimpleName() + "[").contains("unit=WEEKS");
    }

    @Test
    void theNbdsClosedForms() {
        double r = 0.8;
        double alpha = 5.0;
        NbdModel m = NbdModel.of(r, alpha, PeriodUnit.WEEKS);
        // a new customer's mean rate is r / alpha per week
        assertThat(m.expectedTransactions(26)).isCloseTo(r * 26 / alpha, within(1e-12));
        assertThat(m.expectedTransactions(0)).isZero();
        // after x purchases in T weeks the rate is Gamma(r + x, alpha + T): its mean times t
        assertThat(m.conditionalExpectedTransactions(3, 20, 30, 10)).isCloseTo((r + 3) * 10 / (alpha + 30),
                within(1e-12));
        // nobody drops out
        assertThat(m.probabilityAlive(0, 0, 52)).isEqualTo(1.0);
        assertThat(m.probabilityAlive(9, 51, 52)).isEqualTo(1.0);
        // discounted at delta per week over an infinite life: the posterior mean rate over delta
        assertThat(m.dert(3, 20, 30, 0.02)).isCloseTo((r + 3) / ((alpha + 30) * 0.02), within(1e-9));
        // no purchase in t weeks: ((alpha + T) / (alpha + T + t))^(r + x)
        assertThat(m.probabilityNoTransactions(3, 20, 30, 10)).isCloseTo(Math.pow(35.0 / 45.0, r + 3),
                within(1e-12));
        assertThat(m.probabilityNoTransactionsIfAlive(3, 30, 10)).isCloseTo(Math.pow(35.0 / 45.0, r + 3),
                within(1e-12));
        // the negative binomial at n = 0 and n = 2, by hand
        double p = alpha / (alpha + 10);
        assertThat(m.probabilityOfTransactions(0, 10)).isCloseTo(Math.pow(p, r), within(1e-12));
        assertThat(m.probabilityOfTransactions(2, 10)).isCloseTo(r * (r + 1) / 2 * Math.pow(p, r) * (1 - p) * (1 - p),
                within(1e-12));
        assertThat(m.probabilityOfTransactions(0, 0)).isEqualTo(1.0);
        assertThat(m.probabilityOfTransactions(2, 0)).isZero();
        // the log-likelihood of one customer: ln Gamma(r + x) - ln Gamma(r) + r ln alpha - (r + x) ln(alpha + T)
        double ll = Special.lnGamma(r + 3) - Special.lnGamma(r) + r * Math.log(alpha) - (r + 3) * Math.log(alpha + 30);
        assertThat(m.logLikelihood(3, 20, 30)).isCloseTo(ll, within(1e-12));
    }
}
