package dev.remediator.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

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

    /**
     * A native query with its values bound to {@code ?1}, {@code ?2}...: values belong in parameters, not in the SQL,
     * where each new value would make a new statement to parse and plan.
     */
    static Query query(EntityManager em, String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
