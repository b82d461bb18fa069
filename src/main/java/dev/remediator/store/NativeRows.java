package dev.remediator.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Values of native query rows, whose Java types depend on the JDBC driver's mapping of the column. */
final class NativeRows {

    private NativeRows() {
    }

    /** A {@code timestamptz} column: the driver gives an {@link OffsetDateTime} or an {@link Instant}. */
    static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant at ? at : ((OffsetDateTime) value).toInstant();
    }

    /** A {@code date} column: the driver gives a {@link java.sql.Date} or a {@link LocalDate}. */
    static LocalDate date(Object value) {
        return value instanceof LocalDate day ? day : ((java.sql.Date) value).toLocalDate();
    }

    static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
