package io.crmkit.testkit.simulation;

/**
 * The parameters of the Gamma-Gamma spend model (Fader, Hardie and Lee, 2005) that the simulator
 * draws transaction values from: a customer's transaction values are Gamma(shape {@code p}, rate
 * {@code nu}); {@code nu} varies across customers as Gamma(shape {@code q}, rate {@code gamma}).
 * The mean transaction value of the population is {@code p * gamma / (q - 1)} when {@code q > 1}.
 * Values are in major currency units.
 *
 * <p>Immutable and thread-safe.
 *
 * @param p the shape of a customer's transaction values, positive
 * @param q the shape of the {@code nu} distribution, positive
 * @param gamma the rate of the {@code nu} distribution, positive
 */
public record GammaGammaSpend(double p, double q, double gamma) {

    /** The published estimates on the CDNOW sample, in US dollars: p = 6.25, q = 3.74, gamma = 15.44. */
    public static final GammaGammaSpend CDNOW = new GammaGammaSpend(6.25, 3.74, 15.44);

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not a positive finite number
     */
    public GammaGammaSpend {
        BgNbdProcess.positive(p, "p");
        BgNbdProcess.positive(q, "q");
        BgNbdProcess.positive(gamma, "gamma");
    }
}
