package io.crmkit.testkit.contract;

import io.crmkit.core.credit.Payment;
import io.crmkit.core.port.memory.InMemoryPaymentRepository;
import java.util.List;

class InMemoryPaymentRepositoryTest implements PaymentRepositoryContract<InMemoryPaymentRepository> {

    @Override
    public InMemoryPaymentRepository repositoryWith(List<Payment> records) {
        return InMemoryPaymentRepository.of(records);
    }
}
