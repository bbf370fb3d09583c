package io.crmkit.quality;

import io.crmkit.core.CustomerId;
import io.crmkit.testkit.quality.DuplicateDataGenerator;
import java.time.LocalDate;
import java.util.List;

/** Turns the generator's rows into records. */
public final class LabelledData {

    private LabelledData() {
    }

    /**
     * Returns the record of a generated row.
     *
     * @param r the row
     * @return the record
     */
    public static CustomerRecord record(DuplicateDataGenerator.Row r) {
        return CustomerRecord.builder(CustomerId.of(r.id())).firstName(r.firstName()).lastName(r.lastName())
                .fullName(r.name()).email(r.email()).phone(r.phone()).street(r.street()).city(r.city())
                .postalCode(r.postalCode()).country(r.country())
                .birthDate(r.birthDate().isEmpty() ? null : LocalDate.parse(r.birthDate())).company(r.company())
                .build();
    }

    /**
     * Returns the records of generated rows.
     *
     * @param rows the rows
     * @return the records
     */
    public static List<CustomerRecord> records(List<DuplicateDataGenerator.Row> rows) {
        return rows.stream().map(LabelledData::record).toList();
    }
}
