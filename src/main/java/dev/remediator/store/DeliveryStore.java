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
        return rows().claim(id, owner, lease, "id, delivery_id, event, action, installation_id, repository_id, "
                + "repository_full_name, attempts, received_at, payload").map(r -> new Claimed(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (String) r[3], NativeRows.longOrNull(r[4]), NativeRows.longOrNull(r[5]),
                (String) r[6], ((Number) r[7]).intValue(), NativeRows.instant(r[8]), (byte[]) r[9]));
    }

    /** Ids of deliveries that need a worker, oldest first. */
    @Transactional
    public List<Long> due(int limit) {
        return rows().due(limit);
    }

    /** Extends the leases a live worker holds, so that only a dead worker's deliveries are taken over. */
    @Transactional
    public int renewLeases(String owner, List<Long> ids, Duration lease) {
        return rows().renew(owner, ids, lease);
    }

    /** Ends processing as DONE, IGNORED or FAILED; a no-op if the lease was lost to another worker meanwhile. */
    @Transactional
    public boolean finish(long id, String owner, String status, String reason) {
        return rows().finish(id, owner, status, reason);
    }

    /** Puts the delivery back to be tried again at {@code at}; a deferral does not count as an attempt. */
    @Transactional
    public boolean retryAt(long id, String owner, Instant at, String reason, boolean deferral) {
        return rows().retryAt(id, owner, at, reason, deferral);
    }

    private LeasedRows rows() {
        return new LeasedRows(em, "delivery");
    }
}
