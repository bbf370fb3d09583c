package io.crmkit.core.interaction;

import io.crmkit.core.AgentId;
import io.crmkit.core.CampaignId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.InteractionId;
import io.crmkit.core.OrderId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One recorded contact between the business and a customer over any channel: a call, an e-mail,
 * a WeChat message, a visit, a campaign message. Every contact is recorded, inbound and outbound,
 * whatever its outcome.
 *
 * <p>Rules checked in the constructor: {@code endedAt}, when present, is not before
 * {@code occurredAt}. Interactions hold no message bodies or notes, so nothing in them is personal
 * data beyond the customer's identifier.
 *
 * <p>Immutable and thread-safe. Use {@link #builder} to build one.
 *
 * @param id the identifier, not null
 * @param customerId the customer, not null
 * @param channel the channel, not null
 * @param direction inbound or outbound, not null
 * @param type the form of the contact, not null
 * @param purpose why it happened, not null
 * @param occurredAt when it started (or is planned to start), not null
 * @param endedAt when it ended, if recorded, not null
 * @param outcome how it ended, not null
 * @param sentiment its recorded tone, if any, not null
 * @param agent the agent who handled it, if any, not null
 * @param campaign the campaign it belongs to, if any, not null
 * @param order the order it concerns, if any, not null
 * @param serviceCase the service case it belongs to, if any, not null
 */
public record Interaction(
        InteractionId id,
        CustomerId customerId,
        InteractionChannel channel,
        Direction direction,
        InteractionType type,
        InteractionPurpose purpose,
        Instant occurredAt,
        Optional<Instant> endedAt,
        InteractionOutcome outcome,
        Optional<Sentiment> sentiment,
        Optional<AgentId> agent,
        Optional<CampaignId> campaign,
        Optional<OrderId> order,
        Optional<ServiceCaseId> serviceCase) {

    /**
     * Validates the interaction.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code endedAt} is before {@code occurredAt}
     */
    public Interaction {
        Checks.notNull(id, "id");
        Checks.notNull(customerId, "customerId");
        Checks.notNull(channel, "channel");
        Checks.notNull(direction, "direction");
        Checks.notNull(type, "type");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(occurredAt, "occurredAt");
        Checks.optional(endedAt, "endedAt").ifPresent(e -> Checks.notBefore(occurredAt, e, "occurredAt", "endedAt"));
        Checks.notNull(outcome, "outcome");
        Checks.optional(sentiment, "sentiment");
        Checks.optional(agent, "agent");
        Checks.optional(campaign, "campaign");
        Checks.optional(order, "order");
        Checks.optional(serviceCase, "serviceCase");
    }

    /**
     * Starts a builder with the required fields; the outcome starts at
     * {@link InteractionOutcome#COMPLETED} and every optional field empty.
     *
     * @param id the identifier, not null
     * @param customerId the customer, not null
     * @param channel the channel, not null
     * @param direction inbound or outbound, not null
     * @param purpose why it happened, not null
     * @param occurredAt when it started, not null
     * @return a new builder, never null
     */
    public static Builder builder(InteractionId id, CustomerId customerId, InteractionChannel channel,
            Direction direction, InteractionPurpose purpose, Instant occurredAt) {
        return new Builder(id, customerId, channel, direction, purpose, occurredAt);
    }

    /**
     * Returns how long the contact lasted, when its end is recorded.
     *
     * @return the duration, or empty, never null
     */
    public Optional<Duration> duration() {
        return endedAt.map(e -> Duration.between(occurredAt, e));
    }

    /**
     * Returns whether this contact is a complaint, or was recorded with a negative sentiment.
     *
     * @return true for complaints and negative contacts
     */
    public boolean isNegative() {
        return purpose == InteractionPurpose.COMPLAINT || sentiment.filter(s -> s == Sentiment.NEGATIVE).isPresent();
    }

    /**
     * Builds an {@link Interaction}. Not thread-safe; the built interaction is.
     */
    public static final class Builder {
        private final InteractionId id;
        private final CustomerId customerId;
        private final InteractionChannel channel;
        private final Direction direction;
        private final InteractionPurpose purpose;
        private final Instant occurredAt;
        private InteractionType type = InteractionType.OTHER;
        private Optional<Instant> endedAt = Optional.empty();
        private InteractionOutcome outcome = InteractionOutcome.COMPLETED;
        private Optional<Sentiment> sentiment = Optional.empty();
        private Optional<AgentId> agent = Optional.empty();
        private Optional<CampaignId> campaign = Optional.empty();
        private Optional<OrderId> order = Optional.empty();
        private Optional<ServiceCaseId> serviceCase = Optional.empty();

        private Builder(InteractionId id, CustomerId customerId, InteractionChannel channel, Direction direction,
                InteractionPurpose purpose, Instant occurredAt) {
            this.id = id;
            this.customerId = customerId;
            this.channel = channel;
            this.direction = direction;
            this.purpose = purpose;
            this.occurredAt = occurredAt;
        }

        /**
         * Sets the form of the contact (default {@link InteractionType#OTHER}).
         *
         * @param value the type, not null
         * @return this builder
         */
        public Builder type(InteractionType value) {
            this.type = value;
            return this;
        }

        /**
         * Sets when the contact ended.
         *
         * @param value the end, not null
         * @return this builder
         */
        public Builder endedAt(Instant value) {
            this.endedAt = Optional.of(value);
            return this;
        }

        /**
         * Sets the outcome (default {@link InteractionOutcome#COMPLETED}).
         *
         * @param value the outcome, not null
         * @return this builder
         */
        public Builder outcome(InteractionOutcome value) {
            this.outcome = value;
            return this;
        }

        /**
         * Sets the sentiment.
         *
         * @param value the sentiment, not null
         * @return this builder
         */
        public Builder sentiment(Sentiment value) {
            this.sentiment = Optional.of(value);
            return this;
        }

        /**
         * Sets the agent.
         *
         * @param value the agent, not null
         * @return this builder
         */
        public Builder agent(AgentId value) {
            this.agent = Optional.of(value);
            return this;
        }

        /**
         * Sets the campaign.
         *
         * @param value the campaign, not null
         * @return this builder
         */
        public Builder campaign(CampaignId value) {
            this.campaign = Optional.of(value);
            return this;
        }

        /**
         * Sets the order the contact concerns.
         *
         * @param value the order, not null
         * @return this builder
         */
        public Builder order(OrderId value) {
            this.order = Optional.of(value);
            return this;
        }

        /**
         * Sets the service case the contact belongs to.
         *
         * @param value the case, not null
         * @return this builder
         */
        public Builder serviceCase(ServiceCaseId value) {
            this.serviceCase = Optional.of(value);
            return this;
        }

        /**
         * Builds the interaction.
         *
         * @return the interaction, never null
         * @throws IllegalArgumentException if a rule of {@link Interaction} is broken
         */
        public Interaction build() {
            return new Interaction(id, customerId, channel, direction, type, purpose, occurredAt, endedAt, outcome,
                    sentiment, agent, campaign, order, serviceCase);
        }
    }
}
