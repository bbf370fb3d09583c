package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.credit.InvoiceStatus;
import io.crmkit.core.port.InvoiceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link InvoiceRepository} over the {@code crm_invoice} table of {@link JdbcSchema} (version 3).
 * Streams are lazy, ordered by {@code (issued, invoice_id)}, read through a cursor, and each holds
 * its own connection until closed: <strong>close every stream</strong>. Failures raise
 * {@link RepositoryAccessException}.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcInvoiceRepository implements InvoiceRepository {

    static final String COLUMNS = "invoice_id, customer_id, issued, due, currency, amount, status, applies_to,"
            + " written_off_on";

    private final JdbcLedgerTable<Invoice> table;

    /**
     * Creates a repository reading {@value JdbcOrderRepository#DEFAULT_FETCH_SIZE} rows per round trip.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcInvoiceRepository(DataSource dataSource) {
        this(dataSource, JdbcOrderRepository.DEFAULT_FETCH_SIZE);
    }

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     * @param fetchSize the rows read per round trip of a stream, positive
     */
    public JdbcInvoiceRepository(DataSource dataSource, int fetchSize) {
        this.table = new JdbcLedgerTable<>(dataSource, fetchSize, "crm_invoice", COLUMNS, "invoice_id", "issued",
                JdbcInvoiceRepository::read, "invoice");
    }

    private static Invoice read(ResultSet rs) throws SQLException {
        String applies = rs.getString(8);
        LocalDate writtenOff = rs.getObject(9, LocalDate.class);
        return new Invoice(InvoiceId.of(rs.getString(1)), CustomerId.of(rs.getString(2)),
                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                Money.of(rs.getBigDecimal(6).stripTrailingZeros(), Money.currency(rs.getString(5).trim())),
                InvoiceStatus.valueOf(rs.getString(7)), Optional.ofNullable(applies).map(InvoiceId::of),
                Optional.ofNullable(writtenOff));
    }

    @Override
    public Optional<Invoice> findById(InvoiceId id) {
        Objects.requireNonNull(id, "id");
        return table.findById(id.value());
    }

    @Override
    public Stream<Invoice> streamThrough(LocalDate lastDay) {
        Objects.requireNonNull(lastDay, "lastDay");
        return table.streamThrough(lastDay, null);
    }

    @Override
    public Stream<Invoice> streamForCustomer(CustomerId customerId, LocalDate lastDay) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(lastDay, "lastDay");
        return table.streamThrough(lastDay, customerId);
    }
}
