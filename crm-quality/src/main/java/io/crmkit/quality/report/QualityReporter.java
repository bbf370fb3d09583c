package io.crmkit.quality.report;

import io.crmkit.core.internal.Pii;
import io.crmkit.quality.CustomerRecord;
import io.crmkit.quality.normalize.AddressNormalizer;
import io.crmkit.quality.normalize.EmailNormalizer;
import io.crmkit.quality.normalize.NameNormalizer;
import io.crmkit.quality.normalize.PhoneNormalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link QualityReport} of a set of records.
 *
 * <p>Validity per field: e-mail by crm-core's {@link io.crmkit.core.customer.EmailAddress} rules
 * after whitespace and case ({@link EmailNormalizer#problem}); phone by libphonenumber with the
 * default region, an assigned range required ({@link PhoneNormalizer#problem}); names, street, city
 * and company must hold a letter, names and city no digit; postal code 3 to 10 letters and digits;
 * country an ISO 3166-1 code or English name; birth date not after the reference day and not before
 * 1900. Uniqueness counts distinct normalised values (folded names, normalised e-mail, E.164 phone).
 *
 * <p>Staleness: a record is stale when its {@code updatedAt} is more than {@code staleAfter} before
 * the reference instant: the one given, else the newest {@code updatedAt} among the records (never
 * the clock).
 *
 * <p>Immutable and thread-safe.
 */
public final class QualityReporter {

    private static final int EXAMPLES = 3;
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final PhoneNormalizer phones;
    private final Optional<Instant> reference;
    private final Duration staleAfter;

    /**
     * Creates a reporter.
     *
     * @param defaultRegion the region of national phone numbers, {@code ZZ} for none, not null
     * @param reference the instant staleness is measured from; empty to use the newest update, not null
     * @param staleAfter the freshness window, positive, not null
     * @throws IllegalArgumentException if the region is unknown or the window not positive
     */
    public QualityReporter(String defaultRegion, Optional<Instant> reference, Duration staleAfter) {
        this.phones = new PhoneNormalizer(defaultRegion);
        this.reference = Objects.requireNonNull(reference, "reference");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive: " + staleAfter);
        }
    }

    /**
     * Builds the report.
     *
     * @param records the records, not null
     * @return the report, never null
     */
    public QualityReport report(List<CustomerRecord> records) {
        Objects.requireNonNull(records, "records");
        Optional<Instant> ref = reference.isPresent() ? reference
                : records.stream().map(CustomerRecord::updatedAt).flatMap(Optional::stream)
                        .max(Comparator.naturalOrder());
        LocalDate today = ref.map(i -> i.atOffset(ZoneOffset.UTC).toLocalDate()).orElse(LocalDate.MAX);
        Map<String, List<CustomerRecord>> bySource = new TreeMap<>();
        for (CustomerRecord r : records) {
            bySource.computeIfAbsent(r.source().orElse("(none)"), s -> new ArrayList<>()).add(r);
        }
        List<SourceQuality> sources = new ArrayList<>();
        bySource.forEach((s, rs) -> sources.add(new SourceQuality(s, rs.size(), fields(rs, today),
                staleness(rs, ref))));
        return new QualityReport(records.size(), fields(records, today), staleness(records, ref), sources, ref,
                staleAfter);
    }

    private Staleness staleness(List<CustomerRecord> records, Optional<Instant> ref) {
        long dated = 0;
        long stale = 0;
        Instant oldest = null;
        Instant newest = null;
        for (CustomerRecord r : records) {
            if (r.updatedAt().isPresent()) {
                Instant t = r.updatedAt().get();
                dated++;
                if (ref.isPresent() && t.isBefore(ref.get().minus(staleAfter))) {
                    stale++;
                }
                oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
                newest = newest == null || t.isAfter(newest) ? t : newest;
            }
        }
        return new Staleness(records.size(), dated, stale, Optional.ofNullable(oldest), Optional.ofNullable(newest));
    }

    private List<FieldQuality> fields(List<CustomerRecord> records, LocalDate today) {
        List<FieldQuality> out = new ArrayList<>();
        for (CustomerRecord.Field f : CustomerRecord.Field.values()) {
            long present = 0;
            long valid = 0;
            Set<String> distinct = new HashSet<>();
            Map<String, Long> reasons = new LinkedHashMap<>();
            Map<String, List<String>> examples = new LinkedHashMap<>();
            for (CustomerRecord r : records) {
                Optional<String> v = r.get(f);
                if (v.isEmpty()) {
                    continue;
                }
                present++;
                String raw = v.get();
                String problem = problem(f, raw, r, today);
                if (problem == null) {
                    valid++;
                    distinct.add(normalised(f, raw));
                } else {
                    reasons.merge(problem, 1L, Long::sum);
                    List<String> ex = examples.computeIfAbsent(problem, k -> new ArrayList<>());
                    if (ex.size() < EXAMPLES) {
                        ex.add(r.id() + ": " + mask(f, raw));
                    }
                }
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.add(new FieldQuality(f, records.size(), present, valid, distinct.size(), sorted, examples));
        }
        return out;
    }

    private String problem(CustomerRecord.Field f, String raw, CustomerRecord r, LocalDate today) {
        return switch (f) {
            case FIRST_NAME, LAST_NAME, NAME, CITY -> raw.chars().anyMatch(Character::isDigit) ? "contains a digit"
                    : NameNormalizer.fold(raw).isEmpty() ? "no letters" : null;
            case STREET, COMPANY -> NameNormalizer.fold(raw).chars().anyMatch(Character::isLetter) ? null
                    : "no letters";
            case EMAIL -> EmailNormalizer.problem(raw).orElse(null);
            case PHONE -> phones.problem(raw).orElse(null);
            case POSTAL_CODE -> {
                int n = AddressNormalizer.postalCode(raw).length();
                yield n >= 3 && n <= 10 ? null : "not 3 to 10 letters and digits";
            }
            case COUNTRY -> AddressNormalizer.country(raw).isPresent() ? null : "not an ISO 3166 code or country name";
            case BIRTH_DATE -> {
                LocalDate d = r.birthDate().orElseThrow();
                yield d.isAfter(today) ? "in the future" : d.isBefore(EARLIEST_BIRTH) ? "before 1900" : null;
            }
        };
    }

    private String normalised(CustomerRecord.Field f, String raw) {
        return switch (f) {
            case EMAIL -> EmailNormalizer.normalise(raw).orElse(raw);
            case PHONE -> phones.normalise(raw).orElse(raw);
            case STREET -> AddressNormalizer.street(raw);
            case POSTAL_CODE -> AddressNormalizer.postalCode(raw);
            case COUNTRY -> AddressNormalizer.country(raw).orElse(raw);
            case BIRTH_DATE -> raw;
            default -> NameNormalizer.fold(raw);
        };
    }

    /**
     * Masks a value for an example: e-mail and phone as crm-core masks them ({@code Pii.maskEmail},
     * {@code Pii.maskPhone}: a public provider's domain or else only the top-level domain, the last
     * digits of a phone), else an initial.
     */
    static String mask(CustomerRecord.Field f, String raw) {
        return switch (f) {
            case EMAIL -> Pii.maskEmail(raw.strip());
            case PHONE -> Pii.maskPhone(raw);
            case BIRTH_DATE, STREET, POSTAL_CODE -> Pii.HIDDEN;
            case COUNTRY -> raw.length() <= 3 ? raw : Pii.mask(raw);
            default -> Pii.mask(raw.strip());
        };
    }

    @Override
    public String toString() {
        return "QualityReporter[defaultRegion=" + phones.defaultRegion() + ", staleAfter=" + staleAfter + "]";
    }
}
