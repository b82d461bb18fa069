package dev.remediator.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.remediator.core.report.CheckRunReport;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.RemediationRows;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;

/** Approval expiry, the daily pull request limit, protected paths and fork pull requests each stop an action and say why. */
@QuarkusTest
class RemediationStopsTest extends EndToEndTest {

    private static final String SOURCE = "torch/csrc/profiler/kineto_metadata.cpp";

    @Inject
    RemediationRows remediations;

    /** A green run, then one commit that breaks the build; returns the red run's check run. */
    private CheckRun breakMain(CiScenario ci, Map<String, String> culpritFiles) {
        String green = ci.commit("Add profiler metadata", "alice", Map.of(SOURCE, "int metadata() { return 1; }\n"));
        ci.deliver(ci.completed(ci.run(green, "main", "success", "runner-shutdown.log")));
        String red = ci.commit("Change " + String.join(", ", culpritFiles.keySet()), "bob", culpritFiles);
        ci.deliver(ci.completed(ci.run(red, "main", "failure", "cpp-compile-error.log")));
        return ci.repo.checkRuns().stream().filter(c -> c.headSha().equals(red)).findFirst().orElseThrow();
    }

    @Test
    void anApprovalNobodyGivesExpiresAndTheButtonsGo() {
        CiScenario ci = scenario("expiry").config("approval: {timeout_hours: 2}\n");
        CheckRun check = breakMain(ci, Map.of(SOURCE, "int metadata() { return size; }\n"));
        assertThat(check.conclusion()).isEqualTo("action_required");
        long id = CheckRunReport.remediationId(check.actions().get(0).path("identifier").asText(), CheckRunReport.APPROVE);

        remediations.makeApprovalOverdue(id);

        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(remediations.state(id)));
        await().atMost(Duration.ofSeconds(10)).until(() -> "neutral".equals(check.conclusion()));
        assertThat(check.actions()).isEmpty();
        assertThat(CiScenario.plain(check.summary())).contains("Revert · risk", "· expired", "nobody approved or rejected it before");
        assertThat(ci.repo.pullRequests()).isEmpty();
    }

    @Test
    void theDailyPullRequestLimitStopsTheNextRevert() {
        CiScenario ci = scenario("limit").config("mode: auto\nrisk_threshold: 10\nmax_prs_per_day: 1\n");
        breakMain(ci, Map.of(SOURCE, "int metadata() { return size; }\n"));
        assertThat(ci.repo.pullRequests()).as("the first revert is opened on its own").hasSize(1);

        String fixed = ci.commit("Fix the build", "carol", Map.of(SOURCE, "int metadata() { return 2; }\n"));
        ci.deliver(ci.completed(ci.run(fixed, "main", "success", "runner-shutdown.log")));
        String broken = ci.commit("Break it again", "dave", Map.of(SOURCE, "int metadata() { return sizes; }\n"));
        ci.deliver(ci.completed(ci.run(broken, "main", "failure", "cpp-compile-error.log")));

        CheckRun second = ci.repo.checkRuns().stream().filter(c -> c.headSha().equals(broken)).findFirst().orElseThrow();
        assertThat(ci.repo.pullRequests()).hasSize(1);
        assertThat(second.conclusion()).isEqualTo("neutral");
        assertThat(second.title()).contains("revert skipped");
        assertThat(CiScenario.plain(second.summary())).contains("the daily limit of 1 pull requests is reached");
    }

    @Test
    void aCulpritThatChangedProtectedPathsIsNotReverted() {
        CiScenario ci = scenario("protected").config("mode: auto\nrisk_threshold: 10\n");
        CheckRun check = breakMain(ci, Map.of(".github/workflows/ci.yml", "on: push\njobs: {}\n"));

        assertThat(ci.repo.pullRequests()).isEmpty();
        assertThat(check.title()).contains("revert skipped");
        assertThat(CiScenario.plain(check.summary())).contains("protected paths (.github/workflows/ci.yml)",
                "never writes there", "| protected paths | +3.0 | .github/workflows/ci.yml |");
    }

    @Test
    void aForkPullRequestIsNeverActedOn() {
        CiScenario ci = scenario("fork").config("mode: auto\nrisk_threshold: 10\n");
        String base = ci.commit("Initial", "alice", Map.of("README.md", "# x\n"));
        ci.repo.pullRequestFromFork(9, "mallory/fork", "patch-1", base, "main");
        // as on GitHub, the run of a fork's pull request does not name the pull request
        WorkflowRun run = ci.run(base, "patch-1", "failure", "runner-shutdown.log");

        ci.deliver(ci.completed(run, "mallory/fork"));

        assertThat(ci.repo.reruns()).as("not even a re-run of a fork's code").isEmpty();
        CheckRun check = ci.repo.checkRuns().get(0);
        assertThat(check.title()).contains("analysis only");
        assertThat(CiScenario.plain(check.summary())).contains("from a fork: Remediator never re-runs or changes a fork's code");
        assertThat(ci.repo.comments(9)).singleElement()
                .satisfies(c -> assertThat(CiScenario.plain(c.body())).contains("from a fork"));
    }
}
