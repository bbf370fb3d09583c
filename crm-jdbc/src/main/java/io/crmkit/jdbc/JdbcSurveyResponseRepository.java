package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.port.SurveyResponseRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link SurveyResponseRepository} over the {@code crm_survey_response} table of {@link JdbcSchema}: the identifier, customer and
 * {@code responded_at} columns serve the queries, and the record is stored whole as a crm-jackson JSON
 * document (type JSON on PostgreSQL: JSONB refuses the NUL characters that a text value may hold). Streams are lazy, ordered by {@code (responded_at, survey_response_id)}, read through a
 * cursor {@value JdbcOrderRepository#DEFAULT_FETCH_SIZE} rows at a time, and each holds its own
 * connection until closed: <strong>close every stream</strong>. Failures raise
 * {@link RepositoryAccessException}.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcSurveyResponseRepository implements SurveyResponseRepository {

    private final DocumentTable<SurveyResponse> table;

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcSurveyResponseRepository(DataSource dataSource) {
        this.table = new DocumentTable<>(dataSource, JdbcOrderRepository.DEFAULT_FETCH_SIZE, "crm_survey_response", "survey_response_id",
                "responded_at", SurveyResponse.class, "survey response");
    }

    @Override
    public Optional<SurveyResponse> findById(SurveyResponseId id) {
        Objects.requireNonNull(id, "id");
        return table.findById(id.value());
    }

    @Override
    public Stream<SurveyResponse> stream(TimeRange range) {
        Objects.requireNonNull(range, "range");
        return table.stream(range, null);
    }

    @Override
    public Stream<SurveyResponse> streamForCustomer(CustomerId customerId, TimeRange range) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(range, "range");
        return table.stream(range, customerId);
    }
}
