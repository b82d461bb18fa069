package dev.remediator.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Idempotency of failed-run processing by (repository, run, attempt), not by delivery: the first delivery to claim a
 * run attempt owns its analysis, its check run, its comments and its remediations; its own retries inherit the claim.
 */
@ApplicationScoped
public class RunClaims {

    @Inject
    EntityManager em;

    /**
     * Claims the run attempt for {@code deliveryId}; returns the delivery that holds it (this one when it won). One
     * statement, atomic on its own, so it needs no transaction of its own: on a conflict, the update that keeps the
     * holder waits for a concurrent claim to commit and returns its holder, which a read in the statement's snapshot
     * could miss. That update locks the row, so a caller must not hold it in a longer transaction.
     */
    @Transactional(TxType.SUPPORTS)
    public String claim(long repositoryId, long runId, int attempt, String deliveryId) {
        return (String) em.createNativeQuery("""
                insert into run_claim (repository_id, run_id, attempt, delivery_id) values (?1, ?2, ?3, ?4)
                on conflict (repository_id, run_id, attempt) do update set delivery_id = run_claim.delivery_id
                returning delivery_id""")
                .setParameter(1, repositoryId).setParameter(2, runId).setParameter(3, attempt)
                .setParameter(4, deliveryId).getSingleResult();
    }

    /** Whether some delivery already brought this run attempt. */
    @Transactional
    public boolean claimed(long repositoryId, long runId, int attempt) {
        List<?> rows = em.createNativeQuery("""
                select 1 from run_claim where repository_id = ?1 and run_id = ?2 and attempt = ?3""")
                .setParameter(1, repositoryId).setParameter(2, runId).setParameter(3, attempt).getResultList();
        return !rows.isEmpty();
    }
}
