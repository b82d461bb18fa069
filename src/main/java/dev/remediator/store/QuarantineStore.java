package dev.remediator.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.remediation.QuarantineTerm;

/**
 * The quarantined tests: who owns each, its tracking issue, its term and its trial. A change of the term that is a
 * lifecycle event of the quarantine (a trial started, passed or failed; the test released) commits with that event.
 */
@ApplicationScoped
public class QuarantineStore {

    private static final String ACTIVE = "state in ('PROPOSED', 'QUARANTINED', 'ON_TRIAL', 'OVERDUE')";

    @Inject
    EntityManager em;

    @Inject
    RemediationStore remediations;

    /**
     * A quarantined test.
     *
     * @param trial the trial's CI, null before the first trial
     */
    public record Quarantined(long remediationId, long repositoryId, String test, String file, String ownerLogin,
            String ownerFoundBy, int issueNumber, String issueUrl, QuarantineTerm term, String trialBranch, Integer trialPullNumber,
            FixValidation trial, Instant updatedAt) {
    }

    /** Records the tracking issue of a quarantine being executed; false when the test has an active quarantine. */
    @Transactional
    public boolean track(long remediationId, long repositoryId, String test, String file, String ownerLogin,
            String ownerFoundBy, int issueNumber, String issueUrl) {
        var insert = em.createNativeQuery("""
                insert into quarantined_test (remediation_id, repository_id, test, file, owner_login, owner_found_by,
                  issue_number, issue_url) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing""")
                .setParameter(1, remediationId).setParameter(2, repositoryId).setParameter(3, test).setParameter(4, file)
                .setParameter(5, ownerLogin).setParameter(6, ownerFoundBy)
                .setParameter(7, issueNumber).setParameter(8, issueUrl);
        return insert.executeUpdate() == 1;
    }

    @Transactional
    public Optional<Quarantined> find(long remediationId) {
        return quarantined("remediation_id = ?1", remediationId).stream().findFirst();
    }

    /** The test's quarantine that is not over, whichever remediation made it. */
    @Transactional
    public Optional<Quarantined> active(long repositoryId, String test) {
        return quarantined("repository_id = ?1 and test = ?2 and " + ACTIVE, repositoryId, test).stream().findFirst();
    }

    /** The tests of a repository quarantined (or on their way), with their tracking issue's number. */
    @Transactional
    public Map<String, Integer> trackingIssues(long repositoryId) {
        return quarantined("repository_id = ?1 and " + ACTIVE, repositoryId).stream()
                .collect(Collectors.toMap(Quarantined::test, Quarantined::issueNumber, (a, b) -> a));
    }

    /** The quarantine's pull request merged (begin) or closed unmerged (drop), or an expiry check ended it. */
    @Transactional
    public void keep(long remediationId, QuarantineTerm term) {
        // a term that never began has no expiry to keep
        var update = em.createNativeQuery("update quarantined_test set state = ?2, extensions = ?3, trials = ?4, "
                + "updated_at = now()" + (term.expiresAt() == null ? "" : ", expires_at = ?5") + " where remediation_id = ?1")
                .setParameter(1, remediationId).setParameter(2, term.state().name()).setParameter(3, term.extensions())
                .setParameter(4, term.trials());
        if (term.expiresAt() != null) {
            update.setParameter(5, term.expiresAt());
        }
        update.executeUpdate();
    }

    /** Quarantines whose term is over: their trial is due. */
    @Transactional
    public List<Quarantined> expired(Instant now, int limit) {
        return quarantined("state = 'QUARANTINED' and expires_at <= ?1 order by expires_at limit " + limit, now);
    }

    /** The trial's pull request is open: the term is ON_TRIAL, its CI PENDING, and the event recorded. */
    @Transactional
    public void startTrial(long remediationId, QuarantineTerm term, String branch, int pullNumber,
            LifecycleChange started) {
        keep(remediationId, term);
        em.createNativeQuery("update quarantined_test set trial_branch = ?2, trial_pull_number = ?3, trial_state = "
                + "'PENDING', trial_head_sha = null, trial_checks = '[]' where remediation_id = ?1")
                .setParameter(1, remediationId).setParameter(2, branch).setParameter(3, pullNumber).executeUpdate();
        remediations.apply(remediationId, started);
    }

