package dev.remediator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;

/** A test that fails and then passes on the re-run at the same SHA is proposed for quarantine. */
@QuarkusTest
class FlakyTestQuarantineTest extends EndToEndTest {

    private static final String FLAKY = "org.slf4j.simple.SimpleLoggerMultithreadedInitializationTest#multiThreadedInitialization";

    @Test
    void aTestThatFailsThenPassesOnTheReRunIsProposedForQuarantine() {
        CiScenario ci = scenario("flaky").config("mode: auto\nrisk_threshold: 2\n");
        String sha = ci.commit("Log more", "alice", Map.of("src/main/java/org/slf4j/simple/SimpleLogger.java", "class SimpleLogger {}\n"));
        WorkflowRun run = ci.run(sha, "main", "failure", "maven-test-failure.log");

        ci.deliver(ci.completed(run));

        assertThat(ci.repo.reruns()).as("a test failure on main is confirmed by one re-run").hasSize(1);
        CheckRun check = ci.repo.checkRuns().get(0);
        assertThat(check.title()).contains("Test failure", "confirm done");

        run.latestAttempt().complete("build", "success", CiScenario.log("maven-test-failure.log"));
        ci.deliver(ci.completed(run));

        assertThat(check.conclusion()).isEqualTo("action_required");
        assertThat(check.title()).contains("quarantine awaiting approval");
        assertThat(CiScenario.plain(check.summary())).contains("passed in run " + run.id() + " (attempt 2)", "quarantine.txt");
        assertThat(check.actions()).extracting(a -> a.path("label").asText()).containsExactly("Approve", "Reject", "Re-analyse");
        JsonNode approve = check.actions().get(0);
        assertThat(approve.path("identifier").asText()).startsWith("approve-");
        assertThat(ci.repo.pullRequests()).as("nothing opened before approval").isEmpty();

        // re-analysing reads the failed attempt again, not the green one: the proposal stays
        ci.repo.collaborator("maintainer-mia", "maintain");
        ci.deliver(ci.click(check.id(), check.actions().get(2).path("identifier").asText(), "maintainer-mia"));
        assertThat(check.conclusion()).isEqualTo("action_required");
        assertThat(check.title()).contains("Test failure", "quarantine awaiting approval");
        approve = check.actions().get(0);

        ci.deliver(ci.click(check.id(), approve.path("identifier").asText(), "maintainer-mia"));

        assertThat(ci.repo.pullRequests()).singleElement().satisfies(pull -> {
            assertThat(pull.isDraft()).isTrue();
            assertThat(pull.title()).isEqualTo("fix(ci): quarantine flaky test " + FLAKY);
            assertThat(pull.headRef()).startsWith("remediator/quarantine/");
            assertThat(ci.repo.file(pull.headRef(), ".github/quarantine.txt")).get().asString()
                    .contains("# " + FLAKY + ": flaky", "org/slf4j/simple/SimpleLoggerMultithreadedInitializationTest.java\n");
        });
        assertThat(check.conclusion()).isEqualTo("success");
    }
}
