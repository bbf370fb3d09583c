package io.crmkit.testkit.contract;

import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.port.SurveyResponseRepository;
import java.util.List;

/**
 * The contract of {@link SurveyResponseRepository}, for a host's repository test to implement (jqwik's
 * contract-test pattern): every clause of {@link CustomerEventRepositoryContract}, with
 * {@link SurveyResponse#respondedAt()} as the event time.
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class JdbcSurveyResponseRepositoryTest implements SurveyResponseRepositoryContract<JdbcSurveyResponseRepository> {
 *     @Override
 *     public JdbcSurveyResponseRepository repositoryWith(List<SurveyResponse> records) {
 *         database.truncate();
 *         database.insert(records);
 *         return new JdbcSurveyResponseRepository(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * @param <R> the repository type under test
 */
public interface SurveyResponseRepositoryContract<R extends SurveyResponseRepository>
        extends CustomerEventRepositoryContract<SurveyResponse, SurveyResponseId, R> {

    /**
     * Creates a repository holding exactly the given survey responses, and nothing else. Called once per try;
     * a database-backed test clears its tables (or creates a new schema) and inserts them.
     *
     * @param records the survey responses, with distinct identifiers, possibly empty, not null
     * @return the repository under test, never null
     */
    @Override
    R repositoryWith(List<SurveyResponse> records);

    /**
     * Returns {@link CustomerEventKind#surveyResponses()}.
     *
     * @return the kind of survey responses, never null
     */
    @Override
    default CustomerEventKind<SurveyResponse, SurveyResponseId> kind() {
        return CustomerEventKind.surveyResponses();
    }
}
