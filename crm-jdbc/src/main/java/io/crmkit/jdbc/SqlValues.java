package io.crmkit.jdbc;

import io.crmkit.core.Money;
import io.crmkit.core.TimeRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;

/** Conversions between crm-core values and the schema's column types, with the schema's limits. */
final class SqlValues {

    /** The earliest instant the schema stores (inclusive): that of {@link TimeRange#recordable()}. */
    static final Instant EARLIEST = TimeRange.recordable().start();
    /** The instant from which the schema stores nothing (exclusive bound): {@link TimeRange#recordable()}'s end. */
    static final Instant LATEST = TimeRange.recordable().end();
    /** Money columns are NUMERIC(38, 4). */
    static final int MONEY_SCALE = 4;
    /** Quantity columns are NUMERIC(38, 10). */
    static final int QUANTITY_SCALE = 10;

    private SqlValues() {
    }

    /**
     * Checks that an instant fits a timestamp column: between {@link #EARLIEST} and
     * {@link #LATEST}, in whole microseconds.
     */
    static Instant storable(Instant at, String field) {
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw new IllegalArgumentException(field + " " + at + " is outside the range the schema stores ("
                    + EARLIEST + " to " + LATEST + ")");
        }
        if (at.getNano() % 1000 != 0) {
            throw new IllegalArgumentException(field + " " + at + " has sub-microsecond precision, which the"
                    + " database cannot store");
        }
        return at;
    }

    static void setInstant(PreparedStatement p, int index, Instant at, String field) throws SQLException {
        p.setObject(index, OffsetDateTime.ofInstant(storable(at, field), ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** The range clamped to what the schema stores; empty when nothing stored can lie in it. */
    static Instant[] bounds(TimeRange range) {
        Instant start = range.start().isBefore(EARLIEST) ? EARLIEST : range.start();
        Instant end = range.end().isAfter(LATEST) ? LATEST : range.end();
        return start.isBefore(end) ? new Instant[] {start, end} : null;
    }

    static BigDecimal amount(Money money, String field) {
        BigDecimal a = money.amount();
        if (a.scale() > MONEY_SCALE) {
            throw new IllegalArgumentException(field + " has more than " + MONEY_SCALE + " decimal places ("
                    + money.currency().getCurrencyCode() + "), more than the schema stores");
        }
        return a;
    }

    static Money money(BigDecimal stored, Currency currency) {
        return Money.of(stored.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.UNNECESSARY),
                currency);
    }

    static BigDecimal quantity(BigDecimal q) {
        if (q.scale() > QUANTITY_SCALE || q.scale() < 0) {
            throw new IllegalArgumentException("quantity " + q.toPlainString() + " has a scale outside 0.."
                    + QUANTITY_SCALE + ", which the schema does not store");
        }
        return q;
    }
}
