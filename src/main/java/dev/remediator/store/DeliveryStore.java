package dev.remediator.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The delivery table: the intake writes each delivery here before GitHub gets its answer, and workers claim
 * deliveries with a lease so that each one is processed by a single replica at a time, and again after a crash.
 */
@ApplicationScoped
public class DeliveryStore extends LeasedRows {

    public DeliveryStore() {
        super("delivery");
    }

    /** What the intake knows of a delivery before processing it. */
    public record Incoming(String deliveryId, String event, String action, Long installationId, Long repositoryId,
            String repositoryFullName, byte[] payload) {
    }

    /** A delivery a worker holds the lease of. */
    public record Claimed(long id, String deliveryId, String event, String action, Long installationId,
            Long repositoryId, String repositoryFullName, int attempts, Instant receivedAt, byte[] payload) {
    }

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
    @Transactional(TxType.SUPPORTS)
    public Optional<Claimed> claim(long id, String owner, Duration lease) {
        return claimRow(id, owner, lease, "id, delivery_id, event, action, installation_id, repository_id, "
                + "repository_full_name, attempts, received_at, payload").map(r -> new Claimed(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (String) r[3], NativeRows.longOrNull(r[4]), NativeRows.longOrNull(r[5]),
                (String) r[6], ((Number) r[7]).intValue(), NativeRows.instant(r[8]), (byte[]) r[9]));
    }
}
