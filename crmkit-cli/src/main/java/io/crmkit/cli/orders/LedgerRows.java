package io.crmkit.cli.orders;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The records read from one ledger file (invoices, payments or credit terms) and the counts that
 * account for every data row: {@code rowsRead = records().size() + rowsRejected()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the record type
 * @param records the records used, in file order
 * @param rowsRead the data rows read (header and blank lines not counted)
 * @param rejectedByKind the rejected rows by reason
 */
public record LedgerRows<T>(List<T> records, long rowsRead, Map<Rejection, Long> rejectedByKind) {

    /**
     * Copies the collections.
     */
    public LedgerRows {
        records = List.copyOf(records);
        rejectedByKind = rejectedByKind.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(rejectedByKind));
    }

    /**
     * Returns the number of rejected rows.
     *
     * @return the count
     */
    public long rowsRejected() {
        return rejectedByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