    /** The quarantine on trial in the pull request from this branch. */
    @Transactional
    public Optional<Quarantined> onTrial(long repositoryId, String branch) {
        return quarantined("repository_id = ?1 and trial_branch = ?2 and state = 'ON_TRIAL'", repositoryId, branch)
                .stream().findFirst();
    }

    /** Trials whose CI sent no news since {@code before}: a delivery may have been missed. */
    @Transactional
    public List<Quarantined> trialsPendingSince(Instant before, int limit) {
        return quarantined("state = 'ON_TRIAL' and trial_state = 'PENDING' and updated_at < ?1 order by updated_at "
                + "limit " + limit, before);
    }

    /**
     * Keeps what the trial's checks say now and, when its outcome is decided for the first time, the term that follows
     * and its lifecycle event, in one transaction.
     *
     * @param next the term after this outcome, for a decided trial; ignored while it is pending
     * @return whether the outcome was recorded (false: pending, unchanged, or the trial is over)
     */
    @Transactional
    public boolean recordTrial(long remediationId, FixValidation trial, QuarantineTerm next, LifecycleChange decided) {
        List<?> current = em.createNativeQuery("select trial_state, trial_head_sha from quarantined_test where "
                + "remediation_id = ?1 and state = 'ON_TRIAL' for update").setParameter(1, remediationId).getResultList();
        if (current.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) current.get(0);
        boolean changed = !trial.state().name().equals(row[0]) || !trial.headSha().equals(row[1]);
        em.createNativeQuery("update quarantined_test set trial_state = ?2, trial_head_sha = ?3, trial_checks = "
                + "cast(?4 as jsonb), updated_at = now() where remediation_id = ?1").setParameter(1, remediationId)
                .setParameter(2, trial.state().name()).setParameter(3, trial.headSha())
                .setParameter(4, FixValidationStore.json(trial.checks())).executeUpdate();
        if (!changed || !trial.decided()) {
            return false;
        }
        keep(remediationId, next);
        remediations.apply(remediationId, decided);
        return true;
    }

    /**
     * Moves the term on without CI's word (the trial's pull request merged or closed; the test left the file by
     * hand) and records the event; only from the state the caller saw, so that a second delivery changes nothing.
     */
    @Transactional
    public boolean endTrial(long remediationId, QuarantineTerm.State from, QuarantineTerm next, LifecycleChange ended) {
        List<?> current = em.createNativeQuery("select 1 from quarantined_test where remediation_id = ?1 and "
                + "state = ?2 for update").setParameter(1, remediationId).setParameter(2, from.name()).getResultList();
        if (current.isEmpty()) {
            return false;
        }
        keep(remediationId, next);
        remediations.apply(remediationId, ended);
        return true;
    }

    private List<Quarantined> quarantined(String where, Object... parameters) {
        var query = NativeRows.query(em, "select remediation_id, repository_id, test, file, owner_login, "
                + "owner_found_by, issue_number, issue_url, state, expires_at, extensions, trials, trial_branch, trial_pull_number, trial_state, "
                + "trial_head_sha, cast(trial_checks as text), updated_at from quarantined_test where " + where, parameters);
        return query.getResultList().stream().map(r -> {
            Object[] row = (Object[]) r;
            QuarantineTerm term = new QuarantineTerm(QuarantineTerm.State.valueOf((String) row[8]),
                    NativeRows.instant(row[9]), ((Number) row[10]).intValue(), ((Number) row[11]).intValue());
            // the trial is judged once its head is known
            FixValidation trial = row[15] == null ? null : new FixValidation(FixValidation.State.valueOf((String) row[14]),
                    (String) row[15], FixValidationStore.checks((String) row[16]));
            return new Quarantined(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                    (String) row[3], (String) row[4], (String) row[5], ((Number) row[6]).intValue(), (String) row[7], term,
                    (String) row[12], row[13] == null ? null : ((Number) row[13]).intValue(), trial,
                    NativeRows.instant(row[17]));
        }).toList();
    }
}
