package dev.remediator.store;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Hibernate;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.remediation.PlannedRemediation;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.remediation.TrackRecord;

/**
 * Remediations and their state changes. A state change happens only from the state the caller saw (a compare and
 * set in the database), so two replicas, a double click and a redelivery cannot both move one remediation; every
 * change is written to the audit trail in the same transaction.
 */
@ApplicationScoped
public class RemediationStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who a change is attributed to when no person made it. */
    public static final String REMEDIATOR = "remediator";

    private static final Logger LOG = Logger.getLogger(RemediationStore.class);

    @Inject
    EntityManager em;

    @Inject
    Event<EventRecorded> recorded;

    /** What a run the remediation is about looks like in the store. */
    public record RunKey(long repositoryId, long runId, int attempt, String headSha, String headBranch) {
    }

    /**
     * Stores a planned remediation, or finds the one an earlier analysis of the same run stored: the pair
     * (run, action, target) is unique.
     *
     * @return the stored remediation, new or not
     */
    @Transactional
    public Remediation propose(RunKey run, PlannedRemediation planned, Instant approvalDeadline, String deliveryId) {
        Optional<Long> created = insert(run.repositoryId(), run.runId(), run.attempt(), null, run.headSha(), run.headBranch(),
                planned, approvalDeadline, deliveryId);
        // a lambda, not RemediationRow::findById: that would bind to the base class, which Panache does not enhance
        return created.<RemediationRow>map(id -> RemediationRow.findById(id))
                .orElseGet(() -> RemediationRow.find("repositoryId = ?1 and runId = ?2 and action = ?3 and target = ?4",
                        run.repositoryId(), run.runId(), planned.action(), planned.target()).firstResult()).remediation();
    }

    /** A pushed commit whose drift a remediation is about, and the branch it was pushed to. */
    public record PushKey(long repositoryId, String sha, String branch) {
    }

    /** The same for the drift of a pushed commit: (commit, action, target) is unique. */
    @Transactional
    public Remediation propose(PushKey push, PlannedRemediation planned, Instant approvalDeadline,
            String deliveryId) {
        Optional<Long> created = insert(push.repositoryId(), null, null, push.sha(), push.sha(), push.branch(), planned,
                approvalDeadline, deliveryId);
        return created.<RemediationRow>map(id -> RemediationRow.findById(id))
                .orElseGet(() -> RemediationRow.find("repositoryId = ?1 and runId is null and subject = ?2 "
                        + "and action = ?3 and target = ?4", push.repositoryId(), push.sha(), planned.action(),
                        planned.target()).firstResult()).remediation();
    }

    /** The new remediation's id, or empty when an earlier call stored it (whichever unique key it falls under). */
    private Optional<Long> insert(long repositoryId, Long runId, Integer attempt, String subject, String headSha,
            String headBranch, PlannedRemediation planned, Instant approvalDeadline, String deliveryId) {
        List<?> ids = em.createNativeQuery("""
                insert into remediation (repository_id, run_id, run_attempt, subject, head_sha, head_branch, action, target,
                    state, risk, risk_factors, explanation, decision_reason, approval_permission, approval_deadline,
                    culprit_author)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PROPOSED', ?9, cast(?10 as jsonb), ?11, ?12, ?13, ?14, ?15)
                on conflict do nothing
                returning id""")
                .setParameter(1, repositoryId)
                .setParameter(2, runId)
                .setParameter(3, attempt)
                .setParameter(4, subject)
                .setParameter(5, headSha)
                .setParameter(6, headBranch)
                .setParameter(7, planned.action().name())
                .setParameter(8, planned.target())
                .setParameter(9, planned.risk().value())
                .setParameter(10, json(planned.risk().factors()))
                .setParameter(11, planned.explanation())
                .setParameter(12, planned.decision().reason())
                .setParameter(13, planned.approvalPermission().name())
                .setParameter(14, approvalDeadline)
                .setParameter(15, planned.culpritAuthor())
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ((Number) ids.get(0)).longValue();
        audit(id, repositoryId, null, LifecycleChange.of(RemediationEvent.PROPOSED_BY_PLANNER, REMEDIATOR,
                planned.decision().reason(), deliveryId));
        return Optional.of(id);
    }

    /** Whether this delivery approved the remediation: its retry resumes the execution that approval began. */
    @Transactional
    public boolean approvedIn(long id, String deliveryId) {
        return deliveryId != null && !em.createNativeQuery("select 1 from audit_event where remediation_id = ?1 "
                + "and to_state = 'APPROVED' and delivery_id = ?2").setParameter(1, id).setParameter(2, deliveryId)
                .getResultList().isEmpty();
    }

    /** Whether this event ever happened to the remediation (auto-merge is enabled once, whatever retries happen). */
    @Transactional
    public boolean happened(long id, RemediationEvent event) {
        return !em.createNativeQuery("select 1 from audit_event where remediation_id = ?1 and event = ?2")
                .setParameter(1, id).setParameter(2, event.name()).getResultList().isEmpty();
    }

    /** What became of a change asked of the lifecycle: the remediation as it is now, and why nothing changed. */
    public record Transition(Remediation remediation, RemediationState from, String refusal) {

        public boolean applied() {
            return refusal == null;
        }
    }

    /**
     * The one way a remediation's state changes: checks the event against the lifecycle's table from the state the
     * remediation is in now (its row locked), moves it, writes the audit row and records the domain event, in one
     * transaction. A change the table does not allow from the current state (another click or replica was first, or
     * a caller's mistake) changes nothing and says why.
     */
    @Transactional
    public Transition apply(long id, LifecycleChange change) {
        List<?> current = em.createNativeQuery("select state from remediation where id = ?1 for update")
                .setParameter(1, id).getResultList();
        if (current.isEmpty()) {
            throw new IllegalArgumentException("there is no remediation " + id);
        }
        RemediationState from = RemediationState.valueOf((String) current.get(0));
        Optional<RemediationState> to = change.event().after(from);
        if (to.isEmpty()) {
            LOG.debugf("Remediation %d: %s refused: %s", id, change.event(), change.event().refusal(from));
            return new Transition(refreshed(id), from, change.event().refusal(from));
        }
        em.createNativeQuery("update remediation set state = ?2, note = coalesce(?3, note), updated_at = now() where id = ?1")
                .setParameter(1, id).setParameter(2, to.get().name()).setParameter(3, change.note()).executeUpdate();
        Remediation record = refreshed(id);
        audit(id, record.repositoryId(), from, change);
        return new Transition(record, from, null);
    }

    /** The remediation as the database has it now: read anew only when this transaction had loaded it already. */
    private Remediation refreshed(long id) {
        RemediationRow record = em.getReference(RemediationRow.class, id);
        if (Hibernate.isInitialized(record)) {
            em.refresh(record);
        }
        return record.remediation();
    }

    /** Keeps the latest thing worth telling about a remediation, for the check run and the comment. */
    /** Refusals kept on the note: the latest ones, enough for a check run's reader. */
    static final int REFUSALS_SHOWN = 5;

    /**
     * Records a refused decision and makes the note list the latest refusals, each with its person and time. The
     * remediation's row is locked first, so that refusals at the same moment each see the other's.
     */
    @Transactional
    public void refuse(long id, String actor, String message) {
        em.createNativeQuery("select id from remediation where id = ?1 for update").setParameter(1, id).getResultList();
        em.createNativeQuery("insert into refusal (remediation_id, actor, message) values (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, actor).setParameter(3, message).executeUpdate();
        em.createNativeQuery("""
                update remediation set updated_at = now(), note = (
                  select string_agg(r.message || ' (' || to_char(r.refused_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI')
                                    || ' UTC)', '; ' order by r.refused_at, r.id)
                  from (select * from refusal where remediation_id = ?1 order by refused_at desc, id desc limit ?2) r)
                where id = ?1""").setParameter(1, id).setParameter(2, REFUSALS_SHOWN).executeUpdate();
    }

    @Transactional
    public void note(long id, String note) {
        em.createNativeQuery("update remediation set note = ?2, updated_at = now() where id = ?1")
                .setParameter(1, id).setParameter(2, note).executeUpdate();
    }


    @Transactional
    public void recordPullRequest(long id, String branch, int number, String url) {
        em.createNativeQuery("update remediation set branch = ?2, pull_number = ?3, pull_url = ?4, updated_at = now() "
                + "where id = ?1")
                .setParameter(1, id).setParameter(2, branch).setParameter(3, number).setParameter(4, url)
                .executeUpdate();
    }

    /**
     * Whether a pull request Remediator opened was merged (into {@code mergeCommitSha}) or closed; feeds the risk
     * model's track record, and finds a rollback's original.
     */
    @Transactional
    public Optional<Remediation> recordOutcome(long repositoryId, String branch, boolean merged, String mergeCommitSha,
            String actor, String deliveryId) {
        Optional<RemediationRow> remediation = RemediationRow
                .find("repositoryId = ?1 and branch = ?2", repositoryId, branch).firstResultOptional();
        return remediation.map(r -> {
            String outcome = merged ? "merged" : "closed";
            em.createNativeQuery("update remediation set outcome = ?2, merge_commit_sha = ?3, updated_at = now() "
                    + "where id = ?1").setParameter(1, r.id).setParameter(2, outcome)
                    .setParameter(3, merged ? mergeCommitSha : null).executeUpdate();
            return apply(r.id, LifecycleChange.of(merged ? RemediationEvent.PULL_REQUEST_MERGED
                    : RemediationEvent.PULL_REQUEST_CLOSED, actor, "pull request #" + r.pullNumber + " " + outcome,
                    deliveryId)).remediation();
        });
    }

    /** The remediation whose pull request merged into this commit, if a fix of Remediator's did. */
    @Transactional
    public Optional<Remediation> mergedInto(long repositoryId, String commitSha) {
        List<?> ids = em.createNativeQuery("select id from remediation where repository_id = ?1 and merge_commit_sha = ?2")
                .setParameter(1, repositoryId).setParameter(2, commitSha).getResultList();
        return ids.stream().findFirst().flatMap(id -> find(((Number) id).longValue()));
    }

    @Transactional
    public Optional<Remediation> find(long id) {
        return RemediationRow.<RemediationRow>findByIdOptional(id).map(RemediationRow::remediation);
    }

    @Transactional
    public List<Remediation> forRun(long repositoryId, long runId) {
        return remediations(RemediationRow.list("repositoryId = ?1 and runId = ?2 order by id", repositoryId, runId));
    }

    /** The remediations of a pushed commit's drift, in the order they were planned. */
    @Transactional
    public List<Remediation> forCommit(long repositoryId, String sha) {
        return remediations(RemediationRow.list("repositoryId = ?1 and runId is null and subject = ?2 order by id",
                repositoryId, sha));
    }

    /** The remediation that created a branch of Remediator's. */
    @Transactional
    public Optional<Remediation> byBranch(long repositoryId, String branch) {
        return RemediationRow.find("repositoryId = ?1 and branch = ?2", repositoryId, branch)
                .<RemediationRow>firstResultOptional().map(RemediationRow::remediation);
    }

    /** Records that a regeneration's workflow was dispatched, so that a resumed execution does not dispatch it again. */
    @Transactional
    public void recordDispatch(long id) {
        em.createNativeQuery("update remediation set dispatched_at = now(), updated_at = now() where id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** The newest remediation of a pull request's runs, for comment commands that name none. */
    @Transactional
    public Optional<Remediation> latestForPull(long repositoryId, int pullNumber) {
        List<?> ids = em.createNativeQuery("""
                select r.id from remediation r
                where r.repository_id = ?1 and r.action <> 'MANUAL_REVIEW' and exists (
                    select 1 from workflow_run w where w.run_id = r.run_id and ?2 = any(w.pull_request_numbers))
                order by (r.state = 'AWAITING_APPROVAL') desc, r.id desc limit 1""")
                .setParameter(1, repositoryId).setParameter(2, pullNumber).getResultList();
        return ids.stream().findFirst().map(id -> RemediationRow.<RemediationRow>findById(((Number) id).longValue())
                .remediation());
    }

    /** Pull request slots taken in a repository since a time (branches reserved): the daily limit counts these. */
    @Transactional(TxType.SUPPORTS)
    public int pullRequestsOpenedSince(long repositoryId, Instant since) {
        return ((Number) em.createNativeQuery("select count(*) from remediation where repository_id = ?1 and branch_at >= ?2")
                .setParameter(1, repositoryId).setParameter(2, since).getSingleResult()).intValue();
    }

    /**
     * Takes one of the repository's daily pull request slots for this remediation's branch, unless {@code limit} are
     * taken in the last 24 hours; a remediation that holds one keeps it. Serialised per repository, so that
     * concurrent executions on any replica cannot overshoot the limit.
     */
    @Transactional
    public boolean reservePullRequest(long id, long repositoryId, String branch, int limit) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, repositoryId).getSingleResult();
        RemediationRow remediation = RemediationRow.findById(id);
        em.refresh(remediation);
        if (remediation.branchAt == null) {
            int taken = pullRequestsOpenedSince(repositoryId, Instant.now().minus(java.time.Duration.ofDays(1)));
            if (taken >= limit) {
                return false;
            }
        }
        em.createNativeQuery("update remediation set branch = ?2, branch_at = coalesce(branch_at, now()), "
                + "updated_at = now() where id = ?1").setParameter(1, id).setParameter(2, branch).executeUpdate();
        return true;
    }

    @Transactional(TxType.SUPPORTS)
    public Map<RemediationAction, TrackRecord> trackRecords(long repositoryId) {
        Map<RemediationAction, TrackRecord> records = new EnumMap<>(RemediationAction.class);
        List<?> rows = em.createNativeQuery("""
                select action, count(*) filter (where outcome = 'merged'), count(*) filter (where outcome = 'closed'),
                    count(*) filter (where exists (select 1 from audit_event a where a.remediation_id = remediation.id
                        and a.event = 'ROLLED_BACK'))
                from remediation where repository_id = ?1 and outcome is not null group by action""")
                .setParameter(1, repositoryId).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            records.put(RemediationAction.valueOf((String) r[0]),
                    new TrackRecord(((Number) r[1]).intValue(), ((Number) r[2]).intValue(), ((Number) r[3]).intValue()));
        }
        return records;
    }

    /** Remediations still waiting for an approval past their deadline. */
    @Transactional
    public List<Remediation> overdueApprovals(Instant now) {
        return remediations(RemediationRow.list("state = ?1 and approvalDeadline < ?2", RemediationState.AWAITING_APPROVAL, now));
    }

    /** Regenerations still waiting for their workflow's push, dispatched before a time. */
    @Transactional
    public List<Remediation> dispatchedBefore(Instant before) {
        return remediations(RemediationRow.list("state = ?1 and dispatchedAt < ?2", RemediationState.EXECUTING, before));
    }

    /** @param event the lifecycle event it records; null for rows written before events were named */
    public record AuditEvent(long id, Long remediationId, long repositoryId, String from, String to, String event,
            String actor, String reason, String deliveryId, Instant at) {
    }

    /** Remediations of a repository, newest first, after the id {@code after} (null: from the newest). */
    @Transactional
    public List<Remediation> list(long repositoryId, RemediationState state, RemediationAction action, Long after,
            int limit) {
        StringBuilder query = new StringBuilder("repositoryId = :repository");
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("repository", repositoryId));
        if (state != null) {
            query.append(" and state = :state");
            parameters.put("state", state);
        }
        if (action != null) {
            query.append(" and action = :action");
            parameters.put("action", action);
        }
        if (after != null) {
            query.append(" and id < :after");
            parameters.put("after", after);
        }
        return remediations(RemediationRow.find(query + " order by id desc", parameters).page(0, limit).list());
    }

    /** The audit trail, newest first, narrowed to a repository, a remediation or an actor when they are given. */
    @Transactional
    public List<AuditEvent> audit(Long repositoryId, Long remediationId, String actor, Long after, int limit) {
        List<?> rows = em.createNativeQuery("""
                select id, remediation_id, repository_id, from_state, to_state, event, actor, reason, delivery_id, at
                from audit_event
                where (cast(?1 as bigint) is null or repository_id = ?1) and (cast(?2 as bigint) is null or remediation_id = ?2)
                  and (cast(?3 as text) is null or actor = ?3) and (cast(?4 as bigint) is null or id < ?4)
                order by id desc limit ?5""")
                .setParameter(1, repositoryId).setParameter(2, remediationId).setParameter(3, actor)
                .setParameter(4, after).setParameter(5, limit).getResultList();
        return rows.stream().map(RemediationStore::auditEvent).toList();
    }

    private static AuditEvent auditEvent(Object row) {
        Object[] r = (Object[]) row;
        return new AuditEvent(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                (String) r[8], NativeRows.instant(r[9]));
    }

    /** The audit row is the domain event: consumers pick it up from the outbox once this transaction commits. */
    private void audit(long remediationId, long repositoryId, RemediationState from, LifecycleChange change) {
        Object[] written = (Object[]) em.createNativeQuery("""
                insert into audit_event (remediation_id, repository_id, from_state, to_state, actor, reason, delivery_id,
                                         event)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                returning id, at""")
                .setParameter(1, remediationId).setParameter(2, repositoryId)
                .setParameter(3, from == null ? null : from.name()).setParameter(4, change.event().to().name())
                .setParameter(5, change.actor()).setParameter(6, change.reason()).setParameter(7, change.deliveryId())
                .setParameter(8, change.event().name())
                .getSingleResult();
        recorded.fire(new EventRecorded(new RemediationChanged(((Number) written[0]).longValue(), remediationId,
                repositoryId, change.event(), from, change.event().to(), change.actor(), change.reason(),
                change.deliveryId(), NativeRows.instant(written[1]))));
    }

    private static List<Remediation> remediations(List<RemediationRow> rows) {
        return rows.stream().map(RemediationRow::remediation).toList();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk factors are plain records", e);
        }
    }
}
