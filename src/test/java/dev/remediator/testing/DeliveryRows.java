package dev.remediator.testing;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** Reads and arranges rows of the delivery table for assertions. */
@ApplicationScoped
public class DeliveryRows {

    @Inject
    EntityManager em;

    /** status, attempts, payload_size and status_reason of every row with that delivery id. */
    @Transactional
    public List<Map<String, Object>> byDeliveryId(String deliveryId) {
        List<Tuple> rows = em.createNativeQuery("select status, attempts, payload_size, status_reason, event, action, "
                + "installation_id, repository_id from delivery where delivery_id = ?1", Tuple.class)
                .setParameter(1, deliveryId).getResultList();
        return rows.stream().map(DeliveryRows::toMap).toList();
    }

    /** Waits until the app has finished with a delivery: done, ignored, or failed for good. */
    public void awaitFinished(String deliveryId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> java.util.Set.of("DONE", "IGNORED", "FAILED").contains(status(deliveryId))
                        && outboxDrained(deliveryId));
    }

    /** Whether every domain event the delivery caused has been published and handled by its consumers. */
    @Transactional
    public boolean outboxDrained(String deliveryId) {
        return em.createNativeQuery("""
                select 1 from audit_event e where e.delivery_id = ?1 and (e.published_at is null or exists (
                    select 1 from event_consumption c where c.event_id = e.id and c.status not in ('DONE', 'FAILED')))
                limit 1""").setParameter(1, deliveryId).getResultList().isEmpty();
    }

    public String status(String deliveryId) {
        List<Map<String, Object>> rows = byDeliveryId(deliveryId);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }

    /**
     * Leaves a delivery as a process killed mid-processing leaves it: stored, claimed by that process, its lease
     * not renewed any more.
     */
    @Transactional
    public void insertAbandoned(String deliveryId, String event, byte[] payload) {
        em.createNativeQuery("insert into delivery (delivery_id, event, payload, payload_size, status, attempts, "
                + "lease_owner, lease_until) values (?1, ?2, ?3, ?4, 'PROCESSING', 1, 'killed-host/1', now() + interval '2 seconds')")
                .setParameter(1, deliveryId).setParameter(2, event).setParameter(3, payload)
                .setParameter(4, payload.length).executeUpdate();
    }

    private static Map<String, Object> toMap(Tuple tuple) {
        Map<String, Object> map = new java.util.HashMap<>();
        tuple.getElements().forEach(e -> map.put(e.getAlias(), tuple.get(e)));
        return map;
    }
}
