package dev.remediator.flow.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.RecordedRequest;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;

/** A failed job is read beside the log of the same job's last green run: what is new ranks first. */
@QuarkusTest
class PassingBaselineTest extends EndToEndTest {

    private static final String PASSING = """
            2026-11-30T09:00:01.1000000Z ##[group]Run ./gradlew check
            2026-11-30T09:00:02.1000000Z error: connection to cache.example.com timed out after 3021 ms, using the local cache
            2026-11-30T09:00:09.1000000Z BUILD SUCCESSFUL in 7s
            """;
    private static final String FAILING = """
            2026-12-01T10:00:01.2000000Z ##[group]Run ./gradlew check
            2026-12-01T10:00:02.2000000Z error: connection to cache.example.com timed out after 2987 ms, using the local cache
            2026-12-01T10:00:03.2000000Z compiling 12 files
            2026-12-01T10:00:04.2000000Z error: column "owner_id" of relation "pets" does not exist
            2026-12-01T10:00:05.2000000Z ##[error]Process completed with exit code 1.
            """;

    @Test
    void aJobThatPassedOnThePreviousRunGetsItsBaselineFetchedOnceAndTheNewLinesRankFirst() {
        CiScenario ci = scenario("baseline");
        WorkflowRun green = run(ci, ci.commit("Add pets", "alice", Map.of("pets.sql", "create table pets();\n")),
                "success", PASSING);
        ci.deliver(ci.completed(green));
        WorkflowRun red = run(ci, ci.commit("Rename owner", "bob", Map.of("pets.sql", "create table pets(owner);\n")),
                "failure", FAILING);

        ci.deliver(ci.completed(red));

        CheckRun check = ci.repo.checkRuns().get(0);
        assertThat(CiScenario.plain(check.text())).contains("lines 3–5")
                .contains("new since the passing run")
                .contains("4  error: column \"owner_id\" of relation \"pets\" does not exist");
        assertThat(check.text().indexOf("owner_id")).isLessThan(check.text().indexOf("cache.example.com"));
        assertThat(requests(ci, "actions/list-jobs-for-workflow-run-attempt"))
                .filteredOn(request -> request.path().contains("/runs/" + green.id() + "/")).hasSize(1);
        assertThat(requests(ci, "actions/download-job-logs-for-workflow-run")).extracting(RecordedRequest::path)
                .as("the failed job's log and its passing namesake's, once each").hasSize(2).doesNotHaveDuplicates();
        github.assertNoViolations();
    }

    @Test
    void withoutAPassingRunThereIsNoExtraCall() {
        CiScenario ci = scenario("no-baseline");
        WorkflowRun red = run(ci, ci.commit("Rename owner", "bob", Map.of("pets.sql", "create table pets(owner);\n")),
                "failure", FAILING);

        ci.deliver(ci.completed(red));

        CheckRun check = ci.repo.checkRuns().get(0);
        assertThat(check.text()).doesNotContain("passing run");
        assertThat(requests(ci, "actions/list-jobs-for-workflow-run-attempt")).hasSize(1);
        assertThat(requests(ci, "actions/download-job-logs-for-workflow-run")).hasSize(1);
        github.assertNoViolations();
    }

    /** The scenario's own requests: the fake GitHub serves every test of the run. */
    private java.util.List<RecordedRequest> requests(CiScenario ci, String operationId) {
        return github.requests(operationId).stream()
                .filter(request -> request.path().startsWith("/repos/" + ci.repo.fullName() + "/")).toList();
    }

    private static WorkflowRun run(CiScenario ci, String sha, String conclusion, String log) {
        WorkflowRun run = ci.repo.workflowRun(CiScenario.nextId(), ci.workflow, sha).headBranch("main");
        run.job(CiScenario.nextId(), "build", conclusion, () -> new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
        return run;
    }
}
