package dev.remediator.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * What became of Remediator's remediations, counted from the audit trail (the lifecycle's domain events): per action,
 * how many were proposed, decided, executed, validated, merged and rolled back; how long the steps from a failed run
 * took; the risk scores and failure categories seen. A repository of null counts every repository.
 */
@ApplicationScoped
public class OutcomeStore {

    @Inject
    EntityManager em;

    /**
     * @param precision merged and not rolled back, over pull requests opened; null when none was opened
     */
    public record ActionOutcomes(String action, long proposed, long approved, long rejected, long expired,
            long executed, long pullRequestsOpened, long validationPassed, long validationFailed, long merged,
            long closedUnmerged, long rolledBack, Double precision) {
    }

    /** Medians in seconds from the failed run (when Remediator heard of it); null when nothing was measured. */
    public record MedianSeconds(Double failureToFirstCheckRun, Double failureToPullRequest, Double failureToMerge) {
    }

    public record Outcomes(List<ActionOutcomes> actions, MedianSeconds medians, Map<String, Long> riskScores,
            Map<String, Long> failureCategories) {
    }

    @Transactional
    public Outcomes since(Long repositoryId, Instant since) {
        return new Outcomes(actions(repositoryId, since), medians(repositoryId, since),
                counts("""
                        select cast(floor(risk) as integer) as bucket, count(*) from remediation
                        where created_at >= ?1 and (cast(?2 as bigint) is null or repository_id = ?2)
                        group by bucket order by bucket""", repositoryId, since),
                counts("""
                        select category, count(*) from run_analysis
                        where analysed_at >= ?1 and (cast(?2 as bigint) is null or repository_id = ?2)
                        group by category order by count(*) desc, category""", repositoryId, since));
    }

    private List<ActionOutcomes> actions(Long repositoryId, Instant since) {
        List<?> rows = parameters(em.createNativeQuery("""
                select r.action,
                    count(*) filter (where a.event = 'PROPOSED_BY_PLANNER'),
                    count(distinct a.remediation_id) filter (where a.event in ('AUTO_APPROVED', 'APPROVED_BY_HUMAN')),
                    count(*) filter (where a.event = 'REJECTED_BY_HUMAN'),
                    count(*) filter (where a.event = 'APPROVAL_EXPIRED'),
                    count(*) filter (where a.event = 'EXECUTED'),
                    count(*) filter (where a.event = 'EXECUTED' and r.pull_number is not null),
                    count(*) filter (where a.event = 'VALIDATION_PASSED'),
                    count(*) filter (where a.event = 'VALIDATION_FAILED'),
                    count(distinct a.remediation_id) filter (where a.event = 'PULL_REQUEST_MERGED'),
                    count(distinct a.remediation_id) filter (where a.event = 'PULL_REQUEST_CLOSED'),
                    count(distinct a.remediation_id) filter (where a.event = 'ROLLED_BACK'),
                    count(distinct a.remediation_id) filter (where a.event = 'PULL_REQUEST_MERGED' and not exists (
                        select 1 from audit_event b where b.remediation_id = a.remediation_id and b.event = 'ROLLED_BACK'))
                from audit_event a join remediation r on r.id = a.remediation_id
                where a.at >= ?1 and (cast(?2 as bigint) is null or a.repository_id = ?2)
                group by r.action order by r.action"""), repositoryId, since).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            long opened = number(r[6]);
            return new ActionOutcomes(((String) r[0]).toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5]), opened, number(r[7]),
                    number(r[8]), number(r[9]), number(r[10]), number(r[11]),
                    opened == 0 ? null : (double) number(r[12]) / opened);
        }).toList();
    }

    private MedianSeconds medians(Long repositoryId, Instant since) {
        // a failed run: when Remediator first stored a red attempt of it
        String failed = """
                with failed as (
                    select repository_id, run_id, min(updated_at) as at from workflow_run
                    where conclusion in ('failure', 'timed_out') group by repository_id, run_id)
                """;
        Object[] r = (Object[]) parameters(em.createNativeQuery(failed + """
                select
                    (select percentile_cont(0.5) within group (order by extract(epoch from c.created_at - f.at))
                     from check_run_link c join failed f on f.repository_id = c.repository_id and f.run_id = c.run_id
                     where c.created_at >= ?1 and (cast(?2 as bigint) is null or c.repository_id = ?2)),
                    (select percentile_cont(0.5) within group (order by extract(epoch from a.at - f.at))
                     from audit_event a join remediation m on m.id = a.remediation_id
                     join failed f on f.repository_id = m.repository_id and f.run_id = m.run_id
                     where a.event = 'EXECUTED' and m.pull_number is not null and a.at >= ?1
                       and (cast(?2 as bigint) is null or a.repository_id = ?2)),
                    (select percentile_cont(0.5) within group (order by extract(epoch from a.at - f.at))
                     from audit_event a join remediation m on m.id = a.remediation_id
                     join failed f on f.repository_id = m.repository_id and f.run_id = m.run_id
                     where a.event = 'PULL_REQUEST_MERGED' and a.at >= ?1
                       and (cast(?2 as bigint) is null or a.repository_id = ?2))"""), repositoryId, since)
                .getSingleResult();
        return new MedianSeconds(decimal(r[0]), decimal(r[1]), decimal(r[2]));
    }

    private Map<String, Long> counts(String sql, Long repositoryId, Instant since) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object row : parameters(em.createNativeQuery(sql), repositoryId, since).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(String.valueOf(r[0]), number(r[1]));
        }
        return counts;
    }

    private static Query parameters(Query query, Long repositoryId, Instant since) {
        return query.setParameter(1, since).setParameter(2, repositoryId);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
