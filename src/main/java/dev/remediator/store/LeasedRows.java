package dev.remediator.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The lease protocol shared by every table of work (deliveries, outbox events): a row is RECEIVED, claimed by one
 * worker for a lease (PROCESSING), renewed while the work goes on, and finished (DONE, FAILED, ...) or put back for a
 * later attempt (RETRY). A row whose lease ran out is due again, which is how a dead process's work is finished.
 * The stores of such tables extend this class. Each table has the columns {@code status, status_reason, attempts, next_attempt_at, lease_owner, lease_until,
 * finished_at}.
 * <p>
 * Each step is one statement, atomic on its own, and a worker takes several per row: they run without a transaction of
 * their own ({@code SUPPORTS}), one round trip to the database each instead of three (begin, statement, commit). A
 * writing statement therefore says what it changed with {@code returning}, which runs outside a transaction.
 */
public abstract class LeasedRows {

    /** Unfinished: never claimed, waiting for a retry, or claimed by a worker whose lease ran out. */
    private static final String DUE = "((status in ('RECEIVED', 'RETRY') and next_attempt_at <= now())"
            + " or (status = 'PROCESSING' and lease_until < now()))";

    @Inject
    protected EntityManager em;

    private final String table;

    protected LeasedRows(String table) {
        this.table = table;
    }

    /** Takes the lease of a due row; the {@code returning} columns of the claimed row, or empty. */
    protected Optional<Object[]> claimRow(long id, String owner, Duration lease, String returning) {
        List<?> rows = em.createNativeQuery("update " + table + " set status = 'PROCESSING', attempts = attempts + 1, "
                + "lease_owner = ?2, lease_until = now() + make_interval(secs => ?3) where id = ?1 and " + DUE
                + " returning " + returning)
                .setParameter(1, id)
                .setParameter(2, owner)
                .setParameter(3, (double) lease.toSeconds())
                .getResultList();
        return rows.stream().findFirst().map(row -> row instanceof Object[] columns ? columns : new Object[] { row });
    }

    /** Ids of rows that need a worker, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public List<Long> due(int limit) {
        List<?> ids = em.createNativeQuery("select id from " + table + " where " + DUE + " order by next_attempt_at limit ?1")
                .setParameter(1, limit)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Extends the leases a live worker holds, so that only a dead worker's rows are taken over. */
    @Transactional(TxType.SUPPORTS)
    public int renewLeases(String owner, List<Long> ids, Duration lease) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("update " + table + " set lease_until = now() + make_interval(secs => ?3) "
                + "where lease_owner = ?1 and status = 'PROCESSING' and id in (?2) returning id")
                .setParameter(1, owner)
                .setParameter(2, ids)
                .setParameter(3, (double) lease.toSeconds())
                .getResultList().size();
    }

    /** Ends the work with a final status; false if the lease was lost to another worker meanwhile. */
    @Transactional(TxType.SUPPORTS)
    public boolean finish(long id, String owner, String status, String reason) {
        return !em.createNativeQuery("update " + table + " set status = ?3, status_reason = ?4, finished_at = now(), "
                + "lease_owner = null, lease_until = null where id = ?1 and lease_owner = ?2 and status = 'PROCESSING' "
                + "returning id")
                .setParameter(1, id)
                .setParameter(2, owner)
                .setParameter(3, status)
                .setParameter(4, reason)
                .getResultList().isEmpty();
    }

    /**
     * Puts the row back to be tried again at {@code at}. A deferral (GitHub down or rate limited) does not count as
     * an attempt: waiting out an outage must not use up the retries that real failures get.
     */
    @Transactional(TxType.SUPPORTS)
    public boolean retryAt(long id, String owner, Instant at, String reason, boolean deferral) {
        return !em.createNativeQuery("update " + table + " set status = 'RETRY', status_reason = ?3, next_attempt_at = ?4, "
                + "lease_owner = null, lease_until = null, attempts = attempts - ?5 "
                + "where id = ?1 and lease_owner = ?2 and status = 'PROCESSING' returning id")
                .setParameter(1, id)
                .setParameter(2, owner)
                .setParameter(3, reason)
                .setParameter(4, at)
                .setParameter(5, deferral ? 1 : 0)
                .getResultList().isEmpty();
    }
}
