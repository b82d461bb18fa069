package dev.remediator.store;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Every attempt of every workflow run we hear of, red or green: the history that evidence is drawn from. */
@ApplicationScoped
public class WorkflowRunStore {

    /** One attempt of a run, as a {@code workflow_run} payload describes it. */
    public record RunAttempt(long runId, int attempt, long repositoryId, Long workflowId, String workflowName,
            String workflowPath, String headSha, String headBranch, String event, String status, String conclusion,
            List<Integer> pullRequestNumbers, Instant startedAt, String deliveryId) {
    }

    @Inject
    EntityManager em;

    /**
     * Later states win; an older delivery arriving late never turns a completed run back to in_progress. Done for
     * every run delivery: one statement, no transaction of its own.
     */
    @Transactional(TxType.SUPPORTS)
    public void save(RunAttempt run) {
        em.createNativeQuery("""
                insert into workflow_run (run_id, run_attempt, repository_id, workflow_id, workflow_name, workflow_path,
                    head_sha, head_branch, event, status, conclusion, pull_request_numbers, run_started_at, delivery_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, cast(?12 as integer[]), ?13, ?14)
                on conflict (run_id, run_attempt) do update set
                    status = case when workflow_run.status = 'completed' then workflow_run.status else excluded.status end,
                    conclusion = coalesce(workflow_run.conclusion, excluded.conclusion),
                    pull_request_numbers = excluded.pull_request_numbers,
                    run_started_at = coalesce(workflow_run.run_started_at, excluded.run_started_at),
                    delivery_id = case when workflow_run.status = 'completed' then workflow_run.delivery_id
                                       else excluded.delivery_id end,
                    updated_at = now()
                returning run_id""")
                .setParameter(1, run.runId())
                .setParameter(2, run.attempt())
                .setParameter(3, run.repositoryId())
                .setParameter(4, run.workflowId())
                .setParameter(5, run.workflowName())
                .setParameter(6, run.workflowPath())
                .setParameter(7, run.headSha())
                .setParameter(8, run.headBranch())
                .setParameter(9, run.event())
                .setParameter(10, run.status())
                .setParameter(11, run.conclusion())
                .setParameter(12, arrayLiteral(run.pullRequestNumbers()))
                .setParameter(13, run.startedAt())
                .setParameter(14, run.deliveryId())
                .getResultList();
    }

    static String arrayLiteral(List<Integer> numbers) {
        return "{" + String.join(",", numbers.stream().map(String::valueOf).toList()) + "}";
    }
}
