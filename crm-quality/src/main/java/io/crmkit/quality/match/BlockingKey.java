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
            ? "" : r.postalCode() + "|" + sorted(prefix(r.given()), prefix(r.family())));

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
        return s.length() <= 3 ? s : s.substring(0, 3);
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
