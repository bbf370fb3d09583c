package io.crmkit.core.loyalty;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.order.SalesChannel;

/**
 * The earn rate of one sales channel, overriding a programme's base rate for orders placed there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the channel, not null
 * @param pointsPerUnit points per whole currency unit of net amount, not negative
 */
public record ChannelRate(SalesChannel channel, long pointsPerUnit) {

    /**
     * Validates the rate.
     *
     * @throws NullPointerException if the channel is null
     * @throws IllegalArgumentException if the rate is negative, naming it
     */
    public ChannelRate {
        Checks.notNull(channel, "channel");
        if (pointsPerUnit < 0) {
            throw new IllegalArgumentException("points per unit of channel " + channel + " must not be negative: "
                    + pointsPerUnit);
        }
    }
}
