package io.crmkit.core.survey;

import io.crmkit.core.CampaignId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.InteractionId;
import io.crmkit.core.OrderId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One answer of a customer to a satisfaction or loyalty survey question: the score on its scale
 * (NPS, CSAT, CES or custom), when and through which channel it was given, and what it is about.
 * A survey with several questions yields one response per scored question.
 *
 * <p>Free-text comments are not held (they are personal data and belong to the host).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the identifier, not null
 * @param customerId the responding customer, not null
 * @param respondedAt when the answer was given, not null
 * @param score the score on its scale, not null
 * @param channel through which channel it was collected, not null
 * @param survey the host's survey or question identifier, if any, not null
 * @param campaign the campaign that sent the survey, if any, not null
 * @param interaction the contact the answer is about, if any, not null
 * @param serviceCase the service case it is about, if any, not null
 * @param order the order it is about, if any, not null
 */
public record SurveyResponse(
        SurveyResponseId id,
        CustomerId customerId,
        Instant respondedAt,
        SurveyScore score,
        InteractionChannel channel,
        Optional<String> survey,
        Optional<CampaignId> campaign,
        Optional<InteractionId> interaction,
        Optional<ServiceCaseId> serviceCase,
        Optional<OrderId> order) {

    /**
     * Validates the response.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the survey identifier is blank, too long or padded
     */
    public SurveyResponse {
        Checks.notNull(id, "id");
        Checks.notNull(customerId, "customerId");
        Checks.notNull(respondedAt, "respondedAt");
        Checks.notNull(score, "score");
        Checks.notNull(channel, "channel");
        Checks.optional(survey, "survey").ifPresent(s -> Checks.text(s, "survey"));
        Checks.optional(campaign, "campaign");
        Checks.optional(interaction, "interaction");
        Checks.optional(serviceCase, "serviceCase");
        Checks.optional(order, "order");
    }

    /**
     * Returns a response without survey identifier or links.
     *
     * @param id the identifier, not null
     * @param customerId the customer, not null
     * @param respondedAt when, not null
     * @param score the score, not null
     * @param channel the channel, not null
     * @return the response, never null
     */
    public static SurveyResponse of(SurveyResponseId id, CustomerId customerId, Instant respondedAt, SurveyScore score,
            InteractionChannel channel) {
        return new SurveyResponse(id, customerId, respondedAt, score, channel, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
