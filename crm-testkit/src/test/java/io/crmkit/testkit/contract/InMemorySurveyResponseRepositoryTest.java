package io.crmkit.testkit.contract;

import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.port.memory.InMemorySurveyResponseRepository;
import java.util.List;

/** Runs the SurveyResponse repository contract against crm-core's in-memory adapter. */
class InMemorySurveyResponseRepositoryTest implements SurveyResponseRepositoryContract<InMemorySurveyResponseRepository> {

    @Override
    public InMemorySurveyResponseRepository repositoryWith(List<SurveyResponse> records) {
        return InMemorySurveyResponseRepository.of(records);
    }
}
