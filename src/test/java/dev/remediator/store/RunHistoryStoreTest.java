package dev.remediator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.remediator.core.history.RunRecord;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RunHistoryStoreTest {

    @Inject
    WorkflowRunStore runs;

    @Inject
    RunHistoryStore history;

    private final long repository = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    private final long workflow = repository + 1;
    private final long firstRun = repository * 10;

    @Test
    void aBranchsHistoryIsItsWorkflowsNewestCompletedRunsAndTheirLastGreen() {
        for (int i = 0; i < 25; i++) {
            save(firstRun + i, workflow, "sha-" + i, "completed", "failure");
        }
        save(firstRun + 25, workflow, "sha-25", "completed", "success");
        save(firstRun + 26, workflow, "sha-26", "in_progress", null);
        save(firstRun + 27, workflow + 1, "sha-25", "completed", "success");
        save(firstRun + 28, null, "sha-25", "completed", "failure");

        List<RunRecord> recent = history.recentOnBranch(repository, "main", workflow);
        assertThat(recent).as("the last 20 completed runs of the workflow, newest first").hasSize(20);
        assertThat(recent.get(0).runId()).isEqualTo(firstRun + 25);
        assertThat(recent.get(19).runId()).isEqualTo(firstRun + 6);
        assertThat(recent).allMatch(r -> r.workflowId() == workflow);
        assertThat(history.recentOnBranch(repository, "main", null)).as("runs GitHub sent without a workflow id")
                .extracting(RunRecord::runId).containsExactly(firstRun + 28);
        assertThat(history.recentOnBranch(repository, "other", workflow)).isEmpty();
        assertThat(history.recentOnBranch(repository, null, workflow)).as("a run GitHub sent without a branch").isEmpty();
        assertThat(history.lastGreenBefore(repository, null, workflow, firstRun + 30)).isEmpty();

        assertThat(history.lastGreenBefore(repository, "main", workflow, firstRun + 30)).map(RunRecord::runId)
                .contains(firstRun + 25);
        assertThat(history.lastGreenBefore(repository, "main", workflow, firstRun + 25)).isEmpty();
        assertThat(history.lastGreenSince(repository, "main", workflow, firstRun + 30, Instant.now().minusSeconds(3600)))
                .map(RunRecord::runId).contains(firstRun + 25);
        assertThat(history.lastGreenSince(repository, "main", workflow, firstRun + 30, Instant.now().plusSeconds(3600)))
                .isEmpty();

        assertThat(history.atSha(repository, "sha-25", workflow)).extracting(RunRecord::runId)
                .containsExactly(firstRun + 25);
        assertThat(history.atSha(repository, "sha-25", null)).extracting(RunRecord::runId)
                .containsExactly(firstRun + 28);
    }

    private void save(long runId, Long workflowId, String sha, String status, String conclusion) {
        runs.save(new WorkflowRunStore.RunAttempt(runId, 1, repository, workflowId, "CI", ".github/workflows/ci.yml", sha,
                "main", "push", status, conclusion, List.of(), Instant.now(), null));
    }
}
