package io.crmkit.jdbc;

import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.order.Order;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.testkit.contract.CreditTermsRepositoryContract;
import io.crmkit.testkit.contract.CustomerRepositoryContract;
import io.crmkit.testkit.contract.InteractionRepositoryContract;
import io.crmkit.testkit.contract.InvoiceRepositoryContract;
import io.crmkit.testkit.contract.MembershipRepositoryContract;
import io.crmkit.testkit.contract.OrderRepositoryContract;
import io.crmkit.testkit.contract.PaymentRepositoryContract;
import io.crmkit.testkit.contract.PointsTransactionRepositoryContract;
import io.crmkit.testkit.contract.ReferralRepositoryContract;
import io.crmkit.testkit.contract.ServiceCaseRepositoryContract;
import io.crmkit.testkit.contract.SurveyResponseRepositoryContract;
import java.util.List;
import net.jqwik.api.Group;

/**
 * Every crm-testkit port contract against the JDBC adapter, on the database of the subclass: each
 * try empties the tables and writes the seed with {@link JdbcCrmWriter}. Orders stream with a
 * fetch size of 3, so that a cursor is read in several round trips.
 */
abstract class RepositoryContracts {

    /** The database of the contracts, created once per test class. */
    abstract TestStore store();

    @Group
    class Orders implements OrderRepositoryContract<JdbcOrderRepository> {
        @Override
        public JdbcOrderRepository repositoryWith(List<Order> records) {
            store().emptied().saveOrders(records);
            return new JdbcOrderRepository(store().dataSource(), 3);
        }
    }

    @Group
    class Interactions implements InteractionRepositoryContract<JdbcInteractionRepository> {
        @Override
        public JdbcInteractionRepository repositoryWith(List<Interaction> records) {
            store().emptied().saveInteractions(records);
            return new JdbcInteractionRepository(store().dataSource());
        }
    }

    @Group
    class ServiceCases implements ServiceCaseRepositoryContract<JdbcServiceCaseRepository> {
        @Override
        public JdbcServiceCaseRepository repositoryWith(List<ServiceCase> records) {
            store().emptied().saveServiceCases(records);
            return new JdbcServiceCaseRepository(store().dataSource());
        }
    }

    @Group
    class SurveyResponses implements SurveyResponseRepositoryContract<JdbcSurveyResponseRepository> {
        @Override
        public JdbcSurveyResponseRepository repositoryWith(List<SurveyResponse> records) {
            store().emptied().saveSurveyResponses(records);
            return new JdbcSurveyResponseRepository(store().dataSource());
        }
    }

    @Group
    class Customers implements CustomerRepositoryContract<JdbcCustomerRepository> {
        @Override
        public JdbcCustomerRepository repositoryWith(List<Customer> records) {
            store().emptied().saveCustomers(records);
            return new JdbcCustomerRepository(store().dataSource());
        }
    }

    @Group
    class PointsTransactions implements PointsTransactionRepositoryContract<JdbcPointsTransactionRepository> {
        @Override
        public JdbcPointsTransactionRepository repositoryWith(List<PointsTransaction> records) {
            store().emptied().savePointsTransactions(records);
            return new JdbcPointsTransactionRepository(store().dataSource());
        }
    }

    @Group
    class Memberships implements MembershipRepositoryContract<JdbcMembershipRepository> {
        @Override
        public JdbcMembershipRepository repositoryWith(List<Membership> records) {
            store().emptied().saveMemberships(records);
            return new JdbcMembershipRepository(store().dataSource());
        }
    }

    @Group
    class Referrals implements ReferralRepositoryContract<JdbcReferralRepository> {
        @Override
        public JdbcReferralRepository repositoryWith(List<Referral> records) {
            store().emptied().saveReferrals(records);
            return new JdbcReferralRepository(store().dataSource());
        }
    }

    @Group
    class Invoices implements InvoiceRepositoryContract<JdbcInvoiceRepository> {
        @Override
        public JdbcInvoiceRepository repositoryWith(List<Invoice> records) {
            JdbcCreditWriter writer = new JdbcCreditWriter(store().dataSource());
            writer.deleteAll();
            writer.saveInvoices(records);
            return new JdbcInvoiceRepository(store().dataSource(), 3);
        }
    }

    @Group
    class Payments implements PaymentRepositoryContract<JdbcPaymentRepository> {
        @Override
        public JdbcPaymentRepository repositoryWith(List<Payment> records) {
            JdbcCreditWriter writer = new JdbcCreditWriter(store().dataSource());
            writer.deleteAll();
            writer.savePayments(records);
            return new JdbcPaymentRepository(store().dataSource(), 3);
        }
    }

    @Group
    class CreditTermsGroup implements CreditTermsRepositoryContract<JdbcCreditTermsRepository> {
        @Override
        public JdbcCreditTermsRepository repositoryWith(List<CreditTerms> records) {
            JdbcCreditWriter writer = new JdbcCreditWriter(store().dataSource());
            writer.deleteAll();
            writer.saveCreditTerms(records);
            return new JdbcCreditTermsRepository(store().dataSource());
        }
    }
}
