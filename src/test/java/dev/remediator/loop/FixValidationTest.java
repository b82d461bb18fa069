package dev.remediator.loop;

import static dev.remediator.loop.LoopSteps.api;
import static dev.remediator.loop.LoopSteps.approvedQuarantine;
import static dev.remediator.loop.LoopSteps.audited;
import static dev.remediator.loop.LoopSteps.merged;
import static dev.remediator.loop.LoopSteps.pullRequestRun;
import static dev.remediator.loop.LoopSteps.remediation;
import static dev.remediator.loop.LoopSteps.remediationId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.loop.LoopSteps.Fix;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.PullRequest;
import dev.remediator.testing.github.RecordedRequest;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The loop after a fix's draft pull request: its CI on the pull request's head decides its validation, shown on the
 * original check run, in the API and on the pull request; a passed fix is marked ready for review, and handed to
 * GitHub's auto-merge once when the repository opted in; a failed one is analysed, stays a draft, and is not fixed in
 * turn.
 */
@QuarkusTest
class FixValidationTest extends EndToEndTest {

    @Test
    void aQuarantineWhoseCiPassesIsReadyForReviewAndAutoMergedOnce() {
        CiScenario ci = scenario("validated").config("""
                mode: auto
                risk_threshold: 2
                automerge:
                  enabled: true
                  actions: [quarantine]
                  max_risk: 10
                """);
        Fix fix = approvedQuarantine(ci);
        assertThat(remediation(fix.id()).getString("validation.state")).isEqualTo("PENDING");

        String head = fix.pull().headSha();
        ci.deliver(ci.completed(pullRequestRun(ci, fix.pull(), "success", "maven-test-failure.log")));

        assertThat(fix.check().summary()).contains("Validation: PASSED");
        JsonPath detail = remediation(fix.id());
        assertThat(detail.getString("validation.state")).isEqualTo("PASSED");
        assertThat(detail.getString("validation.headSha")).isEqualTo(head);
        assertThat(detail.getList("validation.checks.name")).containsExactly("build");
        await().atMost(Duration.ofSeconds(20)).until(() -> fix.pull().autoMergeMethod() != null);
        assertThat(fix.pull().isDraft()).as("marked ready for review").isFalse();
        assertThat(fix.pull().autoMergeMethod()).isEqualTo("SQUASH");
        await().atMost(Duration.ofSeconds(20)).until(() -> ci.repo.comments(fix.pull().number()).stream()
                .anyMatch(c -> c.body().contains("Auto-merge: enabled")));

        // the same news again (a redelivery, a check suite) changes nothing and enables nothing twice
        ci.deliver(ci.completed(pullRequestRun(ci, fix.pull(), "success", "maven-test-failure.log")));
        ci.deliver(checkSuiteCompleted(ci, fix.pull()));
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> audited(fix.id()).contains("AUTO_MERGE_ENABLED"));
        assertThat(graphql(ci, "enablePullRequestAutoMerge")).hasSize(1);
        assertThat(graphql(ci, "markPullRequestReadyForReview")).hasSize(1);
        assertThat(audited(fix.id())).containsSubsequence("EXECUTED", "VALIDATION_STARTED", "VALIDATION_PASSED",
                "AUTO_MERGE_ENABLED");
        assertThat(audited(fix.id()).stream().filter("VALIDATION_PASSED"::equals)).hasSize(1);

