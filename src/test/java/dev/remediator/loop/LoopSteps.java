package dev.remediator.loop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.PullRequest;
import dev.remediator.testing.github.WorkflowRun;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The steps the loop's scenarios share: a flaky test quarantined on approval, CI on a pull request, its merge. */
public final class LoopSteps {

    public static final String FLAKY = "org.slf4j.simple.SimpleLoggerMultithreadedInitializationTest#multiThreadedInitialization";

    /** The flaky test's source file, where {@code maven-test-failure.log}'s test lives. */
    public static final String FLAKY_SOURCE = "src/test/java/org/slf4j/simple/SimpleLoggerMultithreadedInitializationTest.java";

    private LoopSteps() {
    }

    public record Fix(long id, CheckRun check, PullRequest pull) {
    }

    /** A flaky test proposed for quarantine and approved: its draft pull request is open and followed. */
    public static Fix approvedQuarantine(CiScenario ci) {
        String sha = ci.commit("Log more", "alice", Map.of("src/main/java/org/slf4j/simple/SimpleLogger.java",
                "class SimpleLogger {}\n"));
        WorkflowRun run = ci.run(sha, "main", "failure", "maven-test-failure.log");
        ci.deliver(ci.completed(run));
        run.latestAttempt().complete("build", "success", CiScenario.log("maven-test-failure.log"));
        ci.deliver(ci.completed(run));
        CheckRun check = ci.repo.checkRuns().stream().filter(c -> c.headSha().equals(sha)).findFirst().orElseThrow();
        assertThat(check.title()).contains("quarantine awaiting approval");
        ci.repo.collaborator("maintainer-mia", "maintain");
        long id = remediationId(check);
        ci.deliver(ci.click(check.id(), check.actions().get(0).path("identifier").asText(), "maintainer-mia"));
        PullRequest pull = ci.repo.pullRequests().stream().filter(p -> p.title().contains(FLAKY)).findFirst()
                .orElseThrow();
        assertThat(pull.isDraft()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> remediation(id).getString("validation.state") != null);
        return new Fix(id, check, pull);
    }

    /** The CI workflow's run on the head of a pull request. */
    static WorkflowRun pullRequestRun(CiScenario ci, PullRequest pull, String conclusion, String log) {
        return ci.run(pull.headSha(), pull.headRef(), conclusion, log).pullRequests(pull.number());
    }

    public static WebhookPayload merged(CiScenario ci, PullRequest pull, String mergeCommit) {
        WebhookPayload payload = ci.example("pull_request/closed.payload.json");
        payload.at("pull_request").put("merged", true).put("number", pull.number()).put("merge_commit_sha", mergeCommit)
                .with("head").put("ref", pull.headRef()).put("sha", pull.headSha());
        return payload;
    }

    static long remediationId(CheckRun check) {
        return Long.parseLong(check.actions().get(0).path("identifier").asText().replaceAll("\\D", ""));
    }

    static RequestSpecification api() {
        return given().header("Authorization", "Bearer test-api-token");
    }

    static JsonPath remediation(long id) {
        return api().get("/api/remediations/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The events of a remediation's audit trail, oldest first. */
    static List<String> audited(long id) {
        List<String> events = new ArrayList<>(api().queryParam("remediation", id).queryParam("limit", 100)
                .get("/api/audit").then().statusCode(200).extract().jsonPath().getList("items.event"));
        Collections.reverse(events);
        return events;
    }
}
