package io.crmkit.quality.match;

import io.crmkit.quality.normalize.NormalizedRecord;
import java.util.function.Function;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The blocking keys: two records are compared only if they share at least one key. Each record
 * has at most one key of each kind; a kind whose fields are missing gives no key. Keys shared by
 * more than {@link MatchOptions#maxBlockSize()} records are skipped and counted.
 *
 * <p>There is deliberately no key on the name alone: a pair that shares only its name cannot reach a
 * duplicate's score (the names add at most about 11 bits against a prior of -13), and in a million
 * records the blocks of common names make millions of pairs that could only be namesakes. Namesakes
 * are therefore found where they are hard negatives: born the same year, or in the same postal code.
 *
 * <p>A record with none of the fields any key needs gets no key and is compared with no other
 * record; {@link BlockingStats#unkeyedRecords()} counts such records.
 *
 * <p>Immutable and thread-safe.
 */
public enum BlockingKey {
    /** The normalised e-mail. */
    EMAIL("e-mail", r -> r.email()),
    /** The E.164 phone. */
    PHONE("phone", r -> r.phone()),
    /**
     * The Double Metaphone codes of the two name parts in sorted order and the birth year, so that
     * spelling variants and swapped first and last names meet.
     */
    NAME_SOUND_BIRTH_YEAR("name sound + birth year", r -> r.birthDate().isEmpty() || r.given().isEmpty()
            || r.family().isEmpty() ? "" : sorted(Sounds.code(r.given()), Sounds.code(r.family()))
                    + "|" + r.birthDate().get().getYear()),
    /** The postal code and the first three letters of the two name parts in sorted order. */
    POSTAL_NAME_PREFIX("postal code + name prefix", r -> r.postalCode().isEmpty() || r.family().isEmpty()
            ? "" : r.postalCode() + "|" + sorted(prefix(r.given()), prefix(r.family()))),
    /**
     * The city, the first {@value #STREET_PREFIX} characters of the normalised street and the first
     * three letters of the two name parts in sorted order, so that records with a name and a street
     * address but no e-mail, phone, birth date or postal code are compared too.
     */
    CITY_STREET_NAME_PREFIX("city + street prefix + name prefix", r -> r.city().isEmpty() || r.street().isEmpty()
            || r.family().isEmpty() ? "" : r.city() + "|" + prefix(r.street(), BlockingKey.STREET_PREFIX) + "|"
                    + sorted(prefix(r.given()), prefix(r.family())));

    /** The characters of the normalised street in {@link #CITY_STREET_NAME_PREFIX}. */
    public static final int STREET_PREFIX = 6;

    private final String label;
    private final Function<NormalizedRecord, String> key;

    BlockingKey(String label, Function<NormalizedRecord, String> key) {
        this.label = label;
        this.key = key;
    }

    /**
     * Returns the label used in reports.
     *
     * @return the label, never null
     */
    public String label() {
        return label;
    }

    /**
     * Returns the record's key of this kind.
     *
     * @param record the record, not null
     * @return the key, empty when the fields it needs are missing, never null
     */
    public String keyOf(NormalizedRecord record) {
        return key.apply(record);
    }

    private static String sorted(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private static String prefix(String s) {
        return prefix(s, 3);
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    /** Double Metaphone codes, one encoder per thread. */
    static final class Sounds {
        private static final ThreadLocal<DoubleMetaphone> DM = ThreadLocal.withInitial(DoubleMetaphone::new);

        private Sounds() {
        }

        static String code(String s) {
            String c = DM.get().doubleMetaphone(s);
            return c == null || c.isEmpty() ? s : c;
        }
    }
}
