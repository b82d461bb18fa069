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

    /**
     * Ends a quarantine's term now, as if {@code expire_after_days} had gone by; 0 while it is not quarantined (its
     * pull request not merged yet, or on trial, or over).
     */
    @Transactional
    public int expireQuarantine(long remediationId) {
        return em.createNativeQuery("update quarantined_test set expires_at = now() - interval '1 minute' "
                + "where remediation_id = ?1 and state = 'QUARANTINED'").setParameter(1, remediationId).executeUpdate();
    }

    @Transactional
    public String quarantineState(long remediationId) {
        return (String) em.createNativeQuery("select state from quarantined_test where remediation_id = ?1")
                .setParameter(1, remediationId).getSingleResult();
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
