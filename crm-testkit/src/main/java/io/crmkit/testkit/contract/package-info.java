/**
 * Port contract tests, shipped as interfaces with default jqwik {@code @Property} and
 * {@code @Example} methods (jqwik's contract-test pattern): a host's repository test implements
 * one of them and supplies a single factory method, {@code repositoryWith(records)}, that returns
 * a repository holding exactly the given records; jqwik then runs every property of the contract
 * against it.
 *
 * <ul>
 *   <li>{@link io.crmkit.testkit.contract.CustomerRepositoryContract}</li>
 *   <li>{@link io.crmkit.testkit.contract.OrderRepositoryContract}</li>
 *   <li>{@link io.crmkit.testkit.contract.InteractionRepositoryContract}</li>
 *   <li>{@link io.crmkit.testkit.contract.ServiceCaseRepositoryContract}</li>
 *   <li>{@link io.crmkit.testkit.contract.SurveyResponseRepositoryContract}</li>
 * </ul>
 *
 * <p>The four event-repository contracts share their logic through
 * {@link io.crmkit.testkit.contract.CustomerEventRepositoryContract}, parameterised by a
 * {@link io.crmkit.testkit.contract.CustomerEventKind}. The ports are read-only, so seeding is the
 * implementer's job; the generated data is chosen so that a real database can hold it unchanged
 * (whole milliseconds, plain ASCII identifiers) while still forcing the edge cases of the contract:
 * several records at one instant, records exactly on range bounds, customer identifiers that are
 * prefixes of each other. Properties run at most 50 tries each so that the contracts stay quick
 * against a real database.
 *
 * <p>{@link io.crmkit.testkit.contract.ValueTypeContract} is the contract of a value type rather
 * than a port: the implementer supplies a {@link io.crmkit.testkit.ValueTypeTester} and an
 * arbitrary of values.
 *
 * <p>The test engine is the host's: add {@code net.jqwik:jqwik} to the test class path.
 */
package io.crmkit.testkit.contract;
