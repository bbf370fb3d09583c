package io.crmkit.cli;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.service.CasePriority;
import io.crmkit.core.service.CaseStatus;
import io.crmkit.core.service.CaseType;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.service.SlaTargets;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScale;
import io.crmkit.core.survey.SurveyScore;
import io.crmkit.cli.orders.Texts;
import io.crmkit.cli.orders.TimestampParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads the service-case and survey-response files of {@code crmkit service}, {@code crmkit
 * surveys}, {@code crmkit churn-risk} and {@code crmkit report}, with the side files' rules
 * ({@link LoyaltyFiles#readRows}: the order files' CSV format, gzip recognised, header names
 * case-insensitive, other columns ignored with one warning, every data row used or reported with its
 * physical line and a reason that never repeats an identifier, a repeated identifier rejected).
 * Timestamps follow the order file's rules (ISO date-times with or without offset, or a date alone
 * for the start of that day in the zone); an empty optional value is absent.
 *
 * <p>Cases: {@code case_id, customer_id, type, status, opened_at}, and optionally {@code priority}
 * (low, normal, high, urgent; default normal), {@code channel} (phone, email, sms, chat, wechat,
 * social_media, in_person, video, web, mobile_app, postal_mail, other; default other),
 * {@code first_response_at}, {@code resolved_at}, {@code closed_at},
 * {@code first_response_target_hours} and {@code resolution_target_hours} (the SLA targets, positive
 * numbers of hours). {@code type} is question, problem, incident, complaint, request or feedback;
 * {@code status} is open, waiting, resolved or closed, and must agree with the times (an open or
 * waiting case has neither resolved_at nor closed_at, a resolved one resolved_at and no closed_at, a
 * closed one closed_at); no time is before opened_at, closed_at not before resolved_at.
 *
 * <p>Survey responses: {@code response_id, customer_id, responded_at, scale, score}, and optionally
 * {@code channel} (as above, default other), {@code case_id} and {@code order_id}. {@code scale} is
 * nps (scores 0 to 10), csat (1 to 5) or ces (1 to 7, higher = easier); {@code score} a whole number
 * on it.
 *
 * <p>Not thread-safe.
 */
final class ServiceFiles {

    /** The columns a cases file must have. */
    static final List<String> CASE_COLUMNS = List.of("case_id", "customer_id", "type", "status", "opened_at");
    /** The columns a cases file may have. */
    static final List<String> CASE_OPTIONAL = List.of("priority", "channel", "first_response_at", "resolved_at",
            "closed_at", "first_response_target_hours", "resolution_target_hours");
    /** The columns a survey file must have. */
    static final List<String> SURVEY_COLUMNS = List.of("response_id", "customer_id", "responded_at", "scale", "score");
    /** The columns a survey file may have. */
    static final List<String> SURVEY_OPTIONAL = List.of("channel", "case_id", "order_id");

    /** The longest SLA target accepted, in hours (ten years). */
    static final double MAX_TARGET_HOURS = 87_660;

    private ServiceFiles() {
    }

    /**
     * Reads a cases file.
     *
     * @param file the file, not null
     * @param zone the zone of date-only timestamps, not null
     * @param rejected receives each rejected row's line number and reason, not null
     * @param warning receives warnings, not null
     * @return the cases and the counts, never null
     * @throws CommandFailedException if the file cannot be read, is empty or not UTF-8, lacks a column or
     *     names one twice
     * @throws IOException if reading fails
     */
    static LoyaltyFiles.Rows<ServiceCase> readCases(Path file, ZoneId zone, BiConsumer<Long, String> rejected,
            Consumer<String> warning) throws IOException {
        TimestampParser timestamps = new TimestampParser(zone);
        Set<String> ids = new HashSet<>();
        return LoyaltyFiles.readRows(file, "cases", CASE_COLUMNS, CASE_OPTIONAL, rejected, warning, (f, at) -> {
            String id = LoyaltyFiles.field(f, at, "case_id");
            CustomerId customer = Texts.identifier(LoyaltyFiles.field(f, at, "customer_id"), CustomerId::of,
                    "customer_id");
            CaseType type = choice(CaseType.class, LoyaltyFiles.field(f, at, "type"), "type");
            CaseStatus status = switch (choice(io.crmkit.core.service.CaseStatusCategory.class,
                    LoyaltyFiles.field(f, at, "status"), "status")) {
                case OPEN -> CaseStatus.OPEN;
                case WAITING -> CaseStatus.WAITING;
                case RESOLVED -> CaseStatus.RESOLVED;
                case CLOSED -> CaseStatus.CLOSED;
            };
            Instant opened = instant(timestamps, f, at, "opened_at");
            Optional<Instant> firstResponse = optionalInstant(timestamps, f, at, "first_response_at");
            Optional<Instant> resolved = optionalInstant(timestamps, f, at, "resolved_at");
            Optional<Instant> closed = optionalInstant(timestamps, f, at, "closed_at");
            checkOrder(opened, firstResponse, "first_response_at");
            checkOrder(opened, resolved, "resolved_at");
            checkOrder(opened, closed, "closed_at");
            if (resolved.isPresent() && closed.isPresent() && closed.get().isBefore(resolved.get())) {
                throw new IllegalArgumentException("closed_at is before resolved_at");
            }
            switch (status.category()) {
                case OPEN, WAITING -> {
                    if (resolved.isPresent() || closed.isPresent()) {
                        throw new IllegalArgumentException("status " + status.label()
                                + " with resolved_at or closed_at (a finished case is resolved or closed)");
                    }
                }
                case RESOLVED -> {
                    if (resolved.isEmpty() || closed.isPresent()) {
                        throw new IllegalArgumentException("status resolved needs resolved_at and no closed_at");
                    }
                }
                case CLOSED -> {
                    if (closed.isEmpty()) {
                        throw new IllegalArgumentException("status closed needs closed_at");
                    }
                }
            }
            ServiceCase.Builder b = ServiceCase.builder(Texts.identifier(id, ServiceCaseId::of, "case_id"),
                    customer, type, channel(f, at), opened)
                    .priority(LoyaltyFiles.optional(f, at, "priority").map(p -> choice(CasePriority.class, p,
                            "priority")).orElse(CasePriority.NORMAL))
                    .status(status)
                    .sla(new SlaTargets(hours(f, at, "first_response_target_hours"),
                            hours(f, at, "resolution_target_hours")));
            firstResponse.ifPresent(b::firstResponseAt);
            resolved.ifPresent(b::resolvedAt);
            closed.ifPresent(b::closedAt);
            ServiceCase c = b.build();
            LoyaltyFiles.claim(ids, id, "case_id");
            return c;
        });
    }

