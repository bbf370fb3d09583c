package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.history.PeriodUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pareto/NBD's {@code P(X(t) = n)} of a new customer, which no published table gives: against the
 * identities any distribution of counts must meet (the probabilities sum to one and their mean is
 * the closed-form {@code E[X(t)]}), and against a simulation of the model's own story (a Poisson
 * purchase rate drawn from Gamma(r, alpha), an exponential lifetime whose rate is drawn from
 * Gamma(s, beta), purchases counted up to {@code min(t, lifetime)}).
 */
class ParetoNbdPmfTest {

    @ParameterizedTest(name = "r {0}, alpha {1}, s {2}, beta {3}, t {4}")
    @CsvSource({
        // the CDNOW estimates (Fader, Hardie and Lee 2005) over the holdout and a year
        "0.553, 10.578, 0.606, 11.669, 39",
        "0.553, 10.578, 0.606, 11.669, 52",
        // s = 1 exactly, where E[X(t)]'s closed form takes its limit; a short horizon
        "1.2, 3.0, 1.0, 20.0, 4",
        // heavy buyers, steep drop-out
        "4.0, 2.0, 3.5, 6.0, 26"})
    void theProbabilitiesSumToOneAndTheirMeanIsTheExpectation(double r, double alpha, double s, double beta,
            double t) {
        ParetoNbdModel m = ParetoNbdModel.of(r, alpha, s, beta, PeriodUnit.WEEKS);
        double sum = 0;
        double mean = 0;
        double tail = 1;
        for (int n = 0; n < 5_000 && tail > 1e-14; n++) {
            double p = m.probabilityOfTransactions(n, t);
            assertThat(p).as("P(X(%s) = %d)", t, n).isBetween(0.0, 1.0);
            sum += p;
            mean += n * p;
            tail = 1 - sum;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        double expected = m.expectedTransactions(t);
        assertThat(mean).isCloseTo(expected, within(1e-7 * (1 + expected)));
    }

    @ParameterizedTest(name = "r {0}, alpha {1}, s {2}, beta {3}, t {4}")
    @CsvSource({
        "0.553, 10.578, 0.606, 11.669, 39",
        "4.0, 2.0, 3.5, 6.0, 26"})
    void theProbabilitiesAreThoseOfTheModelsStory(double r, double alpha, double s, double beta, double t) {
        ParetoNbdModel m = ParetoNbdModel.of(r, alpha, s, beta, PeriodUnit.WEEKS);
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(20261204L);
        var buying = AhrensDieterMarsagliaTsangGammaSampler.of(rng, r, 1 / alpha);
        var dropping = AhrensDieterMarsagliaTsangGammaSampler.of(rng, s, 1 / beta);
        int draws = 200_000;
        int[] counts = new int[8];
        for (int i = 0; i < draws; i++) {
            double lambda = buying.sample();
            double mu = dropping.sample();
            double lifetime = -Math.log(rng.nextDouble()) / mu;
            double exposure = lambda * Math.min(t, lifetime);
            int n = exposure > 0 ? PoissonSampler.of(rng, exposure).sample() : 0;
            if (n < counts.length) {
                counts[n]++;
            }
        }
        for (int n = 0; n < counts.length; n++) {
            double p = m.probabilityOfTransactions(n, t);
            double observed = counts[n] / (double) draws;
            // four standard errors of a binomial share, plus a floor for the rarest counts
            double se = Math.sqrt(p * (1 - p) / draws);
            assertThat(observed).as("share of customers with %d purchases by %s", n, t).isCloseTo(p,
                    within(4 * se + 1e-4));
        }
    }
}
