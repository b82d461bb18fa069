package dev.remediator.store;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query rows, whose Java types depend on the JDBC driver's mapping of the column. */
final class NativeRows {

    private NativeRows() {
    }

    /** A {@code timestamptz} column: the driver gives an {@link OffsetDateTime} or an {@link Instant}. */
    static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant at ? at : ((OffsetDateTime) value).toInstant();
    }

    static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
