package dev.remediator.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What the dashboard shows, read as plain records: always narrowed to the repositories the signed-in user may see,
 * which the caller passes in. Remediations link to the check run that shows them (a failed run's, or a pushed
 * commit's Drift check run).
 */
@ApplicationScoped
public class DashboardStore {

    @Inject
    EntityManager em;

    public record Count(String name, long count) {
    }

    public record RemediationRow(long id, long repositoryId, String repository, String action, String target,
            String state, double risk, Instant createdAt, Instant approvalDeadline, Long runId, String headSha,
            Integer pullNumber, String pullUrl, String outcome, Long checkRunId, String validation) {
    }

    public record RemediationDetail(RemediationRow row, String explanation, String riskFactors, String decisionReason,
            String approvalPermission, String culpritAuthor, String note, String branch) {
    }

    public record FailureRow(long runId, int attempt, String workflow, String branch, String headSha, String category,
            double confidence, String runUrl, String firstEvidence, Instant analysedAt, Long checkRunId) {
    }

    /** A quarantined test's term: whose it is, where it is tracked, when it ends and how its trial went. */
    public record QuarantinedTestRow(long remediationId, String test, String ownerLogin, int issueNumber, String issueUrl,
            String state, Instant expiresAt, int extensions, Integer trialPullNumber, String trialState) {
    }

    /** How many remediations reached {@code outcome} (a final state) on a day. */
    public record DayOutcome(LocalDate day, String outcome, long count) {
    }

    private static final String REMEDIATION_COLUMNS = """
            r.id, r.repository_id, p.full_name, r.action, r.target, r.state, r.risk, r.created_at, r.approval_deadline,
            r.run_id, r.head_sha, r.pull_number, r.pull_url, r.outcome,
            coalesce((select c.check_run_id from check_run_link c where c.repository_id = r.repository_id
                          and c.run_id = r.run_id),
                     (select d.check_run_id from drift_check_run d where d.repository_id = r.repository_id
                          and d.head_sha = r.subject)),
            (select v.state from fix_validation v where v.remediation_id = r.id)""";

    /** A repository the app is installed on, as the dashboard names and links it. */
    public record RepositoryRow(long id, long installationId, String fullName) {
    }

    /** Of the given repositories, those the app is installed on now, by name. */
    @Transactional
    public List<RepositoryRow> installed(Collection<Long> repositories) {
        List<?> rows = em.createNativeQuery("select id, installation_id, full_name from repository "
                + "where id = any(cast(?1 as bigint[])) and removed_at is null order by lower(full_name)")
                .setParameter(1, idArray(repositories)).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new RepositoryRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2]);
        }).toList();
    }

    /** Failed runs analysed, by category. */
    @Transactional
    public List<Count> failuresByCategory(Collection<Long> repositories) {
        return counts("select category, count(*) from run_analysis where repository_id = any(cast(?1 as bigint[])) "
                + "group by category order by count(*) desc, category", repositories);
    }

    @Transactional
    public List<Count> remediationsByState(Collection<Long> repositories) {
        return counts("select state, count(*) from remediation where repository_id = any(cast(?1 as bigint[])) "
                + "group by state order by count(*) desc, state", repositories);
    }

    /** What waits for a human, the oldest first: it is the closest to expiring. */
    @Transactional
    public List<RemediationRow> awaitingApproval(Collection<Long> repositories, int limit) {
        return remediations("r.repository_id = any(cast(?1 as bigint[])) and r.state = 'AWAITING_APPROVAL' "
                + "order by r.created_at, r.id limit ?2", repositories, limit);
    }

    /** A repository's remediations, newest first. */
    @Transactional
    public List<RemediationRow> remediations(long repositoryId, int limit) {
        return remediations("r.repository_id = ?1 order by r.id desc limit ?2", repositoryId, limit);
    }

    /** Quarantines proposed for tests found flaky, newest first; a done one is a quarantined test. */
    @Transactional
    public List<RemediationRow> quarantines(long repositoryId, int limit) {
        return remediations("r.repository_id = ?1 and r.action = 'QUARANTINE' order by r.id desc limit ?2",
                repositoryId, limit);
    }

    /** A repository's quarantined tests that are not yet released, the soonest to expire first. */
    @Transactional
    public List<QuarantinedTestRow> quarantinedTests(long repositoryId, int limit) {
        List<?> rows = em.createNativeQuery("""
                select remediation_id, test, owner_login, issue_number, issue_url, state, expires_at, extensions,
                       trial_pull_number, trial_state
                from quarantined_test where repository_id = ?1 and state in ('QUARANTINED', 'ON_TRIAL', 'OVERDUE')
                order by expires_at nulls last, remediation_id limit ?2""")
                .setParameter(1, repositoryId).setParameter(2, limit).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new QuarantinedTestRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    ((Number) r[3]).intValue(), (String) r[4], (String) r[5], NativeRows.instant(r[6]),
                    ((Number) r[7]).intValue(), r[8] == null ? null : ((Number) r[8]).intValue(), (String) r[9]);
        }).toList();
    }

    /** A repository's auto-fixable drift remediations awaiting approval: regenerations and rebaselines. */
    @Transactional
    public List<RemediationRow> safeDriftFixesAwaiting(long repositoryId) {
        return remediations("r.repository_id = ?1 and r.state = 'AWAITING_APPROVAL' "
                + "and r.action in ('REGENERATE', 'REBASELINE') order by r.id limit ?2", repositoryId, 100);
    }

    @Transactional
    public Optional<RemediationDetail> remediation(long id) {
        List<?> rows = em.createNativeQuery("select " + REMEDIATION_COLUMNS + """
                , r.explanation, cast(r.risk_factors as text), r.decision_reason, r.approval_permission,
                  r.culprit_author, r.note, r.branch
                from remediation r join repository p on p.id = r.repository_id where r.id = ?1""")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new RemediationDetail(remediationRow(r), (String) r[16], (String) r[17], (String) r[18],
                    (String) r[19], (String) r[20], (String) r[21], (String) r[22]);
        });
    }

    /** A repository's latest analysed failed runs, newest first, with the first evidence of their first job. */
    @Transactional
    public List<FailureRow> recentFailures(long repositoryId, int limit) {
        List<?> rows = em.createNativeQuery("""
                select a.run_id, a.run_attempt, a.workflow_name, a.head_branch, a.head_sha, a.category, a.confidence,
                       a.run_url,
                       (select e ->> 'excerpt' from jsonb_each(a.jobs) j, jsonb_array_elements(j.value -> 'evidence') e
                        limit 1),
                       a.analysed_at,
                       (select c.check_run_id from check_run_link c where c.repository_id = a.repository_id
                            and c.run_id = a.run_id)
                from run_analysis a where a.repository_id = ?1
                order by a.analysed_at desc, a.run_id desc limit ?2""")
                .setParameter(1, repositoryId).setParameter(2, limit).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new FailureRow(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).doubleValue(), (String) r[7],
                    (String) r[8], NativeRows.instant(r[9]), NativeRows.longOrNull(r[10]));
        }).toList();
    }

    /** Remediations that reached a final state, per day and state, since {@code since}. */
    @Transactional
    public List<DayOutcome> outcomesByDay(Collection<Long> repositories, Instant since) {
        List<?> rows = em.createNativeQuery("""
                select cast(date_trunc('day', at at time zone 'UTC') as date), to_state, count(*) from audit_event
                where repository_id = any(cast(?1 as bigint[])) and at >= ?2
                  and to_state in ('DONE', 'FAILED', 'REJECTED', 'EXPIRED', 'SKIPPED')
                  and from_state is distinct from to_state
                group by 1, 2 order by 1, 2""")
                .setParameter(1, idArray(repositories)).setParameter(2, since).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            LocalDate day = r[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) r[0];
            return new DayOutcome(day, (String) r[1], ((Number) r[2]).longValue());
        }).toList();
    }

    private List<Count> counts(String sql, Collection<Long> repositories) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, idArray(repositories)).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Count((String) r[0], ((Number) r[1]).longValue());
        }).toList();
    }

    private List<RemediationRow> remediations(String where, Object first, int limit) {
        List<?> rows = em.createNativeQuery("select " + REMEDIATION_COLUMNS
                + " from remediation r join repository p on p.id = r.repository_id where " + where)
                .setParameter(1, first instanceof Collection<?> ids ? idArray(ids) : first).setParameter(2, limit)
                .getResultList();
        return rows.stream().map(row -> remediationRow((Object[]) row)).toList();
    }

    private static RemediationRow remediationRow(Object[] r) {
        return new RemediationRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).doubleValue(), NativeRows.instant(r[7]),
                NativeRows.instant(r[8]), NativeRows.longOrNull(r[9]), (String) r[10],
                r[11] == null ? null : ((Number) r[11]).intValue(), (String) r[12], (String) r[13],
                NativeRows.longOrNull(r[14]), (String) r[15]);
    }

    /** A PostgreSQL array literal of ids, bound as text and cast: JDBC binds no collection as an array here. */
    private static String idArray(Collection<?> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
