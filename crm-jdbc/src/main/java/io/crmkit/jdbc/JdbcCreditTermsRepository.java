package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.port.CreditTermsRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link CreditTermsRepository} over the {@code crm_credit_terms} table of {@link JdbcSchema}
 * (version 3). {@link #streamAll()} is lazy, ordered by {@code customer_id}, and holds its own
 * connection until closed: <strong>close every stream</strong>. Failures raise
 * {@link RepositoryAccessException}.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcCreditTermsRepository implements CreditTermsRepository {

    static final String COLUMNS = "customer_id, currency, credit_limit, terms_days, rating_class";

    private final DataSource dataSource;

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcCreditTermsRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    private static CreditTerms read(ResultSet rs) throws SQLException {
        return new CreditTerms(CustomerId.of(rs.getString(1)),
                Money.of(rs.getBigDecimal(3).stripTrailingZeros(), Money.currency(rs.getString(2).trim())),
                rs.getInt(4), Optional.ofNullable(rs.getString(5)));
    }

    @Override
    public Optional<CreditTerms> findByCustomer(CustomerId customerId) {
        Objects.requireNonNull(customerId, "customerId");
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM crm_credit_terms WHERE customer_id = ?")) {
            p.setString(1, customerId.value());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RepositoryAccessException("finding credit terms", e);
        }
    }

    @Override
    public Stream<CreditTerms> streamAll() {
        return JdbcStream.of(dataSource, "streaming credit terms", c -> {
            PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM crm_credit_terms ORDER BY customer_id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            p.setFetchSize(JdbcOrderRepository.DEFAULT_FETCH_SIZE);
            ResultSet rs = p.executeQuery();
            return () -> rs.next() ? read(rs) : null;
        });
    }
}
