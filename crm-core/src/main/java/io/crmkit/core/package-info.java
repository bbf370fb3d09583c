/**
 * The crmkit core: identifiers, {@link io.crmkit.core.Money} and {@link io.crmkit.core.TimeRange},
 * shared by every other package.
 *
 * <p>The domain model lives in the sub-packages: {@link io.crmkit.core.customer customers},
 * {@link io.crmkit.core.interaction interactions}, {@link io.crmkit.core.order orders},
 * {@link io.crmkit.core.service service cases}, {@link io.crmkit.core.survey survey responses} and
 * {@link io.crmkit.core.loyalty loyalty programmes}.
 * The storage ports a host implements are in {@link io.crmkit.core.port}, and the bridge from an
 * order stream to compact per-customer purchase summaries in {@link io.crmkit.core.history}.
 *
 * <p>Conventions for every type in crm-core:
 * <ul>
 *   <li>Value types are immutable records, validated in their constructor; a rejected value
 *       raises {@link java.lang.IllegalArgumentException} (or {@link java.lang.NullPointerException}
 *       for null) with a message naming the field and the bad value. Personal data is masked in
 *       messages and in {@code toString()}.</li>
 *   <li>No method accepts or returns null. Optional fields are {@link java.util.Optional}
 *       components; collections are immutable copies, empty when absent.</li>
 *   <li>Time is {@link java.time.Instant}; ranges are half-open; the current time comes from an
 *       injected {@link java.time.Clock}, never from the system implicitly.</li>
 * </ul>
 */
package io.crmkit.core;
