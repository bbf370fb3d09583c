package io.crmkit.jdbc;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.order.Order;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.Referral;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Writes crm-core records into the tables of {@link JdbcSchema}: the host's side of the read-only
 * ports (seeding, tests, imports). Each call is one transaction: all its records are stored, or,
 * when any fails (an identifier already stored, a value the schema cannot hold, a lost
 * connection), none is.
 *
 * <p>Records are checked before anything is written: instants must lie between the years 1000 and
 * 9999 in whole microseconds, amounts have at most 4 decimal places (every ISO 4217 currency), and
 * quantities at most 10. For loading large, possibly repeated, batches of orders use
 * {@link JdbcOrderLoader}, which is idempotent.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcCrmWriter {

    private static final int BATCH = 1_000;
    private static final List<String> TABLES = List.of("crm_order_line", "crm_order", "crm_interaction",
            "crm_service_case", "crm_survey_response", "crm_customer", "crm_points_transaction", "crm_membership",
            "crm_referral");

    private final DataSource dataSource;
    private final JdbcDialect dialect;

    /**
     * Creates a writer.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     * @throws RepositoryAccessException if the database cannot be reached
     */
    public JdbcCrmWriter(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection()) {
            this.dialect = JdbcDialect.of(c);
        } catch (java.sql.SQLException e) {
            throw new RepositoryAccessException("connecting to the database", e);
        }
    }

    /**
     * Inserts orders with their lines, in one transaction.
     *
     * @param orders the orders, with identifiers not yet stored, not null
     * @throws IllegalArgumentException if an order has a value the schema cannot hold (nothing written)
     * @throws RepositoryAccessException if the database refuses (nothing written)
     */
    public void saveOrders(Collection<Order> orders) {
        List<Order> all = List.copyOf(orders);
        inTransaction("saving orders", c -> {
            try (PreparedStatement o = c.prepareStatement("INSERT INTO crm_order (" + OrderRows.ORDER_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement l = c.prepareStatement("INSERT INTO crm_order_line (" + OrderRows.LINE_COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Order order : all) {
                    OrderRows.bindOrder(o, order);
                    o.addBatch();
                    if (++n % BATCH == 0) {
                        o.executeBatch();
                    }
                }
                o.executeBatch();
                n = 0;
                for (Order order : all) {
                    for (int k = 0; k < order.lines().size(); k++) {
                        OrderRows.bindLine(l, order, k + 1, order.lines().get(k));
                        l.addBatch();
                        if (++n % BATCH == 0) {
                            l.executeBatch();
                        }
                    }
                }
                l.executeBatch();
            }
        });
    }

    /**
     * Inserts interactions, in one transaction.
     *
     * @param records the interactions, with identifiers not yet stored, not null
     * @throws IllegalArgumentException if a record has a value the schema cannot hold (nothing written)
     * @throws RepositoryAccessException if the database refuses (nothing written)
     */
    public void saveInteractions(Collection<Interaction> records) {
        saveDocuments("crm_interaction (interaction_id, customer_id, occurred_at, document)", records,
                r -> r.id().value(), r -> r.customerId().value(), Interaction::occurredAt, "interaction");
    }

    /**
     * Inserts service cases, in one transaction.
     *
     * @param records the cases, with identifiers not yet stored, not null
     * @throws IllegalArgumentException if a record has a value the schema cannot hold (nothing written)
     * @throws RepositoryAccessException if the database refuses (nothing written)
     */
    public void saveServiceCases(Collection<ServiceCase> records) {
        saveDocuments("crm_service_case (service_case_id, customer_id, opened_at, document)", records,
                r -> r.id().value(), r -> r.customerId().value(), ServiceCase::openedAt, "service case");
    }

    /**
     * Inserts survey responses, in one transaction.
     *
     * @param records the responses, with identifiers not yet stored, not null
     * @throws IllegalArgumentException if a record has a value the schema cannot hold (nothing written)
     * @throws RepositoryAccessException if the database refuses (nothing written)
     */
    public void saveSurveyResponses(Collection<SurveyResponse> records) {
        saveDocuments("crm_survey_response (survey_response_id, customer_id, responded_at, document)", records,
                r -> r.id().value(), r -> r.customerId().value(), SurveyResponse::respondedAt, "survey response");
    }

    /**
     * Inserts loyalty points transactions, in one transaction.
     *
     * @param records the transactions, with identifiers not yet stored, not null
     * @throws IllegalArgumentException if a record has a value the schema cannot hold (nothing written)
     * @throws RepositoryAccessException if the database refuses (nothing written)
     */
    public void savePointsTransactions(Collection<PointsTransaction> records) {
        saveDocuments("crm_points_transaction (points_transaction_id, customer_id, occurred_at, document)", records,
                r -> r.id().value(), r -> r.customerId().value(), PointsTransaction::occurredAt, "points transaction");
    }

    /**
     * Inserts loyalty memberships, in one transaction.
     *
     * @param records the memberships, with identifiers not yet stored, not null
     * @throws IllegalArgumentException if a record has a value the schema cannot hold (nothing written)
     * @throws RepositoryAccessException if the database refuses (nothing written)
     */
    public void saveMemberships(Collection<Membership> records) {
        saveDocuments("crm_membership (membership_id, customer_id, joined_at, document)", records,
                r -> r.id().value(), r -> r.customerId().value(), Membership::joinedAt, "membership");
    }

    /**
     * Inserts referrals, in one transaction; the customer column holds the referred customer.
     *
     * @param records the referrals, with identifiers not yet stored, not null
     * @throws IllegalArgumentException if a record has a value the schema cannot hold (nothing written)
     * @throws RepositoryAccessException if the database refuses (nothing written)
     */
    public void saveReferrals(Collection<Referral> records) {
        saveDocuments("crm_referral (referral_id, customer_id, referred_at, document)", records,
                r -> r.id().value(), r -> r.referred().value(), Referral::referredAt, "referral");
    }

    /**
     * Inserts customers, in one transaction.
     *
     * @param records the customers, with identifiers not yet stored, not null
     * @throws IllegalArgumentException if a record has a value the schema cannot hold (nothing written)
     * @throws RepositoryAccessException if the database refuses (nothing written)
     */
    public void saveCustomers(Collection<Customer> records) {
        saveDocuments("crm_customer (customer_id, created_at, document)", records, r -> r.id().value(), null,
                Customer::createdAt, "customer");
    }

    /**
     * Deletes every record of every crmkit table, in one transaction (the schema stays).
     *
     * @throws RepositoryAccessException if the database refuses (nothing deleted)
     */
    public void deleteAll() {
        inTransaction("deleting every record", c -> {
            try (Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            }
        });
    }

    private <T> void saveDocuments(String into, Collection<T> records, Function<T, String> id,
            Function<T, String> customer, Function<T, Instant> time, String noun) {
        List<T> all = List.copyOf(records);
        String values = customer == null ? "?, ?, " + dialect.documentParameter()
                : "?, ?, ?, " + dialect.documentParameter();
        inTransaction("saving " + noun + "s", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + into + " VALUES (" + values + ")")) {
                int n = 0;
                for (T r : all) {
                    int k = 1;
                    p.setString(k++, id.apply(r));
                    if (customer != null) {
                        p.setString(k++, customer.apply(r));
                    }
                    SqlValues.setInstant(p, k++, time.apply(r), noun + " " + id.apply(r) + " time");
                    p.setString(k, DocumentTable.document(r));
                    p.addBatch();
                    if (++n % BATCH == 0) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
        });
    }

    /** Work on one connection in one transaction. */
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
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new RepositoryAccessException(operation, e);
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection may be gone; the database rolls back what was not committed
        }
    }
}
