package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.port.SurveyResponseRepository;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An in-memory {@link SurveyResponseRepository}, for tests and small applications: survey responses are held in heap memory,
 * indexed by identifier, by {@link SurveyResponse#respondedAt()} and by customer.
 *
 * <p>Saving a record with an identifier already present replaces it. Streams are snapshots taken
 * when the stream is created: later saves do not affect a stream already obtained.
 *
 * <p>Thread-safe: reads and writes may come from any thread (guarded by a read-write lock).
 */
public final class InMemorySurveyResponseRepository implements SurveyResponseRepository {

    private final EventStore<SurveyResponse, SurveyResponseId> store =
            new EventStore<>(SurveyResponse::id, SurveyResponse::respondedAt, SurveyResponse::customerId);

    /**
     * Creates an empty repository.
     */
    public InMemorySurveyResponseRepository() {
    }

    /**
     * Creates a repository holding the given records.
     *
     * @param records the records, not null
     * @return the repository, never null
     */
    public static InMemorySurveyResponseRepository of(Iterable<? extends SurveyResponse> records) {
        InMemorySurveyResponseRepository repository = new InMemorySurveyResponseRepository();
        repository.saveAll(records);
        return repository;
    }

    /**
     * Saves a record, replacing any record with the same identifier.
     *
     * @param record the record, not null
     */
    public void save(SurveyResponse record) {
        store.save(record);
    }

    /**
     * Saves records in turn, each replacing any record with the same identifier.
     *
     * @param records the records, not null
     */
    public void saveAll(Iterable<? extends SurveyResponse> records) {
        store.saveAll(records);
    }

    /**
     * Returns the number of records held.
     *
     * @return the count
     */
    public int size() {
        return store.size();
    }

    @Override
    public Optional<SurveyResponse> findById(SurveyResponseId id) {
        return store.findById(id);
    }

    @Override
    public Stream<SurveyResponse> stream(TimeRange range) {
        return store.stream(range);
    }

    @Override
    public Stream<SurveyResponse> streamForCustomer(CustomerId customerId, TimeRange range) {
        return store.streamForCustomer(customerId, range);
    }
}
