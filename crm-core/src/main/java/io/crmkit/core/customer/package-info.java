/**
 * Customers: the {@link io.crmkit.core.customer.Customer} record (person or organization) with its
 * profile, {@link io.crmkit.core.customer.ContactPoint contact points}, roles, lifecycle stage,
 * acquisition and {@link io.crmkit.core.customer.Consent consent}.
 *
 * <p>Names, contact points and person profiles are personal data: their {@code toString()} is
 * masked and error messages never show them in full.
 */
package io.crmkit.core.customer;
