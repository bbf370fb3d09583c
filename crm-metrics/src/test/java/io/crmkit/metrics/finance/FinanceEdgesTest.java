package io.crmkit.metrics.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.Money;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The edges of the finance functions' domains, and MIRR's definition checked by hand. */
class FinanceEdgesTest {

    @Test
    void mirrDiscountsOutlaysAndCompoundsReceipts() {
        // receipts compounded to the end at 12 %: 50 * 1.12 + 60 = 116 against 100 invested
        assertThat(Irr.mirr(new double[] {-100, 50, 60}, 0.10, 0.12)).isCloseTo(Math.sqrt(1.16) - 1, within(1e-15));
        // a later outlay is discounted at the finance rate: PV = 100 + 20 / 1.1
        assertThat(Irr.mirr(new double[] {-100, -20, 150}, 0.10, 0.12))
                .isCloseTo(Math.sqrt(150 / (100 + 20 / 1.1)) - 1, within(1e-15));
        // a zero flow still counts as a period
        assertThat(Irr.mirr(new double[] {-100, 0, 121}, 0.3, 0.5)).isCloseTo(0.10, within(1e-15));
        assertThatThrownBy(() -> Irr.mirr(new double[] {100, 0, 121}, 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no negative value");
        assertThatThrownBy(() -> Irr.mirr(new double[] {-100, 0, -121}, 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no positive value");
        assertThatThrownBy(() -> Irr.mirr(new double[] {-100, 121}, 0.1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reinvestRate");
    }

    /** With one outlay first and one receipt last, nothing is discounted or compounded: MIRR is the IRR. */
    @Property
    void mirrOfOneOutlayAndOneReceiptIsTheIrr(@ForAll @DoubleRange(min = 1, max = 1e6) double outlay,
            @ForAll @DoubleRange(min = 0.01, max = 100) double multiple, @ForAll @IntRange(min = 1, max = 30) int periods,
            @ForAll @DoubleRange(min = -0.5, max = 1) double financeRate,
            @ForAll @DoubleRange(min = -0.5, max = 1) double reinvestRate) {
        double[] flows = new double[periods + 1];
        flows[0] = -outlay;
        flows[periods] = outlay * multiple;
        double irr = Irr.irr(flows).rates().get(0);
        assertThat(Irr.mirr(flows, financeRate, reinvestRate)).isCloseTo(irr, within(1e-12 * (1 + Math.abs(irr))));
    }

    @Test
    void everyEntryPointRejectsANonFiniteFlowAndARateAtOrBelowMinusOne() {
        double[] bad = {-100, Double.NaN, 50};
        double[] good = {-100, 60, 60};
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> flows = List.of(
                () -> Npv.fromTimeZero(0.1, bad), () -> Npv.excel(0.1, bad), () -> Payback.simple(bad),
                () -> Payback.discounted(0.1, bad), () -> Irr.irr(bad), () -> Irr.mirr(bad, 0.1, 0.1),
                () -> CostBenefitReport.of(0.1, bad, good), () -> CostBenefitReport.of(0.1, good, bad));
        for (var call : flows) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flows[1]");
        }
        java.time.LocalDate day = java.time.LocalDate.of(2024, 1, 1);
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> rates = List.of(
                () -> Npv.fromTimeZero(-1, good), () -> Npv.excel(-1.5, good), () -> Payback.discounted(-1, good),
                () -> Irr.mirr(good, -1, 0.1), () -> CostBenefitReport.of(-1, good, good),
                () -> Npv.xnpv(-1, List.of(DatedCashFlow.of(day, -1), DatedCashFlow.of(day.plusDays(9), 2))));
        for (var call : rates) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        }
    }

    @Test
    void paybackAtTheBoundaries() {
        // recovered exactly at the end of period 1: the cumulative flow 0 is not a shortfall
        assertThat(Payback.simple(-100, 100)).hasValue(1);
        // short only in period 0: two thirds into period 1
        assertThat(Payback.simple(-100, 150).getAsDouble()).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(Payback.simple(-100, 50, -1)).isEmpty();
    }

    @Test
    void cacPaybackRangeChecks() {
        Money usd300 = Money.of("300.00", "USD");
        Money usd50 = Money.of("50.00", "USD");
        assertThat(Payback.cacMonths(Money.of("0.00", "USD"), usd50, 0.5)).isZero();
        assertThat(Payback.cacMonths(usd300, usd50, 1)).isEqualTo(6.0);
        assertThatThrownBy(() -> Payback.cacMonths(Money.of("-1.00", "USD"), usd50, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acquisitionCost");
        assertThatThrownBy(() -> Payback.cacMonths(usd300, Money.of("0.00", "USD"), 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monthlyRevenuePerCustomer");
        assertThatThrownBy(() -> Payback.cacMonths(usd300, usd50, 1.0000001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grossMarginRate");
    }

    @Test
    void roiNeedsAPositiveCostInOneCurrency() {
        assertThatThrownBy(() -> Roi.of(BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost = 0");
        assertThatThrownBy(() -> Roi.of(Money.of("1.00", "USD"), Money.of("1.00", "EUR")))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThat(Roi.of(Money.of("150.00", "EUR"), Money.of("100.00", "EUR"))).isEqualByComparingTo("0.5");
    }

    @Test
    void retentionClvIsTheMarginTimesTheMultiple() {
        assertThat(RetentionClv.value(100, 0.8, 0.1)).isCloseTo(100 * 0.8 / 0.3, within(1e-12));
        assertThat(RetentionClv.marginMultiple(0, 0.1)).isZero();
        assertThatThrownBy(() -> RetentionClv.marginMultiple(1, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retentionRate");
        assertThatThrownBy(() -> RetentionClv.value(Double.NaN, 0.8, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marginPerPeriod");
    }

    @Test
    void nearestPrefersTheLowerRateOnATie() {
        RateResult r = new RateResult.Multiple(List.of(0.0, 0.2), 2);
        assertThat(r.nearest(0.1)).hasValue(0.0);
        assertThat(r.nearest(0.1000001)).hasValue(0.2);
        assertThat(r.nearest(-5)).hasValue(0.0);
        assertThat(new RateResult.NoRoot("none", 0).nearest(0)).isEmpty();
    }

    @Test
    void costBenefitDiscountedRoiIsTheNpvPerDiscountedCost() {
        double[] costs = {100, 10, 10};
        double[] benefits = {0, 80, 90};
        CostBenefitReport r = CostBenefitReport.of(0.1, costs, benefits);
        double pvCost = Npv.fromTimeZero(0.1, costs);
        assertThat(r.discountedRoi()).isCloseTo(r.npv() / pvCost, within(1e-15));
        assertThat(r.roi()).isCloseTo(50 / 120.0, within(1e-15));
    }
}
