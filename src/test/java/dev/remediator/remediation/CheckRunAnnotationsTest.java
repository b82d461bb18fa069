package dev.remediator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;

/** More failing locations than GitHub takes in one request: annotations go in batches of 50, once. */
@QuarkusTest
class CheckRunAnnotationsTest extends EndToEndTest {

    @Test
    void annotationsAreSentInBatchesOfFiftyAndOnlyOnce() {
        CiScenario ci = scenario("annotations");
        ci.repo.branch("feature", ci.commit("Initial", "alice", Map.of("README.md", "# x\n")));
        String sha = ci.repo.commit("feature", "Refactor", "alice", Map.of("setup.py", "# v2\n"));
        WorkflowRun run = ci.repo.workflowRun(CiScenario.nextId(), ci.workflow, sha).headBranch("feature");
        run.job(CiScenario.nextId(), "tests (3.10)", "failure", CiScenario.log("python-many-failures-1.log"));
        run.job(CiScenario.nextId(), "tests (3.11)", "failure", CiScenario.log("python-many-failures-2.log"));

        ci.deliver(ci.completed(run));

        CheckRun check = ci.repo.checkRuns().get(0);
        assertThat(check.annotations()).hasSizeGreaterThan(50);
        assertThat(check.updates()).as("every request within GitHub's 50, or the fake records a violation")
                .allSatisfy(update -> assertThat(update.path("output").path("annotations").size()).isLessThanOrEqualTo(50));
        int annotations = check.annotations().size();

        ci.deliver(ci.completed(run));
        assertThat(check.annotations()).as("a second delivery of the same event adds none").hasSize(annotations);
    }
}
