package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentRecord;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.ContactMedium;
import io.crmkit.core.customer.ContactPurpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

/** {@link Consent#permits} is least-permissive, whatever the records. */
class ConsentProperties {

    /** A question to a consent: may we contact through this medium for this purpose at this instant? */
    record Question(ContactMedium medium, ContactPurpose purpose, Instant at) {
    }

    /**
     * A consent, a record to add, and a question that is usually about the added record's medium
     * and purpose, at its first instant or during its period.
     */
    @Provide
    Arbitrary<Tuple3<Consent, ConsentRecord, Question>> scenarios() {
        return Combinators.combine(CrmArbitraries.consents(), CrmArbitraries.consentRecords(),
                        Arbitraries.integers().between(0, 3), CrmArbitraries.instants(),
                        Arbitraries.of(ContactMedium.class), Arbitraries.of(ContactPurpose.class))
                .as((consent, added, how, instant, medium, purpose) -> {
                    Question q = switch (how) {
                        case 0 -> new Question(added.medium(), added.purpose(), added.effectiveFrom());
                        case 1 -> new Question(added.medium(), added.purpose(), instant);
                        case 2 -> new Question(added.medium(), added.purpose(),
                                consent.records().isEmpty() ? instant : consent.records().get(0).effectiveFrom());
                        default -> new Question(medium, purpose, instant);
                    };
                    return Tuple.of(consent, added, q);
                });
    }

    private static Consent with(Consent consent, ConsentRecord added) {
        List<ConsentRecord> records = new ArrayList<>(consent.records());
        records.add(added);
        return new Consent(records);
    }

    private static ConsentRecord withStatus(ConsentRecord r, ConsentStatus status) {
        return new ConsentRecord(r.medium(), r.purpose(), status, r.effectiveFrom(), r.effectiveUntil(), r.source());
    }

    private static boolean permits(Consent consent, Question q) {
        return consent.permits(q.medium(), q.purpose(), q.at());
    }

    @Property(tries = 500)
    void addingADeniedRecordNeverTurnsNoIntoYes(@ForAll("scenarios") Tuple3<Consent, ConsentRecord, Question> s) {
        Consent after = with(s.get1(), withStatus(s.get2(), ConsentStatus.DENIED));
        if (!permits(s.get1(), s.get3())) {
            assertThat(permits(after, s.get3())).isFalse();
        }
        if (withStatus(s.get2(), ConsentStatus.DENIED).appliesTo(s.get3().medium(), s.get3().purpose(), s.get3().at())) {
            assertThat(permits(after, s.get3())).as("an applicable denial always wins").isFalse();
        }
    }

    @Property(tries = 500)
    void addingAGrantedRecordNeverTurnsYesIntoNo(@ForAll("scenarios") Tuple3<Consent, ConsentRecord, Question> s) {
        ConsentRecord granted = withStatus(s.get2(), ConsentStatus.GRANTED);
        Consent after = with(s.get1(), granted);
        if (permits(s.get1(), s.get3())) {
            assertThat(permits(after, s.get3())).isTrue();
        }
        boolean deniedBefore = s.get1().records().stream().anyMatch(r -> r.status() == ConsentStatus.DENIED
                && r.appliesTo(s.get3().medium(), s.get3().purpose(), s.get3().at()));
        if (granted.appliesTo(s.get3().medium(), s.get3().purpose(), s.get3().at()) && !deniedBefore) {
            assertThat(permits(after, s.get3())).as("an applicable grant without a denial permits").isTrue();
        }
    }

    @Property(tries = 300)
    void theOrderOfTheRecordsDoesNotMatter(@ForAll("scenarios") Tuple3<Consent, ConsentRecord, Question> s) {
        List<ConsentRecord> reversed = new ArrayList<>(with(s.get1(), s.get2()).records());
        Collections.reverse(reversed);
        assertThat(permits(new Consent(reversed), s.get3())).isEqualTo(permits(with(s.get1(), s.get2()), s.get3()));
    }

    @Property(tries = 200)
    void withoutAnyRecordNothingIsPermitted(@ForAll("scenarios") Tuple3<Consent, ConsentRecord, Question> s) {
        assertThat(permits(Consent.none(), s.get3())).isFalse();
        assertThat(permits(new Consent(List.of()), s.get3())).isFalse();
    }
}
