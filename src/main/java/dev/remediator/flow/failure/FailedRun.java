package dev.remediator.flow.failure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.history.RunRecord;
import dev.remediator.store.RemediationStore;
import dev.remediator.store.RunHistoryStore;

/**
 * A workflow run attempt to analyse, with the repository it belongs to: what a {@code workflow_run} payload says.
 *
 * @param baseBranch the base of the run's pull request, or the default branch
 * @param fromFork   the run's code comes from another repository (a fork's pull request)
 * @param receivedAt when the delivery reached us: the start of the detection latency
 */
public record FailedRun(long installationId, long repositoryId, String repository, String defaultBranch, long runId,
        int attempt, Long workflowId, String workflowName, String workflowPath, String headSha, String headBranch,
        String baseBranch, String conclusion, List<Integer> pullRequests, boolean fromFork, String url,
        Instant receivedAt) {

    public FailedRun {
        pullRequests = List.copyOf(pullRequests);
    }

    /** From a {@code workflow_run} delivery's payload. */
    public static FailedRun of(long installationId, JsonNode payload, Instant receivedAt) {
        JsonNode repository = payload.path("repository");
        JsonNode run = payload.path("workflow_run");
        String workflowName = run.path("name").asText(payload.path("workflow").path("name").asText("workflow"));
        return fromRun(installationId, repository.path("id").asLong(), repository.path("full_name").asText(),
                repository.path("default_branch").asText("main"), run, receivedAt).named(workflowName);
    }

    /** From a workflow run as GitHub describes it (a payload's {@code workflow_run}, or {@code GET .../runs/{id}}). */
    public static FailedRun fromRun(long installationId, long repositoryId, String repository, String defaultBranch,
            JsonNode run, Instant receivedAt) {
        List<Integer> pulls = new ArrayList<>();
        String baseBranch = defaultBranch;
        for (JsonNode pull : run.path("pull_requests")) {
            pulls.add(pull.path("number").asInt());
            baseBranch = pull.path("base").path("ref").asText(baseBranch);
        }
        String headRepository = run.path("head_repository").path("full_name").asText(repository);
        return new FailedRun(installationId, repositoryId, repository, defaultBranch, run.path("id").asLong(),
                run.path("run_attempt").asInt(1), run.hasNonNull("workflow_id") ? run.path("workflow_id").asLong() : null,
                run.path("name").asText("workflow"), run.path("path").asText(null), run.path("head_sha").asText(),
                run.path("head_branch").asText(null), baseBranch, run.path("conclusion").asText(null), pulls,
                !headRepository.equalsIgnoreCase(repository), run.path("html_url").asText(""), receivedAt);
    }

    /** This run as its attempt {@code attempt}, which failed (a later attempt may have passed since). */
    public FailedRun failedAttempt(int attempt) {
        return new FailedRun(installationId, repositoryId, repository, defaultBranch, runId, attempt, workflowId,
                workflowName, workflowPath, headSha, headBranch, baseBranch, "failure", pullRequests, fromFork, url,
                receivedAt);
    }

    private FailedRun named(String name) {
        return new FailedRun(installationId, repositoryId, repository, defaultBranch, runId, attempt, workflowId, name,
                workflowPath, headSha, headBranch, baseBranch, conclusion, pullRequests, fromFork, url, receivedAt);
    }

    /** Another attempt (or run) of the same workflow at the same commit, as stored after its analysis. */
    public FailedRun sibling(RunHistoryStore.AnalysisRecord analysed) {
        return new FailedRun(installationId, repositoryId, repository, defaultBranch, analysed.run().runId(),
                analysed.run().attempt(), workflowId, analysed.workflowName(), workflowPath, headSha, headBranch,
                baseBranch, "failure", analysed.pullRequests(), fromFork, analysed.runUrl(), receivedAt);
    }

    public FailedRun withPullRequests(List<Integer> numbers) {
        return new FailedRun(installationId, repositoryId, repository, defaultBranch, runId, attempt, workflowId,
                workflowName, workflowPath, headSha, headBranch, baseBranch, conclusion, numbers, fromFork, url, receivedAt);
    }

    public boolean failed() {
        return "failure".equals(conclusion) || "timed_out".equals(conclusion);
    }

    public RunRecord record(List<String> failingTests) {
        return new RunRecord(runId, attempt, workflowId, headSha, headBranch, conclusion, failingTests, receivedAt);
    }

    RunHistoryStore.AnalysedRun analysed() {
        return new RunHistoryStore.AnalysedRun(runId, attempt, repositoryId, headSha, headBranch, workflowId);
    }

    RemediationStore.RunKey key() {
        return new RemediationStore.RunKey(repositoryId, runId, attempt, headSha, headBranch);
    }
}
