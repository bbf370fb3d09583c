package io.crmkit.testkit.contract;

import io.crmkit.core.credit.Invoice;
import io.crmkit.core.port.memory.InMemoryInvoiceRepository;
import java.util.List;

class InMemoryInvoiceRepositoryTest implements InvoiceRepositoryContract<InMemoryInvoiceRepository> {

    @Override
    public InMemoryInvoiceRepository repositoryWith(List<Invoice> records) {
        return InMemoryInvoiceRepository.of(records);
    }
}
