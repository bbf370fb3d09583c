package io.crmkit.quality.match;

/**
 * A field comparison of the scoring model. Immutable and thread-safe.
 */
public enum Comparison {
    /** The e-mail addresses, normalised, compared exactly. */
    EMAIL("e-mail"),
    /** The phone numbers, in E.164, compared exactly. */
    PHONE("phone"),
    /** The family names, folded: exact, Jaro-Winkler or Double Metaphone. */
    FAMILY_NAME("last name"),
    /** The given names, folded: exact, Jaro-Winkler or Double Metaphone, or an initial. */
    GIVEN_NAME("first name"),
    /** The birth dates: exact, or near (one part differs, or day and month transposed). */
    BIRTH_DATE("birth date"),
    /** Street, postal code and city, normalised. */
    ADDRESS("address"),
    /** The company names, folded, compared exactly. */
    COMPANY("company");

    private final String label;

    Comparison(String label) {
        this.label = label;
    }

    /**
     * Returns the label used in reasons, such as {@code "last name"}.
     *
     * @return the label, never null
     */
    public String label() {
        return label;
    }
}
