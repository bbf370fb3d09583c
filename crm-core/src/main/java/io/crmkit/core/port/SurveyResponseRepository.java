package io.crmkit.core.port;

import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.survey.SurveyResponse;

/**
 * The storage port for survey responses, implemented by the host. The event time is
 * {@link SurveyResponse#respondedAt()}; the contract is that of {@link CustomerEventRepository}.
 *
 * <p>Implementations must be safe for use by multiple threads.
 */
public interface SurveyResponseRepository extends CustomerEventRepository<SurveyResponse, SurveyResponseId> {
}
