package io.crmkit.testkit.contract;

import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.port.memory.InMemoryInteractionRepository;
import java.util.List;

/** Runs the Interaction repository contract against crm-core's in-memory adapter. */
class InMemoryInteractionRepositoryTest implements InteractionRepositoryContract<InMemoryInteractionRepository> {

    @Override
    public InMemoryInteractionRepository repositoryWith(List<Interaction> records) {
        return InMemoryInteractionRepository.of(records);
    }
}
