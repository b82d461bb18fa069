package dev.remediator.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Pushes to installed repositories, including to Remediator's own branches (bookkeeping for the loop guard). */
@ApplicationScoped
public class PushStore {

    public record Push(String deliveryId, long repositoryId, String ref, String beforeSha, String afterSha,
            boolean forced, boolean deleted, int commitCount, String pusher, boolean ownBranch) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public void save(Push push) {
        em.createNativeQuery("""
                insert into push (delivery_id, repository_id, ref, before_sha, after_sha, forced, deleted, commit_count,
                                  pusher, own_branch)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (delivery_id) do nothing""")
                .setParameter(1, push.deliveryId())
                .setParameter(2, push.repositoryId())
                .setParameter(3, push.ref())
                .setParameter(4, push.beforeSha())
                .setParameter(5, push.afterSha())
                .setParameter(6, push.forced())
                .setParameter(7, push.deleted())
                .setParameter(8, push.commitCount())
                .setParameter(9, push.pusher())
                .setParameter(10, push.ownBranch())
                .executeUpdate();
    }
}
