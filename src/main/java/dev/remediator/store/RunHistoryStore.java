package dev.remediator.store;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.history.RunRecord;

/**
 * Analyses of failed runs, and the history the evidence is drawn from: every recorded run attempt with the tests
 * its analysis found failing.
 */
@ApplicationScoped
public class RunHistoryStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How far back the history reaches for flaky tests and broken trunks. */
    static final int RECENT_RUNS = 20;

    @Inject
    EntityManager em;

    public record AnalysedRun(long runId, int attempt, long repositoryId, String headSha, String headBranch,
            Long workflowId) {
    }

    @Transactional
    public void saveAnalysis(AnalysedRun run, RunAnalysis analysis, long millis, String deliveryId) {
        em.createNativeQuery("""
                insert into run_analysis (run_id, run_attempt, repository_id, head_sha, head_branch, workflow_id, category,
                    confidence, transient, failing_tests, locations, jobs, analysis_millis, delivery_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as text[]), cast(?11 as text[]), cast(?12 as jsonb),
                    ?13, ?14)
                on conflict (run_id, run_attempt) do update set category = excluded.category,
                    confidence = excluded.confidence, transient = excluded.transient,
                    failing_tests = excluded.failing_tests, locations = excluded.locations, jobs = excluded.jobs,
                    analysed_at = now(), analysis_millis = excluded.analysis_millis, delivery_id = excluded.delivery_id""")
                .setParameter(1, run.runId()).setParameter(2, run.attempt()).setParameter(3, run.repositoryId())
                .setParameter(4, run.headSha()).setParameter(5, run.headBranch()).setParameter(6, run.workflowId())
                .setParameter(7, analysis.category().name()).setParameter(8, analysis.confidence())
                .setParameter(9, analysis.transientFailure())
                .setParameter(10, textArray(analysis.failingTests()))
                .setParameter(11, textArray(analysis.locations().stream().map(Object::toString).toList()))
                .setParameter(12, json(analysis.jobs()))
                .setParameter(13, millis).setParameter(14, deliveryId)
                .executeUpdate();
    }

    /** The attempts of runs of one workflow at one SHA, with their failing tests. */
    @Transactional
    public List<RunRecord> atSha(long repositoryId, String headSha, Long workflowId) {
        return records("w.repository_id = ?1 and w.head_sha = ?2 and w.workflow_id is not distinct from ?3",
                "w.run_id, w.run_attempt", repositoryId, headSha, workflowId);
    }

    /** The latest completed attempts of one workflow on a branch, newest first. */
    @Transactional
    public List<RunRecord> recentOnBranch(long repositoryId, String branch, Long workflowId) {
        return records("w.repository_id = ?1 and w.head_branch = ?2 and w.workflow_id is not distinct from ?3 "
                + "and w.status = 'completed'", "w.updated_at desc limit " + RECENT_RUNS, repositoryId, branch, workflowId);
    }

    /** The latest green run of a workflow on a branch that completed before a given run. */
    @Transactional
    public Optional<RunRecord> lastGreenBefore(long repositoryId, String branch, Long workflowId, long runId) {
        return records("w.repository_id = ?1 and w.head_branch = ?2 and w.workflow_id is not distinct from ?3 "
                + "and w.conclusion = 'success' and w.run_id < " + runId, "w.run_id desc limit 1",
                repositoryId, branch, workflowId).stream().findFirst();
    }

    private List<RunRecord> records(String where, String orderBy, Object... parameters) {
        var query = em.createNativeQuery("""
                select w.run_id, w.run_attempt, w.workflow_id, w.head_sha, w.head_branch, w.conclusion,
                       coalesce(a.failing_tests, '{}'), w.updated_at
                from workflow_run w left join run_analysis a on a.run_id = w.run_id and a.run_attempt = w.run_attempt
                where\s""" + where + " order by " + orderBy);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList().stream().map(row -> {
            Object[] r = (Object[]) row;
            return new RunRecord(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                    r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5],
                    strings(r[6]), instant(r[7]));
        }).toList();
    }

    static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            literal.append(i == 0 ? "" : ",").append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static List<String> strings(Object value) {
        try {
            Object array = value instanceof Array sql ? sql.getArray() : value;
            return array instanceof String[] strings ? Arrays.asList(strings) : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException("reading a text[] column", e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("analyses are plain records", e);
        }
    }
}
