package dev.remediator.store;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.remediator.core.analysis.JobAnalysis;
import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.config.ConfigProblem;
import dev.remediator.core.history.Culprit;
import dev.remediator.core.history.RunRecord;

/**
 * Analyses of failed runs, and the history the evidence is drawn from: every recorded run attempt with the tests
 * its analysis found failing.
 */
@ApplicationScoped
public class RunHistoryStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, JobAnalysis>> JOBS = new TypeReference<>() {
    };
    private static final TypeReference<List<ConfigProblem>> PROBLEMS = new TypeReference<>() {
    };

    /** How far back the history reaches for flaky tests and broken trunks. */
    static final int RECENT_RUNS = 20;

    @Inject
    EntityManager em;

    public record AnalysedRun(long runId, int attempt, long repositoryId, String headSha, String headBranch,
            Long workflowId) {
    }

    /** An analysis with what its reports need: the run's name and address, the culprit, the config's problems. */
    public record AnalysisRecord(AnalysedRun run, String workflowName, String runUrl, List<Integer> pullRequests,
            RunAnalysis analysis, Culprit culprit, String configLocation, List<ConfigProblem> configProblems) {
        public AnalysisRecord {
            pullRequests = List.copyOf(pullRequests);
            configProblems = List.copyOf(configProblems);
        }
    }

    /** One statement, no transaction of its own. */
    @Transactional(TxType.SUPPORTS)
    public void saveAnalysis(AnalysisRecord record, long millis, String deliveryId) {
        AnalysedRun run = record.run();
        RunAnalysis analysis = record.analysis();
        em.createNativeQuery("""
                insert into run_analysis (run_id, run_attempt, repository_id, head_sha, head_branch, workflow_id,
                    workflow_name, run_url, pull_requests, culprit, config_location, config_problems, category,
                    confidence, transient, failing_tests, locations, jobs, analysis_millis, delivery_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as integer[]), cast(?10 as jsonb), ?11,
                    cast(?12 as jsonb), ?13, ?14, ?15, cast(?16 as text[]), cast(?17 as text[]), cast(?18 as jsonb), ?19, ?20)
                on conflict (run_id, run_attempt) do update set category = excluded.category,
                    confidence = excluded.confidence, transient = excluded.transient, culprit = excluded.culprit,
                    config_location = excluded.config_location, config_problems = excluded.config_problems,
                    failing_tests = excluded.failing_tests, locations = excluded.locations, jobs = excluded.jobs,
                    analysed_at = now(), analysis_millis = excluded.analysis_millis, delivery_id = excluded.delivery_id
                returning run_id""")
                .setParameter(1, run.runId()).setParameter(2, run.attempt()).setParameter(3, run.repositoryId())
                .setParameter(4, run.headSha()).setParameter(5, run.headBranch()).setParameter(6, run.workflowId())
                .setParameter(7, record.workflowName()).setParameter(8, record.runUrl())
                .setParameter(9, WorkflowRunStore.arrayLiteral(record.pullRequests()))
                .setParameter(10, record.culprit() == null ? null : json(record.culprit()))
                .setParameter(11, record.configLocation()).setParameter(12, json(record.configProblems()))
                .setParameter(13, analysis.category().name()).setParameter(14, analysis.confidence())
                .setParameter(15, analysis.transientFailure())
                .setParameter(16, textArray(analysis.failingTests()))
                .setParameter(17, textArray(analysis.locations().stream().map(Object::toString).toList()))
                .setParameter(18, json(analysis.jobs()))
                .setParameter(19, millis).setParameter(20, deliveryId)
                .getResultList();
    }

    /** The latest analysed attempt of each run of a repository, newest run first, after {@code afterRun} if given. */
    @Transactional
    public List<AnalysisSummary> analyses(long repositoryId, Long afterRun, int limit) {
        List<?> rows = em.createNativeQuery("""
                select distinct on (run_id) run_id, run_attempt, head_sha, head_branch, workflow_name, category,
                       confidence, transient, failing_tests, analysed_at, analysis_millis
                from run_analysis where repository_id = ?1 and (cast(?2 as bigint) is null or run_id < ?2)
                order by run_id desc, run_attempt desc limit ?3""")
                .setParameter(1, repositoryId).setParameter(2, afterRun).setParameter(3, limit).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new AnalysisSummary(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).doubleValue(), (Boolean) r[7],
                    strings(r[8]), NativeRows.instant(r[9]), r[10] == null ? null : ((Number) r[10]).intValue());
        }).toList();
    }

    public record AnalysisSummary(long runId, int attempt, String headSha, String headBranch, String workflowName,
            String category, double confidence, boolean transientFailure, List<String> failingTests, Instant analysedAt,
            Integer analysisMillis) {
    }

    /** The run of a pull request analysed last, if any. */
    @Transactional
    public Optional<Long> latestRunOfPull(long repositoryId, int pullNumber) {
        List<?> rows = em.createNativeQuery("select run_id from run_analysis where repository_id = ?1 "
                + "and ?2 = any(pull_requests) order by analysed_at desc limit 1")
                .setParameter(1, repositoryId).setParameter(2, pullNumber).getResultList();
        return rows.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** The analysis of a run's latest analysed attempt, to draw its reports again. */
    @Transactional(TxType.SUPPORTS)
    public Optional<AnalysisRecord> latestAnalysis(long repositoryId, long runId) {
        List<?> rows = em.createNativeQuery("""
                select run_id, run_attempt, repository_id, head_sha, head_branch, workflow_id, workflow_name, run_url,
                       pull_requests, cast(culprit as text), config_location, cast(config_problems as text), cast(jobs as text)
                from run_analysis where repository_id = ?1 and run_id = ?2 order by run_attempt desc limit 1""")
                .setParameter(1, repositoryId).setParameter(2, runId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            AnalysedRun run = new AnalysedRun(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                    ((Number) r[2]).longValue(), (String) r[3], (String) r[4],
                    r[5] == null ? null : ((Number) r[5]).longValue());
            try {
                Map<String, JobAnalysis> jobs = JSON.readValue((String) r[12], JOBS);
                Culprit culprit = r[9] == null ? null : JSON.readValue((String) r[9], Culprit.class);
                return new AnalysisRecord(run, (String) r[6], (String) r[7], integers(r[8]), RunAnalysis.merge(jobs),
                        culprit, (String) r[10], JSON.readValue((String) r[11], PROBLEMS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the analysis of run " + runId + " is not readable", e);
            }
        });
    }

    /** The attempts of runs of one workflow at one SHA, with their failing tests. */
    @Transactional(TxType.SUPPORTS)
    public List<RunRecord> atSha(long repositoryId, String headSha, Long workflowId) {
        return records("w.head_sha = :sha", "w.run_id, w.run_attempt", repositoryId, workflowId,
                new Bound("sha", headSha));
    }

    /** The latest completed attempts of one workflow on a branch, newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<RunRecord> recentOnBranch(long repositoryId, String branch, Long workflowId) {
        return records("w.head_branch = :branch and w.status = 'completed'", "w.updated_at desc limit " + RECENT_RUNS,
                repositoryId, workflowId, new Bound("branch", branch));
    }

    /** The latest green run of a workflow on a branch that completed before a given run. */
    @Transactional(TxType.SUPPORTS)
    public Optional<RunRecord> lastGreenBefore(long repositoryId, String branch, Long workflowId, long runId) {
        return records("w.head_branch = :branch and w.conclusion = 'success' and w.run_id < :before",
                "w.run_id desc limit 1", repositoryId, workflowId, new Bound("branch", branch), new Bound("before", runId))
                .stream().findFirst();
    }

    /**
     * The latest green run of a workflow on a branch that completed since {@code since}, before a given run: the
     * passing run whose logs show what a failed run printed anew.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<RunRecord> lastGreenSince(long repositoryId, String branch, Long workflowId, long runId,
            Instant since) {
        return records("w.head_branch = :branch and w.conclusion = 'success' and w.updated_at >= :since "
                + "and w.run_id < :before", "w.run_id desc limit 1", repositoryId, workflowId,
                new Bound("branch", branch), new Bound("since", since), new Bound("before", runId)).stream().findFirst();
    }

    /**
     * Runs of one repository's workflow that also meet {@code where}. The workflow is matched by equality, so that the
     * indexes on (repository, branch, workflow) serve the newest-first reads; runs GitHub sent without a workflow id
     * match each other. Every value is a parameter: a value written into the SQL would make each run's query a new
     * one, parsed and planned anew and crowding the statement caches.
     */
    private List<RunRecord> records(String where, String orderBy, long repositoryId, Long workflowId,
            Bound... parameters) {
        var query = em.createNativeQuery("""
                select w.run_id, w.run_attempt, w.workflow_id, w.head_sha, w.head_branch, w.conclusion,
                       coalesce(a.failing_tests, '{}'), w.updated_at
                from workflow_run w left join run_analysis a on a.run_id = w.run_id and a.run_attempt = w.run_attempt
                where w.repository_id = :repository and\s"""
                + (workflowId == null ? "w.workflow_id is null" : "w.workflow_id = :workflow") + " and " + where
                + " order by " + orderBy);
        query.setParameter("repository", repositoryId);
        if (workflowId != null) {
            query.setParameter("workflow", workflowId);
        }
        for (Bound parameter : parameters) {
            query.setParameter(parameter.name(), parameter.value());
        }
        return query.getResultList().stream().map(row -> {
            Object[] r = (Object[]) row;
            return new RunRecord(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                    r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5],
                    strings(r[6]), NativeRows.instant(r[7]));
        }).toList();
    }

    /** A named parameter's value; null as SQL's null, which equals nothing (a run GitHub sent without a branch). */
    private record Bound(String name, Object value) {
    }

    static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            literal.append(i == 0 ? "" : ",").append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    private static List<Integer> integers(Object value) {
        return array(value, Integer[].class);
    }

    private static List<String> strings(Object value) {
        return array(value, String[].class);
    }

    private static <T> List<T> array(Object value, Class<T[]> type) {
        try {
            Object array = value instanceof Array sql ? sql.getArray() : value;
            return type.isInstance(array) ? Arrays.asList(type.cast(array)) : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException("reading an array column", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("analyses are plain records", e);
        }
    }
}
