/**
 * A seeded synthetic customer base for tests and demos: customers acquired over a period who buy
 * according to the BG/NBD process with Gamma-Gamma spend, with the latent truth of every customer
 * available for checking models. See {@link io.crmkit.testkit.simulation.CustomerBaseSimulator}.
 */
package io.crmkit.testkit.simulation;