    /**
     * Reads a survey-responses file.
     *
     * @param file the file, not null
     * @param zone the zone of date-only timestamps, not null
     * @param rejected receives each rejected row's line number and reason, not null
     * @param warning receives warnings, not null
     * @return the responses and the counts, never null
     * @throws CommandFailedException if the file cannot be read, is empty or not UTF-8, lacks a column or
     *     names one twice
     * @throws IOException if reading fails
     */
    static LoyaltyFiles.Rows<SurveyResponse> readSurveys(Path file, ZoneId zone, BiConsumer<Long, String> rejected,
            Consumer<String> warning) throws IOException {
        TimestampParser timestamps = new TimestampParser(zone);
        Set<String> ids = new HashSet<>();
        return LoyaltyFiles.readRows(file, "survey responses", SURVEY_COLUMNS, SURVEY_OPTIONAL, rejected, warning,
                (f, at) -> {
                    String id = LoyaltyFiles.field(f, at, "response_id");
                    CustomerId customer = Texts.identifier(LoyaltyFiles.field(f, at, "customer_id"),
                            CustomerId::of, "customer_id");
                    Instant when = instant(timestamps, f, at, "responded_at");
                    String scaleText = LoyaltyFiles.field(f, at, "scale").toLowerCase(Locale.ROOT);
                    SurveyScale scale = switch (scaleText) {
                        case "nps" -> SurveyScale.NPS;
                        case "csat" -> SurveyScale.CSAT;
                        case "ces" -> SurveyScale.CES;
                        default -> throw new IllegalArgumentException("unknown scale " + Texts.quote(LoyaltyFiles.field(f, at,
                                "scale")) + " (nps, csat, ces)");
                    };
                    String scoreText = LoyaltyFiles.field(f, at, "score");
                    int score;
                    try {
                        score = Integer.parseInt(scoreText);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("score must be a whole number: " + Texts.quote(scoreText));
                    }
                    if (score < scale.min() || score > scale.max()) {
                        throw new IllegalArgumentException("score " + score + " is off the " + scaleText + " scale ("
                                + scale.min() + " to " + scale.max() + ")");
                    }
                    SurveyResponse r = new SurveyResponse(Texts.identifier(id, SurveyResponseId::of,
                            "response_id"), customer, when, new SurveyScore(scale, score), channel(f, at),
                            Optional.empty(), Optional.empty(), Optional.empty(),
                            LoyaltyFiles.optional(f, at, "case_id").map(c -> Texts.identifier(c,
                                    ServiceCaseId::of, "case_id")),
                            LoyaltyFiles.optional(f, at, "order_id").map(o -> Texts.identifier(o, OrderId::of,
                                    "order_id")));
                    LoyaltyFiles.claim(ids, id, "response_id");
                    return r;
                });
    }

    private static InteractionChannel channel(List<String> f, Map<String, Integer> at) {
        return LoyaltyFiles.optional(f, at, "channel").map(c -> choice(InteractionChannel.class, c, "channel"))
                .orElse(InteractionChannel.OTHER);
    }

    private static Instant instant(TimestampParser timestamps, List<String> f, Map<String, Integer> at, String name) {
        return TimestampParser.instant(LoyaltyFiles.micros(timestamps, f, at, name));
    }

    private static Optional<Instant> optionalInstant(TimestampParser timestamps, List<String> f,
            Map<String, Integer> at, String name) {
        return LoyaltyFiles.optional(f, at, name).map(v -> instant(timestamps, f, at, name));
    }

    private static void checkOrder(Instant opened, Optional<Instant> later, String name) {
        if (later.isPresent() && later.get().isBefore(opened)) {
            throw new IllegalArgumentException(name + " is before opened_at");
        }
    }

    private static Optional<Duration> hours(List<String> f, Map<String, Integer> at, String name) {
        Optional<String> text = LoyaltyFiles.optional(f, at, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        double h;
        try {
            h = Double.parseDouble(text.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of hours: " + Texts.quote(text.get()));
        }
        if (!(h > 0 && h <= MAX_TARGET_HOURS)) {
            throw new IllegalArgumentException(name + " must be more than 0 and at most " + (long) MAX_TARGET_HOURS
                    + " hours: " + Texts.quote(text.get()));
        }
        return Optional.of(Duration.ofMillis(Math.round(h * 3_600_000)));
    }

    /** An enum value by its lower-case name ({@code social_media} or {@code social-media}). */
    static <E extends Enum<E>> E choice(Class<E> type, String text, String column) {
        String t = text.strip().replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + column + " " + Texts.quote(text) + " (" + String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + ")");
    }
}
