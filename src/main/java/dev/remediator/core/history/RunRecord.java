package dev.remediator.core.history;

import java.time.Instant;
import java.util.List;

/**
 * What the store knows of one attempt of one workflow run: enough to compare runs with each other.
 *
 * @param conclusion   GitHub's conclusion: success, failure, timed_out, cancelled...
 * @param failingTests the tests its analysis found failing (empty for green runs or runs not analysed)
 */
public record RunRecord(long runId, int attempt, Long workflowId, String headSha, String headBranch,
        String conclusion, List<String> failingTests, Instant completedAt) {

    public RunRecord {
        failingTests = List.copyOf(failingTests);
    }

    public boolean green() {
        return "success".equals(conclusion);
    }

    public boolean red() {
        return "failure".equals(conclusion) || "timed_out".equals(conclusion);
    }

    public String label() {
        return "run " + runId + (attempt > 1 ? " (attempt " + attempt + ")" : "");
    }
}
