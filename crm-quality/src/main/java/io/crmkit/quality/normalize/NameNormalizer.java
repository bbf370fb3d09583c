package io.crmkit.quality.normalize;

import com.ibm.icu.text.Transliterator;
import java.util.Optional;
import java.util.Set;

/**
 * Normalises person names for matching: case, accents and other marks, punctuation and whitespace
 * folded away ({@code "  José  O'Neil-Smith "} becomes {@code "jose o neil smith"}), and text in
 * other scripts transliterated to Latin with ICU4J ({@code Any-Latin; Latin-ASCII}), so that a
 * Chinese name in Han characters meets its pinyin: {@code 张伟} folds to {@code zhang wei}.
 *
 * <p>{@link #split} reads a name into a given and a family part: from separate first and last names
 * when present; otherwise from a full name: Han-only names surname first (one character, or two for
 * the common compound surnames such as 欧阳), {@code "Last, First"} by its comma, and other names
 * with the last word as the family name. Each part is folded and its inner spaces removed, so that
 * {@code 张伟明} and {@code Zhang Weiming} give the same parts ({@code zhang}, {@code weiming}).
 * Given and family name written the other way round are handled by the comparison, not here.
 *
 * <p>{@link #fold} is idempotent. Stateless and thread-safe (one ICU transliterator per thread).
 */
public final class NameNormalizer {

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "轩辕", "端木", "歐陽", "諸葛", "東方");

    private NameNormalizer() {
    }

    /**
     * A name read into its parts, each folded and without spaces.
     *
     * @param given the given name, may be empty, not null
     * @param family the family name, may be empty, not null
     */
    public record Parts(String given, String family) {

        /**
         * Checks the parts.
         *
         * @throws NullPointerException if a part is null
         */
        public Parts {
            java.util.Objects.requireNonNull(given, "given");
            java.util.Objects.requireNonNull(family, "family");
        }

        /**
         * Returns whether both parts are empty.
         *
         * @return whether nothing was read
         */
        public boolean isEmpty() {
            return given.isEmpty() && family.isEmpty();
        }

        /**
         * Returns the parts with their initials only.
         *
         * @return the masked parts, never null
         */
        @Override
        public String toString() {
            return "Parts[given=" + initial(given) + ", family=" + initial(family) + "]";
        }

        private static String initial(String s) {
            return s.isEmpty() ? "-" : s.charAt(0) + "***";
        }
    }

    /**
     * Folds a name: Latin script, lower case, no marks, words separated by one space, no punctuation.
     *
     * @param raw the name as written, not null
     * @return the folded name, possibly empty, never null
     */
    public static String fold(String raw) {
        String s = raw;
        if (!isAscii(s)) {
            s = TO_LATIN.get().transliterate(s);
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append((char) (c + ('a' - 'A')));
            } else {
                space = true;
            }
        }
        return b.toString();
    }

    /**
     * Reads a name into given and family parts (see the class description).
     *
     * @param first the given name, not null
     * @param last the family name, not null
     * @param full the full name, used when both {@code first} and {@code last} are empty, not null
     * @return the parts, never null
     */
    public static Parts split(Optional<String> first, Optional<String> last, Optional<String> full) {
        if (first.isPresent() || last.isPresent()) {
            return new Parts(compact(first.map(NameNormalizer::fold).orElse("")),
                    compact(last.map(NameNormalizer::fold).orElse("")));
        }
        if (full.isEmpty()) {
            return new Parts("", "");
        }
        String name = full.get().strip();
        if (isHanOnly(name)) {
            String han = name.replaceAll("[\\s\\u00B7\\u30FB]", "");
            int cut = han.length() > 2 && COMPOUND_SURNAMES.contains(han.substring(0, 2)) ? 2
                    : Character.charCount(han.codePointAt(0));
            return new Parts(compact(fold(han.substring(cut))), compact(fold(han.substring(0, cut))));
        }
        int comma = name.indexOf(',');
        if (comma >= 0) {
            return new Parts(compact(fold(name.substring(comma + 1))), compact(fold(name.substring(0, comma))));
        }
        String folded = fold(name);
        int space = folded.lastIndexOf(' ');
        if (space < 0) {
            return new Parts("", folded);
        }
        return new Parts(compact(folded.substring(0, space)), folded.substring(space + 1));
    }

    /**
     * Returns whether the text holds a character of the Han script.
     *
     * @param s the text, not null
     * @return whether it holds Han
     */
    public static boolean containsHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static boolean isHanOnly(String s) {
        boolean han = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han = true;
            } else if (!Character.isWhitespace(cp) && cp != 0x00B7 && cp != 0x30FB) {
                return false;
            }
        }
        return han;
    }

    private static String compact(String folded) {
        return folded.indexOf(' ') < 0 ? folded : folded.replace(" ", "");
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
