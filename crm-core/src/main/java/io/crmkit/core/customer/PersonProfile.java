package io.crmkit.core.customer;

import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The basic profile of a customer who is a natural person: gender, birth date and occupation,
 * each only when recorded.
 *
 * <p>Personal data: {@link #toString()} says which fields are present, never their values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param gender the gender, if recorded, not null
 * @param birthDate the date of birth, if recorded, not null
 * @param occupation the occupation, if recorded, not null
 */
public record PersonProfile(Optional<Gender> gender, Optional<LocalDate> birthDate, Optional<String> occupation) {

    private static final PersonProfile EMPTY = new PersonProfile(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Validates the profile.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the occupation is blank or too long
     */
    public PersonProfile {
        Checks.optional(gender, "gender");
        Checks.optional(birthDate, "birthDate");
        Checks.optional(occupation, "occupation").ifPresent(o -> Checks.personalText(o, "occupation", 200));
    }

    /**
     * Returns a profile with nothing recorded.
     *
     * @return the empty profile, never null
     */
    public static PersonProfile empty() {
        return EMPTY;
    }

    /**
     * Returns the age in whole years on the given date, when the birth date is recorded.
     *
     * @param on the date, not null
     * @return the age, or empty if no birth date is recorded
     * @throws IllegalArgumentException if {@code on} is before the birth date
     */
    public Optional<Integer> ageOn(LocalDate on) {
        Checks.notNull(on, "on");
        return birthDate.map(b -> {
            if (on.isBefore(b)) {
                throw new IllegalArgumentException("date " + on + " is before the birth date");
            }
            return b.until(on).getYears();
        });
    }

    /**
     * Returns which fields are recorded, without their values.
     *
     * @return the masked form, never null
     */
    @Override
    public String toString() {
        return "PersonProfile[gender=" + (gender.isPresent() ? "***" : "-")
                + ", birthDate=" + (birthDate.isPresent() ? "***" : "-")
                + ", occupation=" + (occupation.isPresent() ? "***" : "-") + "]";
    }
}
