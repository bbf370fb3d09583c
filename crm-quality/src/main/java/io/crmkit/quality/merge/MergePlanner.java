package io.crmkit.quality.merge;

import io.crmkit.core.CustomerId;
import io.crmkit.quality.CustomerRecord;
import io.crmkit.quality.match.Cluster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a cluster of duplicate records into a {@link MergePlan} by survivorship rules: the records
 * are ranked by the rules in order (then by identifier); the first is the survivor, and keeps every
 * field it has; each field it lacks is taken from the best-ranked record that has it. The name
 * fields (first, last, full name) move as one: from the best-ranked record with any name, never a
 * first name from one record and a last name from another. Likewise the address fields (street, city,
 * postal code, country) move as one unit from the best-ranked record with any of them, so that the
 * golden record never holds an address that no record has. Source and {@code updatedAt} of the golden
 * record are the survivor's; {@code updatedAt} is the latest of the cluster's.
 *
 * <p>The default rules: {@link SurvivorshipRule#SOURCE_PRIORITY}, {@link SurvivorshipRule#MOST_RECENT},
 * {@link SurvivorshipRule#MOST_COMPLETE}, with an empty source priority (so sources do not decide).
 *
 * <p>Immutable and thread-safe.
 */
public final class MergePlanner {

    private final List<SurvivorshipRule> rules;
    private final List<String> sourcePriority;

    /**
     * Creates a planner.
     *
     * @param rules the rules in order, not null, without repeats
     * @param sourcePriority the sources, most trusted first, not null
     * @throws IllegalArgumentException if a rule repeats
     */
    public MergePlanner(List<SurvivorshipRule> rules, List<String> sourcePriority) {
        this.rules = List.copyOf(rules);
        this.sourcePriority = List.copyOf(sourcePriority);
        if (this.rules.stream().distinct().count() != this.rules.size()) {
            throw new IllegalArgumentException("survivorship rules must not repeat: " + rules);
        }
    }

    /**
     * Returns the planner with the default rules and no source priority.
     *
     * @return the planner, never null
     */
    public static MergePlanner defaults() {
        return new MergePlanner(List.of(SurvivorshipRule.SOURCE_PRIORITY, SurvivorshipRule.MOST_RECENT,
                SurvivorshipRule.MOST_COMPLETE), List.of());
    }

    /**
     * Plans the merge of a cluster.
     *
     * @param cluster the cluster, not null
     * @param records the records by identifier, holding every member, not null
     * @return the plan, never null
     * @throws IllegalArgumentException if a member's record is missing
     */
    public MergePlan plan(Cluster cluster, Map<CustomerId, CustomerRecord> records) {
        Objects.requireNonNull(cluster, "cluster");
        List<CustomerRecord> members = new ArrayList<>();
        for (CustomerId id : cluster.members()) {
            CustomerRecord r = records.get(id);
            if (r == null) {
                throw new IllegalArgumentException("no record for cluster member " + id);
            }
            members.add(r);
        }
        return plan(members);
    }

    /**
     * Plans the merge of records taken to be one customer.
     *
     * @param members the records, at least two, with distinct identifiers, not null
     * @return the plan, never null
     * @throws IllegalArgumentException if there are fewer than two records or identifiers repeat
     */
    public MergePlan plan(List<CustomerRecord> members) {
        if (members.size() < 2 || members.stream().map(CustomerRecord::id).distinct().count() != members.size()) {
            throw new IllegalArgumentException("a merge needs at least two records with distinct identifiers");
        }
        List<CustomerRecord> ranked = new ArrayList<>(members);
        ranked.sort(order());
        CustomerRecord survivor = ranked.get(0);
        Map<CustomerRecord.Field, CustomerRecord> chosen = new HashMap<>();
        for (CustomerRecord.Field f : CustomerRecord.Field.values()) {
            for (CustomerRecord r : ranked) {
                if (r.get(f).isPresent()) {
                    chosen.put(f, r);
                    break;
                }
            }
        }
        CustomerRecord.Builder g = survivor.toBuilder();
        List<FieldChange> changes = new ArrayList<>();
        CustomerRecord namesFrom = ranked.stream().filter(MergePlanner::hasName).findFirst().orElse(survivor);
        CustomerRecord addressFrom = ranked.stream().filter(MergePlanner::hasAddress).findFirst().orElse(survivor);
        for (CustomerRecord.Field f : CustomerRecord.Field.values()) {
            CustomerRecord from = isName(f) ? namesFrom : isAddress(f) ? addressFrom : chosen.get(f);
            if (from == null || from == survivor || from.get(f).isEmpty()) {
                continue;
            }
            set(g, f, from);
            changes.add(new FieldChange(f, survivor.get(f), from.get(f).orElseThrow(), from.id()));
        }
        members.stream().map(CustomerRecord::updatedAt).flatMap(Optional::stream).max(Comparator.naturalOrder())
                .ifPresent(g::updatedAt);
        List<CustomerId> absorbed = ranked.stream().skip(1).map(CustomerRecord::id).sorted().toList();
        return new MergePlan(survivor.id(), absorbed, g.build(), changes);
    }

    private static boolean isName(CustomerRecord.Field f) {
        return f == CustomerRecord.Field.FIRST_NAME || f == CustomerRecord.Field.LAST_NAME
                || f == CustomerRecord.Field.NAME;
    }

    private static boolean isAddress(CustomerRecord.Field f) {
        return f == CustomerRecord.Field.STREET || f == CustomerRecord.Field.CITY
                || f == CustomerRecord.Field.POSTAL_CODE || f == CustomerRecord.Field.COUNTRY;
    }

    private static boolean hasAddress(CustomerRecord r) {
        return r.street().isPresent() || r.city().isPresent() || r.postalCode().isPresent() || r.country().isPresent();
    }

    private static boolean hasName(CustomerRecord r) {
        return r.firstName().isPresent() || r.lastName().isPresent() || r.fullName().isPresent();
    }

    private static void set(CustomerRecord.Builder g, CustomerRecord.Field f, CustomerRecord from) {
        switch (f) {
            case FIRST_NAME -> g.firstName(from.firstName().orElseThrow());
            case LAST_NAME -> g.lastName(from.lastName().orElseThrow());
            case NAME -> g.fullName(from.fullName().orElseThrow());
            case EMAIL -> g.email(from.email().orElseThrow());
            case PHONE -> g.phone(from.phone().orElseThrow());
            case STREET -> g.street(from.street().orElseThrow());
            case CITY -> g.city(from.city().orElseThrow());
            case POSTAL_CODE -> g.postalCode(from.postalCode().orElseThrow());
            case COUNTRY -> g.country(from.country().orElseThrow());
            case BIRTH_DATE -> g.birthDate(from.birthDate().orElseThrow());
            case COMPANY -> g.company(from.company().orElseThrow());
        }
    }

    private Comparator<CustomerRecord> order() {
        Comparator<CustomerRecord> c = (a, b) -> 0;
        for (SurvivorshipRule rule : rules) {
            c = c.thenComparing(switch (rule) {
                case SOURCE_PRIORITY -> Comparator.comparingInt(this::sourceRank);
                case MOST_RECENT -> Comparator.comparing((CustomerRecord r) -> r.updatedAt().orElse(Instant.MIN))
                        .reversed();
                case MOST_COMPLETE -> Comparator.comparingInt(CustomerRecord::presentFields).reversed();
            });
        }
        return c.thenComparing(CustomerRecord::id);
    }

    private int sourceRank(CustomerRecord r) {
        int i = r.source().map(sourcePriority::indexOf).orElse(-1);
        return i < 0 ? sourcePriority.size() : i;
    }

    @Override
    public String toString() {
        return "MergePlanner[rules=" + rules + ", sourcePriority=" + sourcePriority + "]";
    }
}
