package dev.remediator.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Arranges remediation rows where waiting for real time would make a test slow. */
@ApplicationScoped
public class RemediationRows {

    @Inject
    EntityManager em;

    /** Moves a remediation's approval deadline into the past, as if the configured hours had gone by. */
    @Transactional
    public void makeApprovalOverdue(long remediationId) {
        em.createNativeQuery("update remediation set approval_deadline = now() - interval '1 minute' where id = ?1")
                .setParameter(1, remediationId).executeUpdate();
    }

    @Transactional
    public String state(long remediationId) {
        return (String) em.createNativeQuery("select state from remediation where id = ?1").setParameter(1, remediationId)
                .getSingleResult();
    }

    /** The remediation of a repository waiting for a human (the first one, when several do). */
    @Transactional
    public long awaitingApproval(long repositoryId) {
        return ((Number) em.createNativeQuery("select id from remediation where repository_id = ?1 "
                + "and state = 'AWAITING_APPROVAL' order by id limit 1").setParameter(1, repositoryId)
                .getSingleResult()).longValue();
    }
}
