package dev.remediator.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The delivery table: the intake writes each delivery here before GitHub gets its answer, and workers claim
 * deliveries with a lease so that each one is processed by a single replica at a time, and again after a crash.
 */
@ApplicationScoped
public class DeliveryStore {

    /** What the intake knows of a delivery before processing it. */
    public record Incoming(String deliveryId, String event, String action, Long installationId, Long repositoryId,
            String repositoryFullName, byte[] payload) {
    }

    /** A delivery a worker holds the lease of. */
    public record Claimed(long id, String deliveryId, String event, String action, Long installationId,
            Long repositoryId, String repositoryFullName, int attempts, Instant receivedAt, byte[] payload) {
    }

    /** Unfinished: never claimed, waiting for a retry, or claimed by a worker whose lease ran out. */
    private static final String DUE = """
            ((status in ('RECEIVED', 'RETRY') and next_attempt_at <= now())
              or (status = 'PROCESSING' and lease_until < now()))""";

    @Inject
    EntityManager em;

    /** Stores a delivery once; returns its row id, or empty when the same delivery id is already stored. */
    @Transactional
    public Optional<Long> store(Incoming delivery) {
        return insert(delivery, "RECEIVED", null);
    }

    /** Keeps a trace of a delivery refused at the door (not JSON), so that an operator can see what came in. */
    @Transactional
    public Optional<Long> recordRejected(Incoming delivery, String reason) {
        return insert(delivery, "REJECTED", reason);
    }

    private Optional<Long> insert(Incoming d, String status, String reason) {
        List<?> ids = em.createNativeQuery("""
                insert into delivery (delivery_id, event, action, installation_id, repository_id, repository_full_name,
                                      payload, payload_size, status, status_reason, finished_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, case when ?9 = 'RECEIVED' then null else now() end)
                on conflict (delivery_id) do nothing
                returning id""")
                .setParameter(1, d.deliveryId())
                .setParameter(2, d.event())
                .setParameter(3, d.action())
                .setParameter(4, d.installationId())
                .setParameter(5, d.repositoryId())
                .setParameter(6, d.repositoryFullName())
                .setParameter(7, d.payload())
                .setParameter(8, d.payload().length)
                .setParameter(9, status)
                .setParameter(10, reason)
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Takes the lease of a due delivery; empty when another worker has it or it is finished. */
    @Transactional
    public Optional<Claimed> claim(long id, String owner, Duration lease) {
        List<?> rows = em.createNativeQuery("""
                update delivery set status = 'PROCESSING', attempts = attempts + 1, lease_owner = ?2,
                                    lease_until = now() + make_interval(secs => ?3)
                where id = ?1 and """ + DUE + """
                returning id, delivery_id, event, action, installation_id, repository_id, repository_full_name,
                          attempts, received_at, payload""")
                .setParameter(1, id)
                .setParameter(2, owner)
                .setParameter(3, (double) lease.toSeconds())
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new Claimed(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    NativeRows.longOrNull(r[4]), NativeRows.longOrNull(r[5]), (String) r[6], ((Number) r[7]).intValue(), NativeRows.instant(r[8]), (byte[]) r[9]);
        });
    }

    /** Ids of deliveries that need a worker, oldest first. */
    @Transactional
    public List<Long> due(int limit) {
        List<?> ids = em.createNativeQuery("select id from delivery where " + DUE + " order by next_attempt_at limit ?1")
                .setParameter(1, limit)
                .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Extends the leases a live worker holds, so that only a dead worker's deliveries are taken over. */
    @Transactional
    public int renewLeases(String owner, List<Long> ids, Duration lease) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("""
                update delivery set lease_until = now() + make_interval(secs => ?3)
                where lease_owner = ?1 and status = 'PROCESSING' and id in (?2)""")
                .setParameter(1, owner)
                .setParameter(2, ids)
                .setParameter(3, (double) lease.toSeconds())
                .executeUpdate();
    }

    /** Ends processing as DONE, IGNORED or FAILED; a no-op if the lease was lost to another worker meanwhile. */
    @Transactional
    public boolean finish(long id, String owner, String status, String reason) {
        return em.createNativeQuery("""
                update delivery set status = ?3, status_reason = ?4, finished_at = now(), lease_owner = null,
                                    lease_until = null
                where id = ?1 and lease_owner = ?2 and status = 'PROCESSING'""")
                .setParameter(1, id)
                .setParameter(2, owner)
                .setParameter(3, status)
                .setParameter(4, reason)
                .executeUpdate() == 1;
    }

    /**
     * Puts the delivery back to be tried again at {@code at}. A deferral (GitHub down or rate limited) does not count
     * as an attempt: waiting out an outage must not use up the retries that real failures get.
     */
    @Transactional
    public boolean retryAt(long id, String owner, Instant at, String reason, boolean deferral) {
        return em.createNativeQuery("""
                update delivery set status = 'RETRY', status_reason = ?3, next_attempt_at = ?4, lease_owner = null,
                                    lease_until = null, attempts = attempts - ?5
                where id = ?1 and lease_owner = ?2 and status = 'PROCESSING'""")
                .setParameter(1, id)
                .setParameter(2, owner)
                .setParameter(3, reason)
                .setParameter(4, at)
                .setParameter(5, deferral ? 1 : 0)
                .executeUpdate() == 1;
    }


}
