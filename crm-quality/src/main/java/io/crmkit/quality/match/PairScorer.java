package io.crmkit.quality.match;

import io.crmkit.quality.normalize.NormalizedRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Scores a pair of normalised records with the Fellegi-Sunter model of {@link MatchOptions}: each
 * {@link Comparison} lands on one {@link Agreement} level (or is missing and adds nothing), the
 * levels' weights {@code log2(m/u)} add up to the pair's weight {@code w}, and the score is the
 * match probability {@code 1 / (1 + 2^-(w + log2(prior / (1 - prior))))}.
 *
 * <p>Names are compared straight (first with first and last with last) and crosswise (first with
 * last and last with first); crosswise, each record's last name is tried in turn as the family name,
 * since family and given names have different weights. The way with the larger name weight counts
 * and a swap is named in the reasons.
 * Similar means a Jaro-Winkler similarity of at least 0.90 (computed on the two values in sorted
 * order, so that it is symmetric) or the same Double Metaphone code for names of three letters or
 * more. The pair's kind: {@link PairKind#HOUSEHOLD} when the family names agree, the given names
 * differ and a phone, e-mail or street is shared (for names compared crosswise: one comparison agrees
 * and the other differs), unless both e-mail and birth date are the same (then it is one person with
 * another given name, such as a nickname); otherwise {@link PairKind#DUPLICATE} at or above
 * the threshold; otherwise {@link PairKind#NAMESAKE} when both names agree; otherwise
 * {@link PairKind#UNRELATED}.
 *
 * <p>The score is symmetric: {@code score(a, b)} and {@code score(b, a)} are equal (the pair is
 * always oriented by identifier), and it does not depend on the identifiers: swapping the two
 * records' identifiers gives the same score and kind. Immutable and thread-safe.
 */
public final class PairScorer {

    private static final double SIMILAR = 0.90;
    private static final double STREET_SIMILAR = 0.92;
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);

    private final MatchOptions options;
    private final double[] weights;
    private final double priorWeight;

    /**
     * Creates a scorer.
     *
     * @param options the model and threshold, not null
     */
    public PairScorer(MatchOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.weights = new double[Agreement.values().length];
        for (Agreement a : Agreement.values()) {
            weights[a.ordinal()] = options.weight(a);
        }
        double p = options.priorProbability();
        this.priorWeight = Math.log(p / (1 - p)) / Math.log(2);
    }

    /**
     * Returns the options.
     *
     * @return the options, never null
     */
    public MatchOptions options() {
        return options;
    }

    /**
     * Scores two records.
     *
     * @param a one record, not null
     * @param b another record, not null
     * @return the scored pair, oriented by identifier, never null
     * @throws IllegalArgumentException if both records have the same identifier (a record is never
     *     compared with itself)
     */
    public ScoredPair score(NormalizedRecord a, NormalizedRecord b) {
        int c = a.id().compareTo(b.id());
        if (c == 0) {
            throw new IllegalArgumentException("a record is never compared with itself: customer " + a.id());
        }
        NormalizedRecord l = c < 0 ? a : b;
        NormalizedRecord r = c < 0 ? b : a;
        List<Reason> reasons = new ArrayList<>(7);
        double w = 0;
        w += exact(Comparison.EMAIL, l.email(), r.email(), Agreement.EMAIL_EXACT, Agreement.EMAIL_DIFFERENT, reasons);
        w += exact(Comparison.PHONE, l.phone(), r.phone(), Agreement.PHONE_EXACT, Agreement.PHONE_DIFFERENT, reasons);

        Reason[] straight = {name(Comparison.FAMILY_NAME, l.family(), r.family(), false),
            name(Comparison.GIVEN_NAME, l.given(), r.given(), false)};
        // crosswise, both ways: the left's family name as a family name (against the right's given
        // name) and the right's family name as a family name (against the left's given name); the
        // family and given weights differ, so taking only one way would make the score depend on
        // which record has the smaller identifier
        Reason[] swapped = {name(Comparison.FAMILY_NAME, l.family(), r.given(), true),
            name(Comparison.GIVEN_NAME, l.given(), r.family(), true)};
        Reason[] mirrored = {name(Comparison.FAMILY_NAME, l.given(), r.family(), true),
            name(Comparison.GIVEN_NAME, l.family(), r.given(), true)};
        double sw = nameWeight(swapped);
        double mw = nameWeight(mirrored);
        if (mw > sw + 1e-9 || (Math.abs(mw - sw) <= 1e-9 && levels(mirrored).compareTo(levels(swapped)) < 0)) {
            swapped = mirrored;
        }
        boolean useSwap = !straight[0].level().equals("same") || !straight[1].level().equals("same");
        useSwap = useSwap && nameWeight(swapped) > nameWeight(straight) + 1e-9;
        Reason[] names = useSwap ? swapped : straight;
        reasons.add(names[0]);
        reasons.add(names[1]);
        w += names[0].weight() + names[1].weight();

        w += birth(l.birthDate(), r.birthDate(), reasons);
        w += address(l, r, reasons);
        w += exact(Comparison.COMPANY, l.company(), r.company(), Agreement.COMPANY_EXACT, Agreement.COMPANY_DIFFERENT,
                reasons);

        double score = 1 / (1 + Math.pow(2, -(w + priorWeight)));
        String family = names[0].level();
        String given = names[1].level();
        if (useSwap && agrees(given) && !agrees(family)) {
            // compared crosswise, the agreeing comparison is the family name's
            String t = family;
            family = given;
            given = t;
        }
        boolean familyAgrees = family.equals("same") || family.equals("similar");
        boolean givenAgrees = given.equals("same") || given.equals("similar");
        boolean shared = reasons.get(0).level().equals("same") || reasons.get(1).level().equals("same")
                || reasons.get(5).level().equals("same street");
        PairKind kind;
        boolean samePerson = reasons.get(0).level().equals("same") && reasons.get(4).level().equals("same");
        if (familyAgrees && given.equals("different") && shared && !samePerson) {
            kind = PairKind.HOUSEHOLD;
        } else if (score >= options.threshold()) {
            kind = PairKind.DUPLICATE;
        } else if (familyAgrees && givenAgrees) {
            kind = PairKind.NAMESAKE;
        } else {
            kind = PairKind.UNRELATED;
        }
        return new ScoredPair(l.id(), r.id(), score, w, kind, reasons);
    }

    private static boolean agrees(String level) {
        return level.equals("same") || level.equals("similar");
    }

    /** The two levels, to choose between equally weighted crosswise comparisons by content, not identifier. */
    private static String levels(Reason[] names) {
        return names[0].level() + "|" + names[1].level();
    }

    private static double nameWeight(Reason[] names) {
        return names[0].weight() + names[1].weight();
    }

    private double weight(Agreement a) {
        return weights[a.ordinal()];
    }

    private double exact(Comparison comparison, String x, String y, Agreement same, Agreement different,
            List<Reason> out) {
        if (x.isEmpty() || y.isEmpty()) {
            out.add(new Reason(comparison, "missing", 0, x, y, -1, false));
            return 0;
        }
        Agreement a = x.equals(y) ? same : different;
        out.add(new Reason(comparison, a.level(), weight(a), x, y, -1, false));
        return weight(a);
    }

    private Reason name(Comparison comparison, String x, String y, boolean swapped) {
        boolean family = comparison == Comparison.FAMILY_NAME;
        if (x.isEmpty() || y.isEmpty()) {
            return new Reason(comparison, "missing", 0, x, y, -1, swapped);
        }
        Agreement a;
        double sim = -1;
        if (x.equals(y)) {
            a = family ? Agreement.FAMILY_EXACT : Agreement.GIVEN_EXACT;
        } else {
            sim = similarity(x, y);
            if (sim >= SIMILAR || soundsAlike(x, y)) {
                a = family ? Agreement.FAMILY_SIMILAR : Agreement.GIVEN_SIMILAR;
                if (sim < SIMILAR) {
                    sim = -1;
                }
            } else if (!family && (x.length() == 1 || y.length() == 1) && x.charAt(0) == y.charAt(0)) {
                a = Agreement.GIVEN_INITIAL;
                sim = -1;
            } else {
                a = family ? Agreement.FAMILY_DIFFERENT : Agreement.GIVEN_DIFFERENT;
                sim = -1;
            }
        }
        return new Reason(comparison, a.level(), weight(a), x, y, sim, swapped);
    }

    /** Jaro-Winkler of the two texts in sorted order, so that it is symmetric. */
    static double similarity(String x, String y) {
        return x.compareTo(y) <= 0 ? JW.apply(x, y) : JW.apply(y, x);
    }

    private static boolean soundsAlike(String x, String y) {
        if (x.length() < 3 || y.length() < 3) {
            return false;
        }
        DoubleMetaphone dm = METAPHONE.get();
        return dm.doubleMetaphone(x).equals(dm.doubleMetaphone(y));
    }

    private double birth(Optional<LocalDate> x, Optional<LocalDate> y, List<Reason> out) {
        if (x.isEmpty() || y.isEmpty()) {
            out.add(new Reason(Comparison.BIRTH_DATE, "missing", 0, x.map(LocalDate::toString).orElse(""),
                    y.map(LocalDate::toString).orElse(""), -1, false));
            return 0;
        }
        LocalDate p = x.get();
        LocalDate q = y.get();
        Agreement a;
        if (p.equals(q)) {
            a = Agreement.BIRTH_EXACT;
        } else {
            int same = (p.getYear() == q.getYear() ? 1 : 0) + (p.getMonthValue() == q.getMonthValue() ? 1 : 0)
                    + (p.getDayOfMonth() == q.getDayOfMonth() ? 1 : 0);
            boolean transposed = p.getYear() == q.getYear() && p.getMonthValue() == q.getDayOfMonth()
                    && p.getDayOfMonth() == q.getMonthValue();
            a = same == 2 || transposed ? Agreement.BIRTH_NEAR : Agreement.BIRTH_DIFFERENT;
        }
        out.add(new Reason(Comparison.BIRTH_DATE, a.level(), weight(a), p.toString(), q.toString(), -1, false));
        return weight(a);
    }

    private double address(NormalizedRecord l, NormalizedRecord r, List<Reason> out) {
        boolean streets = !l.street().isEmpty() && !r.street().isEmpty();
        boolean postals = !l.postalCode().isEmpty() && !r.postalCode().isEmpty();
        boolean cities = !l.city().isEmpty() && !r.city().isEmpty();
        boolean samePostal = postals && l.postalCode().equals(r.postalCode());
        boolean sameCity = cities && l.city().equals(r.city());
        String left = l.street() + "|" + l.postalCode() + "|" + l.city();
        String right = r.street() + "|" + r.postalCode() + "|" + r.city();
        Agreement a;
        double sim = -1;
        if (streets && l.street().equals(r.street()) && (!postals || samePostal) && (!cities || sameCity)) {
            a = Agreement.ADDRESS_STREET;
        } else if (streets && (samePostal || sameCity)
                && (sim = similarity(l.street(), r.street())) >= STREET_SIMILAR) {
            a = Agreement.ADDRESS_STREET_SIMILAR;
        } else if (samePostal || sameCity) {
            a = Agreement.ADDRESS_AREA;
            sim = -1;
        } else if (streets || postals || cities) {
            a = Agreement.ADDRESS_DIFFERENT;
            sim = -1;
        } else {
            out.add(new Reason(Comparison.ADDRESS, "missing", 0, l.street().isEmpty() ? "" : left,
                    r.street().isEmpty() ? "" : right, -1, false));
            return 0;
        }
        out.add(new Reason(Comparison.ADDRESS, a.level(), weight(a), left, right, sim, false));
        return weight(a);
    }
}
