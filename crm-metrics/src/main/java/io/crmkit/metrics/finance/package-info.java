/**
 * Financial evaluation of CRM investments: {@link io.crmkit.metrics.finance.Roi ROI},
 * {@link io.crmkit.metrics.finance.Npv NPV} in both named conventions and XNPV,
 * {@link io.crmkit.metrics.finance.Irr IRR, XIRR and MIRR} (all real roots above -100 %, typed
 * results, no guess needed), {@link io.crmkit.metrics.finance.Payback payback} (simple, discounted,
 * CAC), the {@link io.crmkit.metrics.finance.RetentionClv retention CLV formula} and a
 * {@link io.crmkit.metrics.finance.CostBenefitReport cost-benefit report}.
 *
 * <p>Rates are fractions ({@code 0.08} is 8 %) per period, or per year for dated flows; they must
 * be greater than -1. Amounts are {@code double} currency units, except ROI, which is exact in
 * {@link java.math.BigDecimal}. Nothing returns NaN: undefined results are typed
 * ({@link io.crmkit.metrics.finance.RateResult.NoRoot}, empty optionals) or rejected with an
 * {@link java.lang.IllegalArgumentException} that says why.
 */
package io.crmkit.metrics.finance;
