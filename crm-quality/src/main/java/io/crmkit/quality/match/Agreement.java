package io.crmkit.quality.match;

/**
 * The comparison levels of the scoring model with their default Fellegi-Sunter probabilities:
 * {@code m}, the probability of the level among pairs of records of one customer, and {@code u},
 * among pairs of different customers. A level adds {@code log2(m / u)} bits to a pair's weight; a
 * field missing on either side adds nothing. These are documented fixed values (ADR 0060), chosen
 * from the frequencies of each level among true and false pairs in typical customer data: an
 * e-mail or phone shared by chance is rare but a phone is shared by a household, a surname is shared
 * by about 1 pair in 50, a birth date by about 1 in 3,000 (25,000 days of possible birth dates with
 * a peaked distribution). {@link MatchOptions.Builder#weight} overrides them.
 *
 * <p>Immutable and thread-safe.
 */
public enum Agreement {
    /** Same normalised e-mail. */
    EMAIL_EXACT(Comparison.EMAIL, "same", 0.95, 0.0001),
    /** Different e-mails. */
    EMAIL_DIFFERENT(Comparison.EMAIL, "different", 0.05, 0.9999),
    /** Same E.164 phone. */
    PHONE_EXACT(Comparison.PHONE, "same", 0.90, 0.0005),
    /** Different phones. */
    PHONE_DIFFERENT(Comparison.PHONE, "different", 0.10, 0.9995),
    /** Same family name. */
    FAMILY_EXACT(Comparison.FAMILY_NAME, "same", 0.88, 0.02),
    /** Family names alike (Jaro-Winkler at least 0.90, or the same Double Metaphone). */
    FAMILY_SIMILAR(Comparison.FAMILY_NAME, "similar", 0.10, 0.01),
    /** Different family names. */
    FAMILY_DIFFERENT(Comparison.FAMILY_NAME, "different", 0.02, 0.97),
    /** Same given name. */
    GIVEN_EXACT(Comparison.GIVEN_NAME, "same", 0.85, 0.02),
    /** Given names alike (Jaro-Winkler at least 0.90, or the same Double Metaphone). */
    GIVEN_SIMILAR(Comparison.GIVEN_NAME, "similar", 0.10, 0.01),
    /** One given name is the other's initial. */
    GIVEN_INITIAL(Comparison.GIVEN_NAME, "initial", 0.03, 0.02),
    /** Different given names. */
    GIVEN_DIFFERENT(Comparison.GIVEN_NAME, "different", 0.02, 0.95),
    /** Same birth date. */
    BIRTH_EXACT(Comparison.BIRTH_DATE, "same", 0.90, 0.0003),
    /** Birth dates with one part different, or day and month transposed. */
    BIRTH_NEAR(Comparison.BIRTH_DATE, "near", 0.07, 0.002),
    /** Different birth dates. */
    BIRTH_DIFFERENT(Comparison.BIRTH_DATE, "different", 0.03, 0.9977),
    /** Same street (and no different postal code). */
    ADDRESS_STREET(Comparison.ADDRESS, "same street", 0.70, 0.001),
    /** Streets alike (Jaro-Winkler at least 0.92) in the same postal code or city. */
    ADDRESS_STREET_SIMILAR(Comparison.ADDRESS, "similar street", 0.10, 0.001),
    /** Same postal code or city, streets different or missing. */
    ADDRESS_AREA(Comparison.ADDRESS, "same area", 0.10, 0.05),
    /** Different postal codes and cities. */
    ADDRESS_DIFFERENT(Comparison.ADDRESS, "different", 0.10, 0.949),
    /** Same company name. */
    COMPANY_EXACT(Comparison.COMPANY, "same", 0.50, 0.01),
    /** Different company names. */
    COMPANY_DIFFERENT(Comparison.COMPANY, "different", 0.20, 0.99);

    private final Comparison comparison;
    private final String level;
    private final double m;
    private final double u;

    Agreement(Comparison comparison, String level, double m, double u) {
        this.comparison = comparison;
        this.level = level;
        this.m = m;
        this.u = u;
    }

    /**
     * Returns the comparison this level belongs to.
     *
     * @return the comparison, never null
     */
    public Comparison comparison() {
        return comparison;
    }

    /**
     * Returns the level's short name, such as {@code "similar"}.
     *
     * @return the name, never null
     */
    public String level() {
        return level;
    }

    /**
     * Returns the default m probability.
     *
     * @return m, in (0, 1)
     */
    public double defaultM() {
        return m;
    }

    /**
     * Returns the default u probability.
     *
     * @return u, in (0, 1)
     */
    public double defaultU() {
        return u;
    }
}
