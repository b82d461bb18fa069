package dev.remediator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.DeliveryRows;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.InjectFakeGitHub;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;

/** A transient failure is re-run once, and not again when it fails a second time. */
@QuarkusTest
class TransientFailureTest {

    @InjectFakeGitHub
    FakeGitHub github;

    @Inject
    DeliveryRows rows;

    @AfterEach
    void everyRequestWasOneGitHubAccepts() {
        github.assertNoViolations();
    }

    @Test
    void aTransientFailureIsReRunOnceAndNotAgainOnItsSecondFailure() {
        CiScenario ci = CiScenario.create(github, rows, "transient").config("mode: auto\n");
        String sha = ci.commit("Tune the build", "alice", Map.of("build.gradle", "plugins {}\n"));
        WorkflowRun run = ci.run(sha, "main", "failure", "runner-shutdown.log");

        ci.deliver(ci.completed(run));

        assertThat(ci.repo.reruns()).singleElement().satisfies(r -> assertThat(r.runId()).isEqualTo(run.id()));
        CheckRun check = ci.repo.checkRuns().stream().filter(c -> c.name().equals("Remediator")).findFirst().orElseThrow();
        assertThat(check.headSha()).isEqualTo(sha);
        assertThat(check.conclusion()).isEqualTo("success");
        assertThat(check.title()).contains("Infrastructure failure", "rerun done");

        run.latestAttempt().complete("build", "failure", CiScenario.log("runner-shutdown.log"));
        ci.deliver(ci.completed(run));

        assertThat(ci.repo.reruns()).as("no second re-run").hasSize(1);
        assertThat(ci.repo.checkRuns()).as("the same check run, updated").hasSize(1);
        assertThat(check.summary()).contains("already re-run", "attempt 2");
        assertThat(check.conclusion()).isEqualTo("neutral");
    }
}
