package io.crmkit.quality.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.quality.CustomerRecord;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairScorerTest {

    private static final MatchOptions OPTIONS = MatchOptions.builder().defaultRegion("US").build();
    private static final DuplicateFinder FINDER = DuplicateFinder.create(OPTIONS);

    private static CustomerRecord.Builder person(String id, String first, String last) {
        return CustomerRecord.builder(CustomerId.of(id)).firstName(first).lastName(last);
    }

    private static ScoredPair score(CustomerRecord a, CustomerRecord b) {
        return FINDER.scorer().score(FINDER.normalise(a), FINDER.normalise(b));
    }

    /**
     * Hand-worked: same phone (log2(0.90/0.0005) = 10.81 bits), last name Rothemrel ~ Rothermel (JW
     * 0.98, similar: log2(0.10/0.01) = 3.32), same first name (log2(0.85/0.02) = 5.41), e-mail on one
     * side only (0): w = 19.54; prior log2(0.0001/0.9999) = -13.29; p = 1/(1+2^-6.25) = 0.9871.
     */
    @Test
    void handWorkedScoreWithReasons() {
        CustomerRecord a = person("a1", "Anna", "Rothermel").phone("+1 510 645 3099").email("anna@example.com").build();
        CustomerRecord b = person("b2", "anna", "Rothemrel").phone("(510) 645-3099").build();
        ScoredPair p = score(a, b);
        assertThat(p.left()).isEqualTo(CustomerId.of("a1"));
        assertThat(p.weight()).isCloseTo(10.8138 + 3.3219 + 5.4094, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(p.score()).isCloseTo(0.9871, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(p.kind()).isEqualTo(PairKind.DUPLICATE);
        assertThat(p.reasonsText()).contains("no e-mail on one side").contains("same phone +***3099 (+10.8)")
                .contains("last name r*** ~ r*** 0.98 (+3.3)").contains("same first name a***");
        assertThat(p.reasonsText(true)).contains("last name rothermel ~ rothemrel 0.98");
        assertThat(p.toString()).doesNotContain("rothermel", "5106453099", "anna");
    }

    @Test
    void swappedNamesAndHanPinyinMeet() {
        CustomerRecord a = CustomerRecord.builder(CustomerId.of("x")).fullName("张伟").phone("+86 138 0013 8000")
                .build();
        CustomerRecord b = person("y", "Zhang", "Wei").phone("0086 13800138000").build();
        ScoredPair p = score(a, b);
        assertThat(p.kind()).isEqualTo(PairKind.DUPLICATE);
        assertThat(p.reasonsText()).contains("first and last name swapped");
    }

    /** Review finding 1: the crosswise comparison scored 0.92 or 0.14 depending on which id was smaller. */
    @Test
    void swappedIdsGiveTheSameScoreAndKind() {
        for (String[] ids : new String[][] {{"a", "b"}, {"b", "a"}}) {
            CustomerRecord x = person(ids[0], "J", "Smith").phone("+1 510 645 3099").email("js@example.com").build();
            CustomerRecord y = person(ids[1], "Smith", "John").phone("+1 510 645 3099").build();
            ScoredPair p = score(x, y);
            assertThat(p.score()).as("ids %s", String.join(",", ids)).isGreaterThan(0.9);
            assertThat(p.kind()).isEqualTo(PairKind.DUPLICATE);
            assertThat(p.reasonsText()).contains("first and last name swapped");
        }
    }

    /** Review finding 2: name + street + city only gave no blocking key, so the pair was never compared. */
    @Test
    void nameAndStreetAddressAloneAreEnoughToBeCompared() {
        CustomerRecord a = person("a", "Anna", "Rothermel").street("12 Main Street").city("Berkeley").build();
        CustomerRecord b = person("b", "Anna", "Rothermel").street("12 Main St").city("Berkeley").build();
        CustomerRecord lone = person("c", "Zed", "").build();
        MatchResult r = FINDER.find(List.of(a, b, lone));
        assertThat(r.blocking().candidatePairs()).isEqualTo(1);
        assertThat(r.duplicates()).extracting(p -> p.left().value() + p.right().value()).containsExactly("ab");
        assertThat(r.blocking().unkeyedRecords()).isEqualTo(1);
    }

    @Test
    void clusterLinkScoreFollowsTheThresholdUnlessSet() {
        assertThat(OPTIONS.clusterLinkScore()).isEqualTo(OPTIONS.threshold());
        assertThat(OPTIONS.toBuilder().threshold(0.8).build().clusterLinkScore()).isEqualTo(0.8);
        assertThat(OPTIONS.toBuilder().clusterLinkScore(0.5).threshold(0.8).build().clusterLinkScore()).isEqualTo(0.5);
    }

    /** Review finding 10: the same street text in two cities is not the same street. */
    @Test
    void sameStreetInAnotherCityIsNotTheSameStreet() {
        CustomerRecord a = person("a", "Anna", "Smith").street("1 Main Street").city("Berkeley").build();
        CustomerRecord b = person("b", "Anna", "Smith").street("1 Main St").city("Springfield").build();
        ScoredPair p = score(a, b);
        assertThat(p.reasonsText()).doesNotContain("same street").contains("address differs");
        CustomerRecord c = person("c", "Anna", "Smith").street("1 Main St").city("berkeley").build();
        assertThat(score(a, c).reasonsText()).contains("same street");
    }

    /** Review finding 9: same e-mail and same birth date is the same person, even with another given name. */
    @Test
    void sameEmailAndBirthDateIsNoHousehold() {
        CustomerRecord a = person("a", "Robert", "Smith").email("bob.smith@example.com").phone("(510) 645-3099")
                .birthDate(LocalDate.of(1970, 4, 5)).build();
        CustomerRecord b = person("b", "Bob", "Smith").email("bob.smith@example.com").phone("510-645-3099")
                .birthDate(LocalDate.of(1970, 4, 5)).build();
        ScoredPair p = score(a, b);
        assertThat(p.kind()).as("%s", p).isEqualTo(PairKind.DUPLICATE);
    }

    @Test
    void householdIsKeptApart() {
        CustomerRecord a = person("a", "Anna", "Smith").phone("(510) 645-3099").street("1 Oak Street")
                .postalCode("94701").build();
        CustomerRecord b = person("b", "Robert", "Smith").phone("510-645-3099").street("1 Oak St.")
                .postalCode("94701").build();
        ScoredPair p = score(a, b);
        assertThat(p.kind()).isEqualTo(PairKind.HOUSEHOLD);
    }

    @Test
    void namesakeIsKeptApart() {
        CustomerRecord a = person("a", "Wei", "Zhang").email("wei.zhang@example.com")
                .birthDate(LocalDate.of(1980, 1, 2)).build();
        CustomerRecord b = person("b", "Wei", "Zhang").email("zw@example.org").birthDate(LocalDate.of(1991, 7, 9))
                .build();
        ScoredPair p = score(a, b);
        assertThat(p.kind()).isEqualTo(PairKind.NAMESAKE);
        assertThat(p.score()).isLessThan(0.01);
    }

    @Test
    void aRecordIsNeverComparedWithItself() {
        CustomerRecord a = person("a", "Anna", "Smith").build();
        assertThatThrownBy(() -> score(a, a)).hasMessageContaining("never compared with itself");
        assertThatThrownBy(() -> FINDER.find(List.of(a, a))).hasMessageContaining("appears twice");
    }

    @Test
    void blockCapIsReported() {
        List<CustomerRecord> many = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(person("c" + i, "P" + (char) ('a' + i) + "xq", "Q" + i).phone("+1 510 645 3099").build());
        }
        MatchResult r = DuplicateFinder.create(OPTIONS.toBuilder().maxBlockSize(10).build()).find(many);
        assertThat(r.blocking().oversizedBlocks().get(BlockingKey.PHONE)).isEqualTo(1);
        assertThat(r.blocking().recordsInOversizedBlocks().get(BlockingKey.PHONE)).isEqualTo(12);
        assertThat(r.blocking().candidatePairs()).isZero();
    }

    @Test
    void chainingGuardKeepsNonMatchingEndsApart() {
        // a~b share e-mail, b~c share phone, but a and c differ in e-mail, phone and birth date
        CustomerRecord a = person("a", "Anna", "Smith").email("anna@example.com").phone("+1 212 555 0101")
                .birthDate(LocalDate.of(1980, 1, 1)).build();
        CustomerRecord b = person("b", "Anna", "Smith").email("anna@example.com").phone("+1 415 555 0199").build();
        CustomerRecord c = person("c", "Anna", "Smith").email("other@example.org").phone("+1 415 555 0199")
                .birthDate(LocalDate.of(1990, 6, 6)).build();
        MatchResult r = FINDER.find(List.of(a, b, c));
        assertThat(r.duplicates()).extracting(p -> p.left().value() + p.right().value()).containsExactly("ab", "bc");
        assertThat(r.clusters()).hasSize(1);
        assertThat(r.clusters().get(0).members()).hasSize(2);
        assertThat(r.guardRefusals()).isEqualTo(1);
    }
}
