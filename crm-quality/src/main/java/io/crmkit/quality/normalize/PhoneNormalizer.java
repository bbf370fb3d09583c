package io.crmkit.quality.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Normalises phone numbers to E.164 ({@code +14155550100}) with Google's libphonenumber: numbers
 * written with a country code ({@code +1 (415) 555-0100}, {@code 0044 20 7946 0018}: a leading
 * {@code 00} is read as {@code +} whatever the default region's own international prefix) keep theirs;
 * national numbers ({@code (415) 555-0100}, {@code 020 7946 0018}) take the {@linkplain #defaultRegion()
 * default region}'s. A number that libphonenumber cannot parse, or whose length is impossible for its
 * region, is absent; {@link #problem(String)} says why. Validity against the numbering plan (an
 * assigned range) is a separate, stricter check: {@link #isValid(String)}.
 *
 * <p>Idempotent (an E.164 number parses to itself). Immutable and thread-safe (libphonenumber's
 * utility is thread-safe).
 */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /**
     * Creates a normaliser.
     *
     * @param defaultRegion the ISO 3166-1 alpha-2 region of numbers written without a country code,
     *     such as {@code "US"} or {@code "CN"}, or {@code "ZZ"} to accept only international numbers
     * @throws IllegalArgumentException if the region is not one libphonenumber knows (nor {@code ZZ})
     */
    public PhoneNormalizer(String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        String r = defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!r.equals("ZZ") && !UTIL.getSupportedRegions().contains(r)) {
            throw new IllegalArgumentException("defaultRegion must be an ISO 3166-1 alpha-2 region with a"
                    + " numbering plan, such as US or CN, or ZZ for none: '" + defaultRegion + "'");
        }
        this.defaultRegion = r;
    }

    /**
     * Returns the region of numbers written without a country code.
     *
     * @return the region code, never null
     */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * Returns the number in E.164 form, or empty when it cannot be read.
     *
     * @param raw the number as written, not null
     * @return the E.164 number, or empty, never null
     */
    public Optional<String> normalise(String raw) {
        Phonenumber.PhoneNumber n = parse(raw);
        if (n == null || !UTIL.isPossibleNumber(n)) {
            return Optional.empty();
        }
        return Optional.of(UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /**
     * Returns whether the number is valid for its region's numbering plan (an assigned range).
     *
     * @param raw the number as written, not null
     * @return whether it is valid
     */
    public boolean isValid(String raw) {
        Phonenumber.PhoneNumber n = parse(raw);
        return n != null && UTIL.isValidNumber(n);
    }

    /**
     * Returns why the number is not valid, or empty when it is; the reason never repeats the number.
     *
     * @param raw the number as written, not null
     * @return the reason, or empty, never null
     */
    public Optional<String> problem(String raw) {
        Phonenumber.PhoneNumber n;
        try {
            n = UTIL.parse(international(raw), defaultRegion);
        } catch (NumberParseException e) {
            return Optional.of(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "no country code and no default region";
                case NOT_A_NUMBER -> "not a phone number";
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
                case TOO_LONG -> "too long";
            });
        }
        return switch (UTIL.isPossibleNumberWithReason(n)) {
            case IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY -> UTIL.isValidNumber(n) ? Optional.empty()
                    : Optional.of("not in an assigned range of its region");
            case INVALID_COUNTRY_CODE -> Optional.of("unknown country code");
            case TOO_SHORT -> Optional.of("too short");
            case TOO_LONG -> Optional.of("too long");
            case INVALID_LENGTH -> Optional.of("impossible length for its region");
        };
    }

    /** A leading {@code 00} is the international prefix wherever it appears: no national number starts with it. */
    private static String international(String raw) {
        String s = raw.strip();
        return s.startsWith("00") ? "+" + s.substring(2) : s;
    }

    private Phonenumber.PhoneNumber parse(String raw) {
        try {
            return UTIL.parse(international(raw), defaultRegion);
        } catch (NumberParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "PhoneNormalizer[defaultRegion=" + defaultRegion + "]";
    }
}
