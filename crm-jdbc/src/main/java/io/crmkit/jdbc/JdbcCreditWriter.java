package io.crmkit.jdbc;

import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.Payment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collection;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes invoices, payments and credit terms into the credit tables of {@link JdbcSchema} (version 3), for
 * loading and tests: each call is one transaction (all or nothing). The ports stay read-only; this
 * is the adapter's side door, as {@link JdbcCrmWriter} is for the other aggregates.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcCreditWriter {

    private static final int BATCH = 1_000;

    private final DataSource dataSource;

    /**
     * Creates a writer.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcCreditWriter(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Inserts invoices.
     *
     * @param invoices the invoices, with identifiers not yet stored, not null
     * @throws RepositoryAccessException if the insert fails (nothing of the call is stored)
     */
    public void saveInvoices(Collection<Invoice> invoices) {
        inTransaction("saving invoices", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO crm_invoice (" + JdbcInvoiceRepository.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Invoice i : invoices) {
                    p.setString(1, i.id().value());
                    p.setString(2, i.customerId().value());
                    p.setObject(3, i.issued());
                    p.setObject(4, i.due());
                    p.setString(5, i.amount().currency().getCurrencyCode());
                    p.setBigDecimal(6, i.amount().amount());
                    p.setString(7, i.status().name());
                    if (i.appliesTo().isPresent()) {
                        p.setString(8, i.appliesTo().get().value());
                    } else {
                        p.setNull(8, Types.VARCHAR);
                    }
                    if (i.writtenOffOn().isPresent()) {
                        p.setObject(9, i.writtenOffOn().get());
                    } else {
                        p.setNull(9, Types.DATE);
                    }
                    p.addBatch();
                    if (++n % BATCH == 0) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
        });
    }

    /**
     * Inserts payments.
     *
     * @param payments the payments, with identifiers not yet stored, not null
     * @throws RepositoryAccessException if the insert fails (nothing of the call is stored)
     */
    public void savePayments(Collection<Payment> payments) {
        inTransaction("saving payments", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO crm_payment (" + JdbcPaymentRepository.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Payment pay : payments) {
                    p.setString(1, pay.id().value());
                    p.setString(2, pay.customerId().value());
                    p.setObject(3, pay.paidOn());
                    p.setString(4, pay.amount().currency().getCurrencyCode());
                    p.setBigDecimal(5, pay.amount().amount());
                    if (pay.invoiceId().isPresent()) {
                        p.setString(6, pay.invoiceId().get().value());
                    } else {
                        p.setNull(6, Types.VARCHAR);
                    }
                    p.addBatch();
                    if (++n % BATCH == 0) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
        });
    }

    /**
     * Inserts credit terms.
     *
     * @param terms the terms, for customers without stored terms, not null
     * @throws RepositoryAccessException if the insert fails (nothing of the call is stored)
     */
    public void saveCreditTerms(Collection<CreditTerms> terms) {
        inTransaction("saving credit terms", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO crm_credit_terms ("
                    + JdbcCreditTermsRepository.COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                for (CreditTerms t : terms) {
                    p.setString(1, t.customerId().value());
                    p.setString(2, t.limit().currency().getCurrencyCode());
                    p.setBigDecimal(3, t.limit().amount());
                    p.setInt(4, t.termsDays());
                    if (t.ratingClass().isPresent()) {
                        p.setString(5, t.ratingClass().get());
                    } else {
                        p.setNull(5, Types.VARCHAR);
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    /**
     * Deletes every invoice, payment and credit terms row.
     *
     * @throws RepositoryAccessException if the delete fails
     */
    public void deleteAll() {
        inTransaction("deleting invoices, payments and credit terms", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM crm_payment");
                s.executeUpdate("DELETE FROM crm_invoice");
                s.executeUpdate("DELETE FROM crm_credit_terms");
            }
        });
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(String operation, Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                JdbcCrmWriter.rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new RepositoryAccessException(operation, e);
        }
    }
}
