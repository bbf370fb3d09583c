package io.crmkit.metrics.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinanceTest {

    @Test
    void aRateWithinADoubleOfMinusOneIsReportedAboveMinusOne() {
        // -100 today, 0.01 back tomorrow: (1+r)^(1/365) = 1e-4, so 1 + r = 1e-1460, far below a double's reach
        LocalDate day = LocalDate.of(2024, 1, 1);
        RateResult r = Irr.xirr(List.of(new DatedCashFlow(day, -100), new DatedCashFlow(day.plusDays(1), 0.01)));
        assertThat(r.rates()).containsExactly(Math.nextUp(-1.0));
        assertThat(r.rates().get(0)).isGreaterThan(-1.0);
        // -1 today, 7 tomorrow: 1 + r = 7^365, beyond a double
        RateResult huge = Irr.xirr(List.of(new DatedCashFlow(day, -1), new DatedCashFlow(day.plusDays(1), 7)));
        assertThat(huge.rates()).isEmpty();
        assertThat(huge).isInstanceOf(RateResult.NoRoot.class);
        assertThat(((RateResult.NoRoot) huge).reason()).contains("more than a double holds");
        // a rate a double can hold is unchanged: -100 today, 50 back in a year
        assertThat(Irr.xirr(List.of(new DatedCashFlow(day, -100), new DatedCashFlow(LocalDate.of(2024, 12, 31), 50)))
                .rates().get(0)).isCloseTo(-0.5, within(1e-9));
    }

    @Test
    void paybackIsTheFinalCrossingInterpolated() {
        assertThat(Payback.simple(-100, 30, 30, 30, 30)).hasValue(3 + 10.0 / 30);
        // pays back in period 2, dips below zero again, pays back for good in period 4
        assertThat(Payback.simple(-100, 60, 60, -50, 40)).hasValue(3 + 30.0 / 40);
        assertThat(Payback.simple(-100, 30, 30)).isEmpty();
        assertThat(Payback.simple(10, 20)).hasValue(0);
        // discounted at 10 %: -100, 50, 45.45... never recovers; -100, 60/1.1, 66/1.21 = -100, 54.55, 54.55
        assertThat(Payback.discounted(0.10, -100, 55, 55)).isEmpty();
        assertThat(Payback.discounted(0.10, -100, 60, 66).getAsDouble())
                .isCloseTo(1 + (100 - 60 / 1.1) / (66 / 1.21), within(1e-12));
    }

    @Test
    void cacPaybackInMonths() {
        assertThat(Payback.cacMonths(Money.of("300.00", "USD"), Money.of("50.00", "USD"), 0.6)).isEqualTo(10.0);
        assertThatThrownBy(() -> Payback.cacMonths(Money.of("300.00", "USD"), Money.of("50.00", "EUR"), 0.6))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> Payback.cacMonths(Money.of("300.00", "USD"), Money.of("50.00", "USD"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grossMarginRate");
    }

    @Test
    void roiOfMoneyIsExact() {
        assertThat(Roi.of(Money.of("0.30", "USD"), Money.of("0.10", "USD"))).isEqualByComparingTo("2");
        assertThat(Roi.of(new BigDecimal("1"), new BigDecimal("3"))).isEqualByComparingTo(
                new BigDecimal("-0.6666666666666666666666666666666667"));
        assertThatThrownBy(() -> Roi.of(BigDecimal.ONE, new BigDecimal("-5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
    }

    @Test
    void npvOfMoneyKeepsTheCurrency() {
        List<Money> flows = List.of(Money.of("-10000.00", "EUR"), Money.of("3000.00", "EUR"),
                Money.of("4200.00", "EUR"), Money.of("6800.00", "EUR"));
        assertThat(Npv.excel(0.1, flows)).isEqualTo(Money.of("1188.44", "EUR"));
        assertThat(Npv.fromTimeZero(0.1, flows)).isEqualTo(Money.of("1307.29", "EUR"));
        assertThatThrownBy(() -> Npv.excel(0.1, List.of(Money.of("1.00", "EUR"), Money.of("1.00", "USD"))))
                .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("flows[1]");
    }

    @Test
    void ratesAtOrBelowMinusOneAreRejected() {
        assertThatThrownBy(() -> Npv.fromTimeZero(-1, 1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Npv.excel(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Irr.mirr(new double[] {-1, 2}, -1.5, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("financeRate");
        assertThatThrownBy(() -> Irr.irr(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flows[1]");
    }

    @Test
    void hugeAndTinyAmountsGiveTheSameRate() {
        double base = Irr.irr(-1000, 300, 400, 500).rates().get(0);
        assertThat(Irr.irr(-1e15, 3e14, 4e14, 5e14).rates().get(0)).isCloseTo(base, within(1e-14));
        assertThat(Irr.irr(-1e-9, 3e-10, 4e-10, 5e-10).rates().get(0)).isCloseTo(base, within(1e-14));
        List<DatedCashFlow> big = List.of(DatedCashFlow.of(LocalDate.of(2020, 1, 1), -5e12),
                DatedCashFlow.of(LocalDate.of(2021, 7, 1), 6e12));
        assertThat(Irr.xirr(big)).isInstanceOf(RateResult.Unique.class);
        assertThat(Npv.xnpv(((RateResult.Unique) Irr.xirr(big)).rate(), big)).isCloseTo(0, within(1e-2));
    }

    @Test
    void sameDayDatedFlowsAreNetted() {
        LocalDate d = LocalDate.of(2024, 1, 1);
        RateResult r = Irr.xirr(List.of(DatedCashFlow.of(d, -100), DatedCashFlow.of(d, 50),
                DatedCashFlow.of(d.plusDays(365), 55)));
        assertThat(r.rates()).singleElement().satisfies(x -> assertThat(x).isCloseTo(0.10, within(1e-12)));
    }

    @Test
    void leadingAndTrailingZerosDoNotMoveTheRate() {
        double base = Irr.irr(-100, 110).rates().get(0);
        assertThat(base).isCloseTo(0.10, within(1e-15));
        assertThat(Irr.irr(0, 0, -100, 110, 0, 0).rates().get(0)).isCloseTo(base, within(1e-15));
        assertThat(Irr.irr(0, 0, 0)).isInstanceOf(RateResult.NoRoot.class);
    }

    @Test
    void longSeriesSolve() {
        double[] flows = new double[5000];
        flows[0] = -1e6;
        for (int t = 1; t < flows.length; t++) {
            flows[t] = 1e6 * 0.01 * Math.pow(1.0001, t);
        }
        RateResult r = Irr.irr(flows);
        assertThat(r).isInstanceOf(RateResult.Unique.class);
        assertThat(Math.abs(Npv.fromTimeZero(r.rates().get(0), flows))).isLessThan(1e-6);
    }

    @Test
    void costBenefitOfACrmProject() {
        // year 0: licence and rollout; years 1-4: running costs and the benefits of better retention
        CostBenefitReport r = CostBenefitReport.of(0.08, new double[] {250_000, 60_000, 60_000, 60_000, 60_000},
                new double[] {0, 120_000, 160_000, 180_000, 190_000});
        assertThat(r.totalCost()).isEqualTo(490_000);
        assertThat(r.roi()).isCloseTo((650_000 - 490_000) / 490_000.0, within(1e-15));
        assertThat(r.npv()).isCloseTo(Npv.fromTimeZero(0.08, -250_000, 60_000, 100_000, 120_000, 130_000),
                within(1e-6));
        assertThat(r.irr()).isInstanceOf(RateResult.Unique.class);
        // cumulative net flow: -250k, -190k, -90k, +30k: pays back three quarters into period 3
        assertThat(r.payback()).hasValue(2.75);
        assertThatThrownBy(() -> CostBenefitReport.of(0.08, new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same periods");
    }
}
