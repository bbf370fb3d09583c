package io.crmkit.core.service;

import io.crmkit.core.AgentId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A service case (ticket): a question, problem, incident, complaint or request of a customer,
 * tracked from opening through first response and resolution to closing, against its SLA targets.
 *
 * <p>Rules checked in the constructor: first response, resolution and closing are not before the
 * opening, and closing is not before resolution; the status category agrees with the times: an
 * {@code OPEN} or {@code WAITING} case has neither {@code resolvedAt} nor {@code closedAt}, a
 * {@code RESOLVED} case has {@code resolvedAt} and no {@code closedAt}, a {@code CLOSED} case has
 * {@code closedAt}; a resolution is recorded only on a resolved or closed case. A reopened case is
 * therefore recorded as open again, without its earlier resolution time.
 *
 * <p>Derived values: {@link #firstResponseTime()}, {@link #resolutionTime()} and the SLA breach
 * checks, all in elapsed time from {@code openedAt}.
 *
 * <p>Immutable and thread-safe. Use {@link #builder} to build one.
 *
 * @param id the identifier, not null
 * @param customerId the customer, not null
 * @param type what the case is about, not null
 * @param priority how urgent it is, not null
 * @param status the status (label and category), not null
 * @param channel the channel through which it was opened, not null
 * @param openedAt when it was opened, not null
 * @param firstResponseAt when the business first responded, if it has, not null
 * @param resolvedAt when it was resolved, if it is, not null
 * @param closedAt when it was closed, if it is, not null
 * @param sla the SLA targets, not null
 * @param resolution how it was resolved, if it is, not null
 * @param assignee the agent handling it, if any, not null
 * @param order the order it concerns, if any, not null
 */
public record ServiceCase(
        ServiceCaseId id,
        CustomerId customerId,
        CaseType type,
        CasePriority priority,
        CaseStatus status,
        InteractionChannel channel,
        Instant openedAt,
        Optional<Instant> firstResponseAt,
        Optional<Instant> resolvedAt,
        Optional<Instant> closedAt,
        SlaTargets sla,
        Optional<Resolution> resolution,
        Optional<AgentId> assignee,
        Optional<OrderId> order) {

    /**
     * Validates the case.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a rule in the class description is broken
     */
    public ServiceCase {
        Checks.notNull(id, "id");
        Checks.notNull(customerId, "customerId");
        Checks.notNull(type, "type");
        Checks.notNull(priority, "priority");
        Checks.notNull(status, "status");
        Checks.notNull(channel, "channel");
        Checks.notNull(openedAt, "openedAt");
        Checks.optional(firstResponseAt, "firstResponseAt")
                .ifPresent(t -> Checks.notBefore(openedAt, t, "openedAt", "firstResponseAt"));
        Checks.optional(resolvedAt, "resolvedAt").ifPresent(t -> Checks.notBefore(openedAt, t, "openedAt", "resolvedAt"));
        Checks.optional(closedAt, "closedAt").ifPresent(t -> Checks.notBefore(openedAt, t, "openedAt", "closedAt"));
        if (resolvedAt.isPresent() && closedAt.isPresent()) {
            Checks.notBefore(resolvedAt.get(), closedAt.get(), "resolvedAt", "closedAt");
        }
        Checks.notNull(sla, "sla");
        Checks.optional(resolution, "resolution");
        Checks.optional(assignee, "assignee");
        Checks.optional(order, "order");
        String where = "service case " + id + " in status category " + status.category();
        switch (status.category()) {
            case OPEN, WAITING -> {
                if (resolvedAt.isPresent() || closedAt.isPresent()) {
                    throw new IllegalArgumentException(where + " must have neither resolvedAt nor closedAt");
                }
            }
            case RESOLVED -> {
                if (resolvedAt.isEmpty() || closedAt.isPresent()) {
                    throw new IllegalArgumentException(where + " must have resolvedAt and no closedAt");
                }
            }
            case CLOSED -> {
                if (closedAt.isEmpty()) {
                    throw new IllegalArgumentException(where + " must have closedAt");
                }
            }
        }
        if (resolution.isPresent() && resolvedAt.isEmpty() && closedAt.isEmpty()) {
            throw new IllegalArgumentException(where + " must not have a resolution before it is resolved or closed");
        }
    }

    /**
     * Starts a builder for an open case: status {@link CaseStatus#OPEN}, priority normal, no SLA
     * targets, every optional field empty.
     *
     * @param id the identifier, not null
     * @param customerId the customer, not null
     * @param type what the case is about, not null
     * @param channel the channel through which it was opened, not null
     * @param openedAt when it was opened, not null
     * @return a new builder, never null
     */
    public static Builder builder(ServiceCaseId id, CustomerId customerId, CaseType type, InteractionChannel channel,
            Instant openedAt) {
        return new Builder(id, customerId, type, channel, openedAt);
    }

    /**
     * Returns whether this case is a complaint.
     *
     * @return true if the type is {@link CaseType#COMPLAINT}
     */
    public boolean isComplaint() {
        return type == CaseType.COMPLAINT;
    }

    /**
     * Returns when work on the case ended: its resolution time, or its closing time when it was
     * closed without being resolved first.
     *
     * @return the end of work, or empty while the case is open or waiting, never null
     */
    public Optional<Instant> finishedAt() {
        return resolvedAt.or(() -> closedAt);
    }

    /**
     * Returns the time from opening to first response.
     *
     * @return the duration, or empty if not yet responded, never null
     */
    public Optional<Duration> firstResponseTime() {
        return firstResponseAt.map(t -> Duration.between(openedAt, t));
    }

    /**
     * Returns the time from opening to {@linkplain #finishedAt() the end of work}.
     *
     * @return the duration, or empty while the case is open or waiting, never null
     */
    public Optional<Duration> resolutionTime() {
        return finishedAt().map(t -> Duration.between(openedAt, t));
    }

    /**
     * Returns whether the case was in the backlog at the instant: opened at or before it and not
     * finished by then.
     *
     * @param at the instant, not null
     * @return true if open at that instant
     */
    public boolean isOpenAt(Instant at) {
        Checks.notNull(at, "at");
        return !at.isBefore(openedAt) && finishedAt().map(at::isBefore).orElse(true);
    }

    /**
     * Returns whether the first-response target is breached as seen at an instant: responded later
     * than the target allows, or not responded and the target has passed at {@code asOf}. A case
     * without a first-response target is never breached.
     *
     * @param asOf the instant of the assessment, not null
     * @return true if breached
     */
    public boolean isFirstResponseBreached(Instant asOf) {
        return breached(sla.firstResponse(), firstResponseAt, asOf);
    }

    /**
     * Returns whether the resolution target is breached as seen at an instant: finished later than
     * the target allows, or not finished and the target has passed at {@code asOf}. A case without
     * a resolution target is never breached.
     *
     * @param asOf the instant of the assessment, not null
     * @return true if breached
     */
    public boolean isResolutionBreached(Instant asOf) {
        return breached(sla.resolution(), finishedAt(), asOf);
    }

    private boolean breached(Optional<Duration> target, Optional<Instant> done, Instant asOf) {
        Checks.notNull(asOf, "asOf");
        if (target.isEmpty()) {
            return false;
        }
        Instant deadline = openedAt.plus(target.get());
        return done.map(d -> d.isAfter(deadline)).orElseGet(() -> asOf.isAfter(deadline));
    }

    /**
     * Builds a {@link ServiceCase}. Not thread-safe; the built case is.
     */
    public static final class Builder {
        private final ServiceCaseId id;
        private final CustomerId customerId;
        private final CaseType type;
        private final InteractionChannel channel;
        private final Instant openedAt;
        private CasePriority priority = CasePriority.NORMAL;
        private CaseStatus status = CaseStatus.OPEN;
        private Optional<Instant> firstResponseAt = Optional.empty();
        private Optional<Instant> resolvedAt = Optional.empty();
        private Optional<Instant> closedAt = Optional.empty();
        private SlaTargets sla = SlaTargets.none();
        private Optional<Resolution> resolution = Optional.empty();
        private Optional<AgentId> assignee = Optional.empty();
        private Optional<OrderId> order = Optional.empty();

        private Builder(ServiceCaseId id, CustomerId customerId, CaseType type, InteractionChannel channel,
                Instant openedAt) {
            this.id = id;
            this.customerId = customerId;
            this.type = type;
            this.channel = channel;
            this.openedAt = openedAt;
        }

        /**
         * Sets the priority (default {@link CasePriority#NORMAL}).
         *
         * @param value the priority, not null
         * @return this builder
         */
        public Builder priority(CasePriority value) {
            this.priority = value;
            return this;
        }

        /**
         * Sets the status (default {@link CaseStatus#OPEN}).
         *
         * @param value the status, not null
         * @return this builder
         */
        public Builder status(CaseStatus value) {
            this.status = value;
            return this;
        }

        /**
         * Sets the first response time.
         *
         * @param value the instant, not null
         * @return this builder
         */
        public Builder firstResponseAt(Instant value) {
            this.firstResponseAt = Optional.of(value);
            return this;
        }

        /**
         * Sets the resolution time.
         *
         * @param value the instant, not null
         * @return this builder
         */
        public Builder resolvedAt(Instant value) {
            this.resolvedAt = Optional.of(value);
            return this;
        }

        /**
         * Sets the closing time.
         *
         * @param value the instant, not null
         * @return this builder
         */
        public Builder closedAt(Instant value) {
            this.closedAt = Optional.of(value);
            return this;
        }

        /**
         * Sets the SLA targets (default none).
         *
         * @param value the targets, not null
         * @return this builder
         */
        public Builder sla(SlaTargets value) {
            this.sla = value;
            return this;
        }

        /**
         * Sets the resolution.
         *
         * @param value the resolution, not null
         * @return this builder
         */
        public Builder resolution(Resolution value) {
            this.resolution = Optional.of(value);
            return this;
        }

        /**
         * Sets the assignee.
         *
         * @param value the agent, not null
         * @return this builder
         */
        public Builder assignee(AgentId value) {
            this.assignee = Optional.of(value);
            return this;
        }

        /**
         * Sets the order the case concerns.
         *
         * @param value the order, not null
         * @return this builder
         */
        public Builder order(OrderId value) {
            this.order = Optional.of(value);
            return this;
        }

        /**
         * Builds the case.
         *
         * @return the case, never null
         * @throws IllegalArgumentException if a rule of {@link ServiceCase} is broken
         */
        public ServiceCase build() {
            return new ServiceCase(id, customerId, type, priority, status, channel, openedAt, firstResponseAt,
                    resolvedAt, closedAt, sla, resolution, assignee, order);
        }
    }
}
