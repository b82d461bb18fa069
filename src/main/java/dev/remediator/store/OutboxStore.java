package dev.remediator.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.core.lifecycle.RemediationState;

/**
 * The outbox: domain events (rows of the audit trail written with the change they record) and each consumer's work on
 * them. An event is published once by whichever replica gets to it first, which queues one row per consumer that
 * wants it; those rows are leased, retried and recovered like deliveries.
 */
@ApplicationScoped
public class OutboxStore extends LeasedRows {

    public OutboxStore() {
        super("event_consumption");
    }

    /** A consumer's work on an event, leased by a worker. */
    public record Claimed(long id, long eventId, String consumer, int attempts) {
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<RemediationChanged> event(long eventId) {
        List<?> rows = em.createNativeQuery("""
                select id, remediation_id, repository_id, event, from_state, to_state, actor, reason, delivery_id, at
                from audit_event where id = ?1 and event is not null""").setParameter(1, eventId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new RemediationChanged(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(), RemediationEvent.valueOf((String) r[3]),
                    r[4] == null ? null : RemediationState.valueOf((String) r[4]), RemediationState.valueOf((String) r[5]),
                    (String) r[6], (String) r[7], (String) r[8], NativeRows.instant(r[9]));
        });
    }

    /** Events not yet published, oldest first. */
    @Transactional
    public List<Long> unpublished(int limit) {
        List<?> ids = em.createNativeQuery("select id from audit_event where published_at is null order by id limit ?1")
                .setParameter(1, limit).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Queues the event for these consumers and marks it published; the ids of the rows this call queued. Two replicas
     * publishing the same event queue each consumer's row once, and only the one that queued a row submits it (a row
     * queued by a publication that did not submit it, as a crash between them leaves, is due to the recovery job). One
     * statement, atomic on its own: no transaction round trips.
     */
    @Transactional(TxType.SUPPORTS)
    public List<Long> publish(long eventId, Collection<String> consumers) {
        List<?> ids = em.createNativeQuery("""
                with published as (update audit_event set published_at = now() where id = ?1 and published_at is null)
                insert into event_consumption (event_id, consumer) select ?1, unnest(cast(?2 as text[]))
                on conflict do nothing
                returning id""")
                .setParameter(1, eventId).setParameter(2, RunHistoryStore.textArray(List.copyOf(consumers))).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Claimed> claim(long id, String owner, Duration lease) {
        return claimRow(id, owner, lease, "id, event_id, consumer, attempts").map(r -> new Claimed(
                ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], ((Number) r[3]).intValue()));
    }
}
