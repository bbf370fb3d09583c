package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;
import io.crmkit.core.port.PaymentRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link PaymentRepository} over the {@code crm_payment} table of {@link JdbcSchema} (version 3).
 * Streams are lazy, ordered by {@code (paid_on, payment_id)}, read through a cursor, and each holds
 * its own connection until closed: <strong>close every stream</strong>. Failures raise
 * {@link RepositoryAccessException}.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcPaymentRepository implements PaymentRepository {

    static final String COLUMNS = "payment_id, customer_id, paid_on, currency, amount, invoice_id";

    private final JdbcLedgerTable<Payment> table;

    /**
     * Creates a repository reading {@value JdbcOrderRepository#DEFAULT_FETCH_SIZE} rows per round trip.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcPaymentRepository(DataSource dataSource) {
        this(dataSource, JdbcOrderRepository.DEFAULT_FETCH_SIZE);
    }

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     * @param fetchSize the rows read per round trip of a stream, positive
     */
    public JdbcPaymentRepository(DataSource dataSource, int fetchSize) {
        this.table = new JdbcLedgerTable<>(dataSource, fetchSize, "crm_payment", COLUMNS, "payment_id", "paid_on",
                JdbcPaymentRepository::read, "payment");
    }

    private static Payment read(ResultSet rs) throws SQLException {
        String invoice = rs.getString(6);
        return new Payment(PaymentId.of(rs.getString(1)), CustomerId.of(rs.getString(2)),
                rs.getObject(3, LocalDate.class),
                Money.of(rs.getBigDecimal(5).stripTrailingZeros(), Money.currency(rs.getString(4).trim())),
                Optional.ofNullable(invoice).map(InvoiceId::of));
    }

    @Override
    public Optional<Payment> findById(PaymentId id) {
        Objects.requireNonNull(id, "id");
        return table.findById(id.value());
    }

    @Override
    public Stream<Payment> streamThrough(LocalDate lastDay) {
        Objects.requireNonNull(lastDay, "lastDay");
        return table.streamThrough(lastDay, null);
    }

    @Override
    public Stream<Payment> streamForCustomer(CustomerId customerId, LocalDate lastDay) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(lastDay, "lastDay");
        return table.streamThrough(lastDay, customerId);
    }
}
