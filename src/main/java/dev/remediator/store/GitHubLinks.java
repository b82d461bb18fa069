package dev.remediator.store;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The ids of what Remediator created on GitHub and edits later: the check run of each workflow run, the sticky
 * comment of each pull request.
 */
@ApplicationScoped
public class GitHubLinks {

    @Inject
    EntityManager em;

    @Transactional(TxType.SUPPORTS)
    public Optional<Long> checkRun(long repositoryId, long runId) {
        return first(em.createNativeQuery("select check_run_id from check_run_link where repository_id = ?1 and run_id = ?2")
                .setParameter(1, repositoryId).setParameter(2, runId).getResultList());
    }

    /** On the first answer's path: one statement, no transaction of its own (begin and commit would be two more). */
    @Transactional(TxType.SUPPORTS)
    public void saveCheckRun(long repositoryId, long runId, String headSha, long checkRunId) {
        em.createNativeQuery("insert into check_run_link (repository_id, run_id, head_sha, check_run_id) "
                + "values (?1, ?2, ?3, ?4) on conflict (repository_id, run_id) do nothing returning run_id")
                .setParameter(1, repositoryId).setParameter(2, runId).setParameter(3, headSha)
                .setParameter(4, checkRunId).getResultList();
    }

    /** Annotations append on GitHub: true for the one caller that may send them for this check run. */
    @Transactional
    public boolean claimAnnotations(long repositoryId, long runId) {
        return em.createNativeQuery("update check_run_link set annotated = true "
                + "where repository_id = ?1 and run_id = ?2 and not annotated")
                .setParameter(1, repositoryId).setParameter(2, runId).executeUpdate() == 1;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Long> stickyComment(long repositoryId, int pullNumber) {
        return first(em.createNativeQuery("select comment_id from sticky_comment where repository_id = ?1 "
                + "and pull_number = ?2 and comment_id is not null")
                .setParameter(1, repositoryId).setParameter(2, pullNumber).getResultList());
    }

    /**
     * Claims the creation of a pull request's sticky comment: true for the one caller that is to create it, while
     * others wait for its id.
     */
    @Transactional
    public boolean claimStickyComment(long repositoryId, int pullNumber) {
        return em.createNativeQuery("insert into sticky_comment (repository_id, pull_number) values (?1, ?2) "
                + "on conflict do nothing").setParameter(1, repositoryId).setParameter(2, pullNumber)
                .executeUpdate() == 1;
    }

    @Transactional
    public void saveStickyComment(long repositoryId, int pullNumber, long commentId) {
        em.createNativeQuery("insert into sticky_comment (repository_id, pull_number, comment_id) values (?1, ?2, ?3) "
                + "on conflict (repository_id, pull_number) do update set comment_id = excluded.comment_id, updated_at = now()")
                .setParameter(1, repositoryId).setParameter(2, pullNumber).setParameter(3, commentId).executeUpdate();
    }

    private static Optional<Long> first(List<?> rows) {
        return rows.stream().findFirst().map(id -> ((Number) id).longValue());
    }
}
