package dev.remediator.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.RemediationEvent;

/**
 * The validations of fix pull requests: which pull request each remediation is following, on which head, and what its
 * checks say. A change of the validation's state and its lifecycle event commit together.
 */
@ApplicationScoped
public class FixValidationStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    RemediationStore remediations;

    /** A pull request followed for a remediation. */
    public record Followed(long remediationId, long repositoryId, int pullNumber, String branch,
            FixValidation validation, Instant updatedAt) {
    }

    /**
     * Starts following a fix's pull request and records VALIDATION_STARTED; a second call (a consumer run again)
     * finds it followed already and changes nothing.
     */
    @Transactional
    public boolean start(long remediationId, long repositoryId, int pullNumber, String branch, String headSha,
            LifecycleChange started) {
        int inserted = em.createNativeQuery("""
                insert into fix_validation (remediation_id, repository_id, pull_number, branch, head_sha, state)
                values (?1, ?2, ?3, ?4, ?5, 'PENDING') on conflict do nothing""")
                .setParameter(1, remediationId).setParameter(2, repositoryId).setParameter(3, pullNumber)
                .setParameter(4, branch).setParameter(5, headSha).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        remediations.apply(remediationId, started);
        return true;
    }

    /**
     * Keeps what the checks on the head say now. When the state changes to PASSED or FAILED, the lifecycle event of
     * that outcome is applied in the same transaction; a new head (a push to the branch) starts over as PENDING.
     *
     * @return whether the validation's outcome changed (and the event was applied)
     */
    @Transactional
    public boolean record(long remediationId, FixValidation validation, String actor, String deliveryId) {
        List<?> current = em.createNativeQuery("select state, head_sha from fix_validation where remediation_id = ?1 "
                + "for update").setParameter(1, remediationId).getResultList();
        if (current.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) current.get(0);
        boolean changed = !validation.state().name().equals(row[0]) || !validation.headSha().equals(row[1]);
        em.createNativeQuery("update fix_validation set state = ?2, head_sha = ?3, checks = cast(?4 as jsonb), "
                + "updated_at = now() where remediation_id = ?1")
                .setParameter(1, remediationId).setParameter(2, validation.state().name())
                .setParameter(3, validation.headSha()).setParameter(4, json(validation.checks())).executeUpdate();
        if (!changed || !validation.decided()) {
            return false;
        }
        RemediationEvent event = validation.state() == FixValidation.State.PASSED ? RemediationEvent.VALIDATION_PASSED
                : RemediationEvent.VALIDATION_FAILED;
        LifecycleChange change = LifecycleChange.of(event, actor, validation.summary(), deliveryId);
        remediations.apply(remediationId, validation.state() == FixValidation.State.FAILED
                ? change.noting(validation.summary() + "; the pull request stays a draft") : change);
        return true;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<FixValidation> find(long remediationId) {
        return followed("remediation_id = ?1", remediationId).stream().findFirst().map(Followed::validation);
    }

    /** The fix whose pull request comes from this branch of Remediator's, if one is followed. */
    @Transactional
    public Optional<Followed> byBranch(long repositoryId, String branch) {
        return followed("repository_id = ?1 and branch = ?2", repositoryId, branch).stream().findFirst();
    }

    /** Validations still pending with no news since {@code before}: their events may have been missed. */
    @Transactional
    public List<Followed> pendingSince(Instant before, int limit) {
        return followed("state = 'PENDING' and updated_at < ?1 and not exists (select 1 from remediation r "
                + "where r.id = remediation_id and r.outcome is not null) order by updated_at limit " + limit, before);
    }

    private List<Followed> followed(String where, Object... parameters) {
        var query = NativeRows.query(em, "select remediation_id, repository_id, pull_number, branch, state, head_sha, "
                + "cast(checks as text), updated_at from fix_validation where " + where, parameters);
        return query.getResultList().stream().map(r -> {
            Object[] row = (Object[]) r;
            FixValidation validation = new FixValidation(FixValidation.State.valueOf((String) row[4]),
                    (String) row[5], checks((String) row[6]));
            return new Followed(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).intValue(), (String) row[3], validation, NativeRows.instant(row[7]));
        }).toList();
    }

    static List<FixValidation.Check> checks(String json) {
        try {
            return List.of(JSON.readValue(json, FixValidation.Check[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored checks are not readable", e);
        }
    }

    static String json(List<FixValidation.Check> checks) {
        try {
            return JSON.writeValueAsString(checks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("checks are plain records", e);
        }
    }
}
