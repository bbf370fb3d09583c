package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The non-purchase evidence the churn warning reads: per customer, the days of their complaints
 * (service cases of type complaint, and negative interactions: complaints or negative sentiment)
 * and their survey scores (normalised to {@code [0, 1]}, higher is better). An interaction linked
 * to a service case is not counted, because the case is. Days are calendar days in the zone.
 *
 * <p>Build it with a {@link Builder}; immutable and thread-safe once built. An empty history
 * ({@link #none()}) switches the complaint and satisfaction signals off in effect.
 */
public final class EngagementHistory {

    /** Days of one customer's complaint events, and survey days with scores, each in arrival order. */
    static final class Events {
        int[] complaintDays = new int[0];
        int complaints;
        int[] surveyDays = new int[0];
        double[] surveyScores = new double[0];
        int surveys;

        void complaint(int day) {
            if (complaints == complaintDays.length) {
                complaintDays = Arrays.copyOf(complaintDays, Math.max(4, complaints * 2));
            }
            complaintDays[complaints++] = day;
        }

        void survey(int day, double score) {
            if (surveys == surveyDays.length) {
                surveyDays = Arrays.copyOf(surveyDays, Math.max(4, surveys * 2));
                surveyScores = Arrays.copyOf(surveyScores, Math.max(4, surveys * 2));
            }
            surveyDays[surveys] = day;
            surveyScores[surveys++] = score;
        }

        int complaintsIn(int fromExclusive, int toInclusive) {
            int c = 0;
            for (int k = 0; k < complaints; k++) {
                if (complaintDays[k] > fromExclusive && complaintDays[k] <= toInclusive) {
                    c++;
                }
            }
            return c;
        }
    }

    private static final EngagementHistory NONE = new EngagementHistory(java.time.ZoneOffset.UTC, Map.of());

    private final ZoneId zone;
    private final Map<CustomerId, Events> events;

    private EngagementHistory(ZoneId zone, Map<CustomerId, Events> events) {
        this.zone = zone;
        this.events = events;
    }

    /**
     * Returns an empty history.
     *
     * @return the history, never null
     */
    public static EngagementHistory none() {
        return NONE;
    }

    /**
     * Starts a builder.
     *
     * @param zone the zone that defines calendar days, as in the timelines, not null
     * @return a new builder, never null
     */
    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    /**
     * Returns the zone that defines calendar days.
     *
     * @return the zone, never null
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the number of customers with any event.
     *
     * @return the count
     */
    public int customers() {
        return events.size();
    }

    Events of(CustomerId id) {
        return events.get(id);
    }

    boolean isEmpty() {
        return events.isEmpty();
    }

    /**
     * Checks that this history counts calendar days as the timelines do (an empty history always
     * does).
     *
     * @param timelines the purchase timelines it is used with, not null
     * @throws IllegalArgumentException if the zones differ
     */
    void checkZone(PurchaseTimelines timelines) {
        if (!isEmpty() && !zone.equals(timelines.options().zone())) {
            throw new IllegalArgumentException("engagement zone " + zone + " differs from the timelines' "
                    + timelines.options().zone());
        }
    }

    @Override
    public String toString() {
        return "EngagementHistory[" + events.size() + " customers, zone " + zone + "]";
    }

    /**
     * Collects service cases, interactions and survey responses, in any order. Not thread-safe.
     */
    public static final class Builder {

        private final ZoneId zone;
        private final LocalDays localDays;
        private final Map<CustomerId, Events> events = new HashMap<>();

        private Builder(ZoneId zone) {
            this.zone = Checks.notNull(zone, "zone");
            this.localDays = new LocalDays(zone);
        }

        private int day(Instant t) {
            return Math.toIntExact(localDays.epochDay(t.getEpochSecond()));
        }

        /**
         * Adds a service case: counted, on the day it was opened, when it is a complaint.
         *
         * @param serviceCase the case, not null
         * @return this builder
         */
        public Builder add(ServiceCase serviceCase) {
            Checks.notNull(serviceCase, "serviceCase");
            if (serviceCase.isComplaint()) {
                events.computeIfAbsent(serviceCase.customerId(), k -> new Events()).complaint(
                        day(serviceCase.openedAt()));
            }
            return this;
        }

        /**
         * Adds an interaction: counted, on its day, when it is negative and not linked to a case.
         *
         * @param interaction the interaction, not null
         * @return this builder
         */
        public Builder add(Interaction interaction) {
            Checks.notNull(interaction, "interaction");
            if (interaction.isNegative() && interaction.serviceCase().isEmpty()) {
                events.computeIfAbsent(interaction.customerId(), k -> new Events()).complaint(
                        day(interaction.occurredAt()));
            }
            return this;
        }

        /**
         * Adds a survey response with its normalised score.
         *
         * @param response the response, not null
         * @return this builder
         */
        public Builder add(SurveyResponse response) {
            Checks.notNull(response, "response");
            events.computeIfAbsent(response.customerId(), k -> new Events()).survey(day(response.respondedAt()),
                    response.score().normalised());
            return this;
        }

        /**
         * Adds every element of a stream of cases, interactions or responses (closing it).
         *
         * @param <T> the element type
         * @param stream the elements, not null
         * @param adder how one element is added, for example {@code builder::add}, not null
         * @return this builder
         */
        public <T> Builder addAll(java.util.stream.Stream<T> stream, Consumer<T> adder) {
            Checks.notNull(stream, "stream");
            Checks.notNull(adder, "adder");
            try (stream) {
                stream.forEach(adder);
            }
            return this;
        }

        /**
         * Builds the history.
         *
         * @return the history, never null
         */
        public EngagementHistory build() {
            Map<CustomerId, Events> copy = new HashMap<>(events.size() * 2);
            events.forEach((id, e) -> {
                Events c = new Events();
                c.complaintDays = Arrays.copyOf(e.complaintDays, e.complaints);
                c.complaints = e.complaints;
                // surveys in day order; a stable sort keeps arrival order within a day
                Integer[] order = new Integer[e.surveys];
                for (int k = 0; k < e.surveys; k++) {
                    order[k] = k;
                }
                Arrays.sort(order, (a, b) -> Integer.compare(e.surveyDays[a], e.surveyDays[b]));
                c.surveyDays = new int[e.surveys];
                c.surveyScores = new double[e.surveys];
                for (int k = 0; k < e.surveys; k++) {
                    c.surveyDays[k] = e.surveyDays[order[k]];
                    c.surveyScores[k] = e.surveyScores[order[k]];
                }
                c.surveys = e.surveys;
                copy.put(id, c);
            });
            return new EngagementHistory(zone, Map.copyOf(copy));
        }
    }
}
