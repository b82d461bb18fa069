package dev.remediator.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** What reconciliation remembers: how far it read the delivery log, what it asked for again, what it listed. */
@ApplicationScoped
public class ReconciliationStore {

    /**
     * A repository that received deliveries lately, and when the backstop last listed its runs.
     *
     * @param defaultBranch null when no installation event told it
     */
    public record ActiveRepository(long installationId, long repositoryId, String fullName, String defaultBranch,
            Instant checkedAt) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public Optional<Long> newestSeen() {
        List<?> rows = em.createNativeQuery("select newest_seen_id from webhook_log_cursor where id = 1").getResultList();
        return rows.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Moves the cursor forward only: a replica that read less never moves it back. */
    @Transactional
    public void seen(long attemptId) {
        em.createNativeQuery("""
                insert into webhook_log_cursor (id, newest_seen_id) values (1, ?1)
                on conflict (id) do update set newest_seen_id = greatest(webhook_log_cursor.newest_seen_id, excluded.newest_seen_id),
                                               updated_at = now()""")
                .setParameter(1, attemptId).executeUpdate();
    }

    /** Of these delivery GUIDs, those the delivery table holds (whatever became of them). */
    @Transactional
    public Set<String> held(Collection<String> guids) {
        if (guids.isEmpty()) {
            return Set.of();
        }
        List<?> rows = em.createNativeQuery("select delivery_id from delivery where delivery_id in (?1)")
                .setParameter(1, guids).getResultList();
        Set<String> held = new HashSet<>();
        rows.forEach(row -> held.add((String) row));
        return held;
    }

    /**
     * Records a redelivery request for {@code guid} and says whether to send it: at most {@code max} times per GUID,
     * and not again before {@code spacing} has passed (the previous one may be on its way).
     */
    @Transactional
    public boolean requestRedelivery(String guid, int max, Duration spacing) {
        return em.createNativeQuery("""
                insert into redelivery_request (guid) values (?1)
                on conflict (guid) do update set requests = redelivery_request.requests + 1, last_requested_at = now()
                where redelivery_request.requests < ?2
                  and redelivery_request.last_requested_at < now() - make_interval(secs => ?3)""")
                .setParameter(1, guid).setParameter(2, max).setParameter(3, (double) spacing.toSeconds())
                .executeUpdate() == 1;
    }

    /**
     * Repositories (still installed) that received deliveries since their last listing, or since {@code since} when
     * never listed, the most recently active first.
     */
    @Transactional
    public List<ActiveRepository> activeSince(Instant since, int limit) {
        List<?> rows = em.createNativeQuery("""
                select d.installation_id, d.repository_id, max(d.repository_full_name), max(r.default_branch), c.checked_at
                from delivery d
                left join repository r on r.id = d.repository_id
                left join installation i on i.id = d.installation_id
                left join backstop_checkpoint c on c.repository_id = d.repository_id
                where d.installation_id is not null and d.repository_full_name is not null
                  and d.received_at >= greatest(?1, c.checked_at)
                  and r.removed_at is null and i.removed_at is null and i.suspended_at is null
                group by d.installation_id, d.repository_id, c.checked_at
                order by max(d.received_at) desc
                limit ?2""")
                .setParameter(1, since).setParameter(2, limit).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new ActiveRepository(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    (String) r[3], NativeRows.instant(r[4]));
        }).toList();
    }

    @Transactional
    public void checked(long repositoryId, Instant at) {
        em.createNativeQuery("""
                insert into backstop_checkpoint (repository_id, checked_at) values (?1, ?2)
                on conflict (repository_id) do update set checked_at = excluded.checked_at""")
                .setParameter(1, repositoryId).setParameter(2, at).executeUpdate();
    }

    /** Ticks' bookkeeping older than this is of no use any more. */
    @Transactional
    public void forgetRequestsBefore(Instant before) {
        em.createNativeQuery("delete from redelivery_request where last_requested_at < ?1").setParameter(1, before)
                .executeUpdate();
    }
}
