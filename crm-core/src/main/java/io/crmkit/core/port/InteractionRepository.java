package io.crmkit.core.port;

import io.crmkit.core.InteractionId;
import io.crmkit.core.interaction.Interaction;

/**
 * The storage port for interactions, implemented by the host. The event time is
 * {@link Interaction#occurredAt()}; the contract is that of {@link CustomerEventRepository}.
 *
 * <p>Implementations must be safe for use by multiple threads.
 */
public interface InteractionRepository extends CustomerEventRepository<Interaction, InteractionId> {
}