        // GitHub merges it: the outcome counts in the measured figures
        ci.deliver(merged(ci, fix.pull(), ci.commit("Merge the quarantine", "remediator[bot]", Map.of())));
        JsonPath metrics = api().queryParam("repository", ci.repo.fullName()).queryParam("days", 1)
                .get("/api/metrics").then().statusCode(200).extract().jsonPath();
        String quarantine = "outcomes.actions.find { it.action == 'quarantine' }.";
        assertThat(metrics.getInt(quarantine + "proposed")).isEqualTo(1);
        assertThat(metrics.getInt(quarantine + "approved")).isEqualTo(1);
        assertThat(metrics.getInt(quarantine + "executed")).isEqualTo(1);
        assertThat(metrics.getInt(quarantine + "pullRequestsOpened")).isEqualTo(1);
        assertThat(metrics.getInt(quarantine + "validationPassed")).isEqualTo(1);
        assertThat(metrics.getInt(quarantine + "validationFailed")).isZero();
        assertThat(metrics.getInt(quarantine + "merged")).isEqualTo(1);
        assertThat(metrics.getInt(quarantine + "rolledBack")).isZero();
        assertThat(metrics.getDouble(quarantine + "precision")).isEqualTo(1.0);
        assertThat(metrics.getInt("outcomes.actions.find { it.action == 'confirm' }.executed")).isEqualTo(1);
        assertThat(metrics.getMap("outcomes.failureCategories")).containsOnlyKeys("TEST");
        assertThat(metrics.getDouble("outcomes.medians.failureToFirstCheckRun")).isNotNull();
        assertThat(metrics.getDouble("outcomes.medians.failureToMerge")).isGreaterThanOrEqualTo(
                metrics.getDouble("outcomes.medians.failureToPullRequest"));
    }

    @Test
    void withoutAutomergeAPassedFixIsReadyForReviewAndNotMerged() {
        CiScenario ci = scenario("no-automerge").config("mode: auto\nrisk_threshold: 2\n");
        Fix fix = approvedQuarantine(ci);
        // branch protection decides which checks count: the required one passed, the other is still running
        ci.repo.requireChecks("main", "build");
        WorkflowRun lint = ci.repo.workflowRun(CiScenario.nextId(), ci.workflow, fix.pull().headSha())
                .headBranch(fix.pull().headRef());
        lint.job(CiScenario.nextId(), "lint", "success", CiScenario.log("maven-test-failure.log"));
        ci.repo.status(fix.pull().headSha(), "ci/external", "success");

        ci.deliver(ci.completed(pullRequestRun(ci, fix.pull(), "success", "maven-test-failure.log")));

        assertThat(remediation(fix.id()).getString("validation.state")).isEqualTo("PASSED");
        assertThat(remediation(fix.id()).getList("validation.checks.name")).contains("build", "lint", "ci/external");
        assertThat(remediation(fix.id()).getList("validation.checks.required")).contains(true, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> !fix.pull().isDraft());
        await().atMost(Duration.ofSeconds(20)).until(() -> !ci.repo.comments(fix.pull().number()).isEmpty());
        assertThat(fix.pull().autoMergeMethod()).isNull();
        assertThat(graphql(ci, "enablePullRequestAutoMerge")).isEmpty();
        assertThat(audited(fix.id())).doesNotContain("AUTO_MERGE_ENABLED", "AUTO_MERGE_REFUSED");
    }

    @Test
    void aQuarantineOverTheRiskLimitIsNotAutoMergedAndSaysWhy() {
        CiScenario ci = scenario("risky").config("""
                mode: auto
                risk_threshold: 2
                automerge:
                  enabled: true
                  actions: [quarantine]
                  max_risk: 0
                """);
        Fix fix = approvedQuarantine(ci);

        ci.deliver(ci.completed(pullRequestRun(ci, fix.pull(), "success", "maven-test-failure.log")));

        await().atMost(Duration.ofSeconds(20)).until(() -> audited(fix.id()).contains("AUTO_MERGE_REFUSED"));
        assertThat(fix.pull().autoMergeMethod()).isNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> ci.repo.comments(fix.pull().number()).stream()
                .anyMatch(c -> CiScenario.plain(c.body()).contains("above automerge.max_risk 0")));
    }

    @Test
    void aRevertWhoseCiFailsIsAnalysedStaysADraftAndIsNotFixedInTurn() {
        CiScenario ci = scenario("revert-fails").config("""
                automerge:
                  enabled: true
                  actions: [revert, quarantine]
                  max_risk: 10
                """);
        ci.repo.collaborator("writer-wes", "write");
        String source = "torch/csrc/profiler/kineto_metadata.cpp";
        String parent = ci.commit("Add profiler metadata", "alice", Map.of(source, "int metadata() { return 1; }\n"));
        ci.deliver(ci.completed(ci.run(parent, "main", "success", "runner-shutdown.log")));
        String culprit = ci.commit("Report tensor sizes", "bob", Map.of(source, "int metadata() { return size; }\n"));
        ci.deliver(ci.completed(ci.run(culprit, "main", "failure", "cpp-compile-error.log")));
        CheckRun check = ci.repo.checkRuns().stream().filter(c -> c.headSha().equals(culprit)).findFirst().orElseThrow();
        assertThat(check.title()).contains("revert awaiting approval");
        long id = remediationId(check);
        ci.deliver(ci.click(check.id(), check.actions().get(0).path("identifier").asText(), "writer-wes"));
        PullRequest pull = ci.repo.pullRequests().stream().filter(p -> p.headRef().startsWith("remediator/revert/"))
                .findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> remediation(id).getString("validation.state") != null);
        int remediationsBefore = remediations(ci).size();

        WorkflowRun red = pullRequestRun(ci, pull, "failure", "cpp-compile-error.log");
        ci.deliver(ci.completed(red));

        JsonPath detail = remediation(id);
        assertThat(detail.getString("validation.state")).isEqualTo("FAILED");
        assertThat(detail.getString("note")).contains("CI of the fix failed", "build (failure)", "stays a draft");
        assertThat(CiScenario.plain(check.summary())).contains("Validation: FAILED", "build (failure)");
        CheckRun analysis = ci.repo.checkRuns().stream().filter(c -> c.headSha().equals(pull.headSha()))
                .findFirst().orElseThrow();
        assertThat(analysis.title()).as("the failing run is analysed like any other").contains("Compilation failure");
        assertThat(analysis.actions()).extracting(a -> a.path("label").asText()).doesNotContain("Approve");
        assertThat(remediations(ci)).as("no remediation of the fix's own failure").hasSize(remediationsBefore);
        await().atMost(Duration.ofSeconds(20)).until(() -> ci.repo.comments(pull.number()).stream()
                .anyMatch(c -> c.body().contains("stays a draft")));
        assertThat(pull.isDraft()).isTrue();
        assertThat(pull.autoMergeMethod()).isNull();
        assertThat(graphql(ci, "enablePullRequestAutoMerge")).isEmpty();
    }

    @Test
    void aMergedFixThatBreaksTheDefaultBranchIsRolledBackFirstAndCountedAgainstItsKind() {
        CiScenario ci = scenario("rollback").config("mode: auto\nrisk_threshold: 2\n");
        Fix fix = approvedQuarantine(ci);
        String quarantined = ci.repo.file(fix.pull().headRef(), ".github/quarantine.txt").orElseThrow();
        String merge = ci.commit("Merge pull request #" + fix.pull().number(), "remediator[bot]",
                Map.of(".github/quarantine.txt", quarantined));
        ci.deliver(merged(ci, fix.pull(), merge));

        ci.deliver(ci.completed(ci.run(merge, "main", "failure", "cpp-compile-error.log")));

        CheckRun broken = ci.repo.checkRuns().stream().filter(c -> c.headSha().equals(merge)).findFirst().orElseThrow();
        assertThat(broken.title()).contains("revert awaiting approval");
        assertThat(CiScenario.plain(broken.summary())).contains("Remediator's own pull request #" + fix.pull().number(),
                "undoes Remediator's change", "rolling it back comes first");
        long rollback = remediationId(broken);
        ci.deliver(ci.click(broken.id(), broken.actions().get(0).path("identifier").asText(), "maintainer-mia"));
        PullRequest revert = ci.repo.pullRequests().stream().filter(p -> p.headRef().startsWith("remediator/revert/"))
                .findFirst().orElseThrow();
        ci.deliver(merged(ci, revert, ci.commit("Revert the quarantine", "remediator[bot]", Map.of())));

        await().atMost(Duration.ofSeconds(20)).until(() -> audited(fix.id()).contains("ROLLED_BACK"));
        assertThat(remediation(rollback).getString("summary.action")).isEqualTo("REVERT");
        JsonPath metrics = api().queryParam("repository", ci.repo.fullName()).get("/api/metrics").then()
                .statusCode(200).extract().jsonPath();
        assertThat(metrics.getInt("outcomes.actions.find { it.action == 'quarantine' }.rolledBack")).isEqualTo(1);
        assertThat(metrics.getDouble("outcomes.actions.find { it.action == 'quarantine' }.precision")).isZero();
    }

    private static WebhookPayload checkSuiteCompleted(CiScenario ci, PullRequest pull) {
        WebhookPayload payload = ci.example("check_suite/completed.payload.json");
        payload.at("check_suite").put("head_branch", pull.headRef()).put("head_sha", pull.headSha())
                .put("status", "completed").put("conclusion", "success");
        return payload;
    }

    /** The GraphQL calls of that operation made with a token for the scenario's repository. */
    private List<RecordedRequest> graphql(CiScenario ci, String operation) {
        return github.requests("graphql/" + operation).stream()
                .filter(r -> r.caller().token() != null && r.caller().token().repositoryIds().contains(ci.repo.id()))
                .toList();
    }

    private static List<Object> remediations(CiScenario ci) {
        return api().queryParam("repository", ci.repo.fullName()).get("/api/remediations").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }
}
