package io.crmkit.cli;

import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.segmentation.lifecycle.EngagementHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional {@code --cases} and {@code --surveys} files of {@code crmkit churn-risk} and
 * {@code crmkit report}, read with {@link ServiceFiles}: each rejected row reported on stderr as
 * {@code FILE line N: reason}, and the evidence turned into the {@link EngagementHistory} (complaint
 * days and normalised survey scores per customer) that the churn warning and the churn probability
 * read. Immutable once read.
 */
final class EngagementFiles {

    /** No file given. */
    static final EngagementFiles NONE = new EngagementFiles(List.of(), List.of(), 0, Map.of(), false, false);

    final List<ServiceCase> cases;
    final List<SurveyResponse> responses;
    final long rejected;
    final Map<String, String> files;
    final boolean hasCases;
    final boolean hasSurveys;

    private EngagementFiles(List<ServiceCase> cases, List<SurveyResponse> responses, long rejected,
            Map<String, String> files, boolean hasCases, boolean hasSurveys) {
        this.cases = cases;
        this.responses = responses;
        this.rejected = rejected;
        this.files = files;
        this.hasCases = hasCases;
        this.hasSurveys = hasSurveys;
    }

    /**
     * Reads the files given.
     *
     * @param command the running command, for stderr, not null
     * @param casesFile the cases file, or null
     * @param surveysFile the survey-responses file, or null
     * @param zone the zone of date-only timestamps, not null
     * @return what was read, never null
     * @throws IOException if reading fails
     */
    static EngagementFiles read(CrmkitCommand command, Path casesFile, Path surveysFile, ZoneId zone)
            throws IOException {
        if (casesFile == null && surveysFile == null) {
            return NONE;
        }
        List<ServiceCase> cases = List.of();
        List<SurveyResponse> responses = List.of();
        long rejected = 0;
        Map<String, String> files = new LinkedHashMap<>();
        if (casesFile != null) {
            LoyaltyFiles.Rows<ServiceCase> rows = ServiceFiles.readCases(casesFile, zone, rejectedOn(command,
                    casesFile), command::warn);
            cases = rows.values();
            rejected += rows.rejected();
            files.put("cases", rows.read() + " rows read, " + rows.rejected() + " rejected");
        }
        if (surveysFile != null) {
            LoyaltyFiles.Rows<SurveyResponse> rows = ServiceFiles.readSurveys(surveysFile, zone, rejectedOn(command,
                    surveysFile), command::warn);
            responses = rows.values();
            rejected += rows.rejected();
            files.put("surveys", rows.read() + " rows read, " + rows.rejected() + " rejected");
        }
        return new EngagementFiles(cases, responses, rejected, java.util.Collections.unmodifiableMap(files),
                casesFile != null,
                surveysFile != null);
    }

    private static java.util.function.BiConsumer<Long, String> rejectedOn(CrmkitCommand command, Path file) {
        return (line, reason) -> command.err().println(file.getFileName() + " line " + line + ": " + reason);
    }

    /**
     * Returns the evidence as an engagement history.
     *
     * @param zone the zone of calendar days, not null
     * @return the history, {@link EngagementHistory#none()} when no file was given, never null
     */
    EngagementHistory history(ZoneId zone) {
        if (!hasCases && !hasSurveys) {
            return EngagementHistory.none();
        }
        EngagementHistory.Builder b = EngagementHistory.builder(zone);
        cases.forEach(b::add);
        responses.forEach(b::add);
        return b.build();
    }

    /**
     * Says which evidence is missing, for the definitions.
     *
     * @return the text, or null when both files were given
     */
    String missing() {
        if (hasCases && hasSurveys) {
            return null;
        }
        return !hasCases && !hasSurveys ? "complaints and satisfaction (no --cases or --surveys file)"
                : !hasCases ? "complaints (no --cases file)" : "satisfaction (no --surveys file)";
    }
}
