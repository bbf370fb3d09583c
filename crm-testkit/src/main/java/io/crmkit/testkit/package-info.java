/**
 * crm-testkit: test support for hosts of crmkit and for crmkit itself.
 *
 * <ul>
 *   <li>{@link io.crmkit.testkit.CrmArbitraries}: jqwik arbitraries of valid values of every
 *       crm-core value type, realistic and with the edge cases that break adapters and
 *       serializers; made the defaults for {@code @ForAll} parameters by
 *       {@link io.crmkit.testkit.CrmArbitraryProvider} (registered automatically) and
 *       {@link io.crmkit.testkit.CrmDomain} (for {@code @Domain}).</li>
 *   <li>{@link io.crmkit.testkit.InvalidInputs}: arbitraries of invalid raw input that crm-core rejects, for
 *       error-path tests.</li>
 *   <li>{@code io.crmkit.testkit.contract}: port contract tests a host's repository test
 *       implements.</li>
 *   <li>{@link io.crmkit.testkit.simulation}: a seeded synthetic customer base.</li>
 *   <li>{@link io.crmkit.testkit.quality}: seeded labelled customer records with planted duplicates,
 *       households and namesakes, for duplicate detection.</li>
 * </ul>
 *
 * <p>crm-testkit depends on jqwik's API ({@code net.jqwik:jqwik-api}) and AssertJ; the host's test
 * build supplies the jqwik engine ({@code net.jqwik:jqwik}).
 */
package io.crmkit.testkit;
