package io.crmkit.core.customer;

import io.crmkit.core.CampaignId;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * How and when a customer was acquired: the channel, the campaign if any, and the time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the acquisition channel, not null
 * @param campaign the campaign that acquired the customer, if any, not null
 * @param acquiredAt when the customer was acquired (first became known), not null
 */
public record Acquisition(AcquisitionChannel channel, Optional<CampaignId> campaign, Instant acquiredAt) {

    /**
     * Validates the acquisition.
     *
     * @throws NullPointerException if a component is null
     */
    public Acquisition {
        Checks.notNull(channel, "channel");
        Checks.optional(campaign, "campaign");
        Checks.notNull(acquiredAt, "acquiredAt");
    }

    /**
     * Returns an acquisition without a campaign.
     *
     * @param channel the channel, not null
     * @param acquiredAt when, not null
     * @return the acquisition, never null
     */
    public static Acquisition of(AcquisitionChannel channel, Instant acquiredAt) {
        return new Acquisition(channel, Optional.empty(), acquiredAt);
    }
}
