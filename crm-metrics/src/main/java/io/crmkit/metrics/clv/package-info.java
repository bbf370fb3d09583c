/**
 * Probabilistic customer lifetime value: "buy till you die" models fitted by maximum likelihood,
 * their predictions, spend and CLV, and holdout validation.
 *
 * <ul>
 *   <li>Repeat transactions in continuous time: {@link io.crmkit.metrics.clv.BgNbdModel BG/NBD},
 *       {@link io.crmkit.metrics.clv.MbgNbdModel MBG/NBD} and
 *       {@link io.crmkit.metrics.clv.ParetoNbdModel Pareto/NBD}, all
 *       {@link io.crmkit.metrics.clv.TransactionModel}s fitted on
 *       {@link io.crmkit.metrics.clv.BtydData} (the unique {@code (x, t_x, T)} patterns of a
 *       {@link io.crmkit.core.history.BtydView}).</li>
 *   <li>Discrete purchase opportunities: {@link io.crmkit.metrics.clv.BgBbModel BG/BB}; contractual
 *       retention: {@link io.crmkit.metrics.clv.SbgModel sBG}.</li>
 *   <li>Spend: {@link io.crmkit.metrics.clv.GammaGammaModel Gamma-Gamma}; lifetime value:
 *       {@link io.crmkit.metrics.clv.LifetimeValue}, per customer
 *       {@link io.crmkit.metrics.clv.CustomerValue}.</li>
 *   <li>Validation: {@link io.crmkit.metrics.clv.CalibrationHoldout},
 *       {@link io.crmkit.metrics.clv.HoldoutScorecard} and
 *       {@link io.crmkit.metrics.clv.ModelComparison}.</li>
 * </ul>
 *
 * <p>Time is typed: every model carries its {@link io.crmkit.core.history.PeriodUnit} and converts
 * {@link io.crmkit.metrics.clv.Horizon}s into it. Fits are deterministic, report their
 * convergence ({@link io.crmkit.metrics.clv.FitReport}) and throw
 * {@link io.crmkit.metrics.clv.ModelFitException} instead of returning an unconverged estimate.
 * No public method returns NaN or null. Models and results are immutable and thread-safe.
 */
package io.crmkit.metrics.clv;
