package dev.remediator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;

/** A transient failure is re-run once, and not again when it fails a second time. */
@QuarkusTest
class TransientFailureTest extends EndToEndTest {

    @Test
    void aTransientFailureIsReRunOnceAndNotAgainOnItsSecondFailure() {
        CiScenario ci = scenario("transient").config("mode: auto\n");
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

    @Test
    void aNewInstallationReRunsATransientFailureWithoutAskingAndSaysSo() {
        CiScenario ci = scenario("fresh");
        WorkflowRun run = runnerShutDown(ci);

        ci.deliver(ci.completed(run));

        assertThat(ci.repo.reruns()).singleElement().satisfies(r -> assertThat(r.runId()).isEqualTo(run.id()));
        CheckRun check = ci.repo.checkRuns().get(0);
        assertThat(check.title()).contains("rerun done");
        assertThat(CiScenario.plain(check.summary())).contains("runs without asking",
                "failures.rerun.automatic: false makes it ask");
    }

    @Test
    void anAutomaticReRunTurnedOffAsks() {
        CiScenario ci = scenario("asks").config("failures: {rerun: {automatic: false}}\n");

        ci.deliver(ci.completed(runnerShutDown(ci)));

        assertThat(ci.repo.reruns()).isEmpty();
        assertThat(ci.repo.checkRuns().get(0).title()).contains("rerun awaiting approval");
    }

    @Test
    void aReRunThatWentThroughButWhoseAnswerWasLostIsNotSentAgain() {
        CiScenario ci = scenario("lost-rerun");
        WorkflowRun run = runnerShutDown(ci);
        github.faults().loseAnswerOfNext(502, 1, ".*/rerun-failed-jobs");

        ci.deliver(ci.completed(run));

        assertThat(ci.repo.reruns()).as("GitHub re-ran it on the first try; a second re-run would run it twice")
                .singleElement().satisfies(r -> assertThat(r.attempt()).isEqualTo(2));
        assertThat(ci.repo.checkRuns().get(0).title()).contains("rerun done");
    }

    @Test
    void aReRunThatGitHubRefusedWithA502IsSentAgain() {
        CiScenario ci = scenario("refused-rerun");
        WorkflowRun run = runnerShutDown(ci);
        github.faults().failNext(502, 1, ".*/rerun-failed-jobs");

        ci.deliver(ci.completed(run));

        assertThat(ci.repo.reruns()).singleElement().satisfies(r -> assertThat(r.runId()).isEqualTo(run.id()));
        assertThat(ci.repo.checkRuns().get(0).title()).contains("rerun done");
    }

    /** A build that failed because its runner shut down: a transient failure. */
    private static WorkflowRun runnerShutDown(CiScenario ci) {
        String sha = ci.commit("Tune the build", "alice", Map.of("build.gradle", "plugins {}\n"));
        return ci.run(sha, "main", "failure", "runner-shutdown.log");
    }
}
