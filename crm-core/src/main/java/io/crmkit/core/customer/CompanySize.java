package io.crmkit.core.customer;

/**
 * The size class of an organization, as CRM documents classify customers: large enterprises,
 * small and medium-sized enterprises (SME) and individual businesses.
 *
 * <p>Hosts map their own thresholds (employees, turnover) to these classes.
 *
 * <p>Immutable and thread-safe.
 */
public enum CompanySize {
    /** A large enterprise. */
    LARGE,
    /** A medium-sized enterprise. */
    MEDIUM,
    /** A small enterprise. */
    SMALL,
    /** A micro enterprise. */
    MICRO,
    /** An individual business or sole proprietor (个体工商户). */
    INDIVIDUAL,
    /** Not known. */
    UNKNOWN;

    /**
     * Returns whether this class is a small or medium-sized enterprise (medium, small or micro).
     *
     * @return true for {@link #MEDIUM}, {@link #SMALL} and {@link #MICRO}
     */
    public boolean isSme() {
        return this == MEDIUM || this == SMALL || this == MICRO;
    }
}
