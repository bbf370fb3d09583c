package io.crmkit.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Generators of well-formed text for the crm-testkit arbitraries: never a lone surrogate, never a
 * control character, never leading or trailing whitespace, never blank; lengths are counted in
 * UTF-16 {@code char}s, as {@link String#length()} and the crm-core checks count them.
 *
 * <p>Internal: not part of the crm-testkit API. Stateless and thread-safe.
 */
public final class Texts {

    private static final String ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    private static final String PUNCTUATION = "-_.,:;/#&'()+@!?*%=[]";
    /**
     * Letters and signs of many scripts, a no-break space (not whitespace for {@link String#strip()}),
     * an ideographic space, a zero-width joiner and a combining accent.
     */
    private static final String INTERNATIONAL = "äöüßÄÖÜéèêçñøåæœłśžčřőűİığşÆÉÑαβγδΩжщЯЮфыпр"
            + "中文客户北京东京日本語한국어あいうアイウअआहกขعربيةשלום·—–…«»“”€£¥\u00A0\u3000\u200D\u0301";
    /** Characters outside the Basic Multilingual Plane: emoji, a skin-tone modifier, CJK extension B, math. */
    private static final int[] SUPPLEMENTARY = {0x1F600, 0x1F44D, 0x1F3FD, 0x20BB7, 0x1D518, 0x1F1E8};

    private Texts() {
    }

    /**
     * Returns free text of {@code 1..maxLength} chars in many scripts, with spaces and punctuation,
     * valid for every crm-core text check whose limit is at least {@code maxLength}. Short texts
     * are the most frequent; texts of exactly {@code maxLength} chars appear among the edge cases.
     *
     * @param maxLength the longest length in chars, at least 2
     * @return the arbitrary, never null
     */
    public static Arbitrary<String> freeText(int maxLength) {
        Arbitrary<Integer> codePoints = codePoints();
        List<Tuple2<Integer, Arbitrary<String>>> lengths = new ArrayList<>();
        lengths.add(Tuple.of(6, codePoints.list().ofMinSize(1).ofMaxSize(Math.min(12, maxLength))
                .map(cps -> build(cps, maxLength))));
        lengths.add(Tuple.of(3, codePoints.list().ofMinSize(1).ofMaxSize(Math.min(60, maxLength))
                .map(cps -> build(cps, maxLength))));
        lengths.add(Tuple.of(1, codePoints.list().ofMinSize(Math.max(1, maxLength - 40)).ofMaxSize(maxLength)
                .map(cps -> build(cps, maxLength))));
        String longest = "x" + "äb 中".repeat(maxLength).substring(0, maxLength - 2) + "z";
        return Arbitraries.frequencyOf(lengths).edgeCases(c -> c.filter(v -> true).add("x", longest));
    }

    /**
     * Returns short codes and labels of ASCII letters, digits and the separators {@code -_.:},
     * of {@code 1..maxLength} chars.
     *
     * @param maxLength the longest length in chars, at least 1
     * @return the arbitrary, never null
     */
    public static Arbitrary<String> asciiCodes(int maxLength) {
        return Combinators.combine(
                        Arbitraries.strings().withChars(ASCII_LETTERS + DIGITS).ofLength(1),
                        Arbitraries.strings().withChars(ASCII_LETTERS + DIGITS + "-_.:").ofMaxLength(maxLength - 1))
                .as((first, rest) -> trimEnd(first + rest, maxLength));
    }

    /** Ends a code with a letter or digit, so that it reads as a code and not a sentence. */
    private static String trimEnd(String s, int maxLength) {
        char last = s.charAt(s.length() - 1);
        if (Character.isLetterOrDigit(last)) {
            return s;
        }
        return s.length() < maxLength ? s + "0" : s.substring(0, s.length() - 1) + "0";
    }

    private static Arbitrary<Integer> codePoints() {
        List<Tuple2<Integer, Arbitrary<Integer>>> kinds = new ArrayList<>();
        kinds.add(Tuple.of(10, charsOf(ASCII_LETTERS)));
        kinds.add(Tuple.of(3, charsOf(DIGITS)));
        kinds.add(Tuple.of(3, Arbitraries.just((int) ' ')));
        kinds.add(Tuple.of(2, charsOf(PUNCTUATION)));
        kinds.add(Tuple.of(4, charsOf(INTERNATIONAL)));
        List<Integer> supplementary = new ArrayList<>();
        for (int cp : SUPPLEMENTARY) {
            supplementary.add(cp);
        }
        kinds.add(Tuple.of(1, Arbitraries.of(supplementary)));
        return Arbitraries.frequencyOf(kinds);
    }

    private static Arbitrary<Integer> charsOf(String chars) {
        return Arbitraries.of(chars.chars().boxed().toList());
    }

    /**
     * Builds a string from code points: truncated to {@code maxLength} chars without splitting a
     * surrogate pair, stripped of leading and trailing whitespace, and {@code "x"} when nothing
     * remains.
     */
    private static String build(List<Integer> codePoints, int maxLength) {
        StringBuilder sb = new StringBuilder();
        for (int cp : codePoints) {
            if (sb.length() + Character.charCount(cp) > maxLength) {
                break;
            }
            sb.appendCodePoint(cp);
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? "x" : s;
    }
}
