package io.crmkit.core.customer;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Pii;

/**
 * An account of the customer on a social or messaging network (a WeChat ID, a LINE ID, a LinkedIn
 * handle).
 *
 * <p>Personal data: {@link #toString()} masks the handle.
 *
 * <p>Immutable and thread-safe.
 *
 * @param network the network, not null
 * @param handle the account's identifier on that network, 1 to 256 characters, not null
 */
public record SocialAccount(SocialNetwork network, String handle) implements ContactPoint {

    /**
     * Validates the account.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the handle is blank, too long or has control characters
     */
    public SocialAccount {
        Checks.notNull(network, "network");
        Checks.personalText(handle, "handle", Checks.MAX_TEXT_LENGTH);
    }

    /**
     * Returns the account.
     *
     * @param network the network, not null
     * @param handle the handle, not null
     * @return the account, never null
     */
    public static SocialAccount of(SocialNetwork network, String handle) {
        return new SocialAccount(network, handle);
    }

    @Override
    public ContactMedium medium() {
        return ContactMedium.MESSAGING;
    }

    @Override
    public String masked() {
        return network + ":" + Pii.mask(handle);
    }

    /**
     * Returns the masked form, such as {@code WECHAT:w***}.
     *
     * @return the masked account, never null
     */
    @Override
    public String toString() {
        return masked();
    }
}
