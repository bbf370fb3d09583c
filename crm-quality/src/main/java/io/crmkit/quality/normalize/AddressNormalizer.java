package io.crmkit.quality.normalize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Light normalisation of postal addresses for matching: street and city folded like names
 * ({@link NameNormalizer#fold}) with the common English, German, French and Spanish street words
 * shortened to one form ({@code Street} and {@code St.} both {@code st}, {@code Straße} and
 * {@code Str.} both {@code str}); postal codes upper-cased without spaces and hyphens; countries read
 * as ISO 3166-1 alpha-2 codes from a code or an English name ({@code "United States"},
 * {@code "us"}). No geocoding and no reference address file.
 *
 * <p>Every method is idempotent. Stateless and thread-safe.
 */
public final class AddressNormalizer {

    private static final Map<String, String> STREET_WORDS = Map.ofEntries(
            Map.entry("street", "st"), Map.entry("avenue", "ave"), Map.entry("av", "ave"), Map.entry("road", "rd"),
            Map.entry("boulevard", "blvd"), Map.entry("drive", "dr"), Map.entry("lane", "ln"),
            Map.entry("place", "pl"), Map.entry("court", "ct"), Map.entry("square", "sq"),
            Map.entry("apartment", "apt"), Map.entry("suite", "ste"), Map.entry("north", "n"),
            Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"), Map.entry("strasse", "str"),
            Map.entry("rue", "r"), Map.entry("calle", "c"), Map.entry("number", "no"), Map.entry("nr", "no"));
    private static final Map<String, String> COUNTRIES = countries();

    private AddressNormalizer() {
    }

    /**
     * Folds a street line and shortens its street words.
     *
     * @param raw the street line, not null
     * @return the normalised line, possibly empty, never null
     */
    public static String street(String raw) {
        String folded = NameNormalizer.fold(raw.replace("ß", "ss"));
        if (folded.isEmpty()) {
            return folded;
        }
        StringBuilder b = new StringBuilder(folded.length());
        for (String word : folded.split(" ")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(shorten(word));
        }
        return b.toString();
    }

    private static String shorten(String word) {
        String s = STREET_WORDS.get(word);
        if (s != null) {
            return s;
        }
        if (word.length() > 6 && word.endsWith("strasse")) {
            return word.substring(0, word.length() - 4);
        }
        return word;
    }

    /**
     * Folds a city name.
     *
     * @param raw the city, not null
     * @return the folded city, possibly empty, never null
     */
    public static String city(String raw) {
        return NameNormalizer.fold(raw);
    }

    /**
     * Normalises a postal code: letters and digits only, upper case.
     *
     * @param raw the postal code, not null
     * @return the normalised code, possibly empty, never null
     */
    public static String postalCode(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    /**
     * Reads a country as an ISO 3166-1 alpha-2 code, from the code itself (any case) or the
     * country's English name.
     *
     * @param raw the country, not null
     * @return the upper-case code, or empty when the text is not recognised, never null
     */
    public static Optional<String> country(String raw) {
        return Optional.ofNullable(COUNTRIES.get(NameNormalizer.fold(raw)));
    }

    private static Map<String, String> countries() {
        Map<String, String> m = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            m.put(code.toLowerCase(Locale.ROOT), code);
            m.put(NameNormalizer.fold(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        m.put("usa", "US");
        m.put("united states of america", "US");
        m.put("uk", "GB");
        m.put("england", "GB");
        m.put("prc", "CN");
        m.put("zhongguo", "CN");
        m.put("zhong guo", "CN");
        return Map.copyOf(m);
    }
}
