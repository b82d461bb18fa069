package dev.remediator.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.ProcessedDeliveries;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.Webhooks;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;

/** What an attacker or a broken proxy can send: refused at the door, or failed at once, never retried for hours. */
@QuarkusTest
class HostileInputTest extends EndToEndTest {

    @Inject
    ProcessedDeliveries processed;

    private Map<String, Object> row(String deliveryId) {
        return rows.byDeliveryId(deliveryId).get(0);
    }

    @Test
    void aNulCharacterAnywhereIsRefusedWithTheReasonAndRecorded() {
        CiScenario ci = scenario("nul");
        WebhookPayload comment = ci.example("issue_comment/created.with-installation.payload.json");
        comment.at("comment").put("body", "/remediator help\u0000");
        String id = Webhooks.newDeliveryId();

        Webhooks.send("issue_comment", id, comment.bytes()).then().statusCode(400).body(containsString("NUL"));

        assertThat(row(id)).containsEntry("status", "REJECTED");
        assertThat((String) row(id).get("status_reason")).contains("NUL");
        assertThat(processed.count(id)).isZero();
    }

    @Test
    void aNulInTheActionIsRefusedInsteadOfAnswered503() {
        CiScenario ci = scenario("nul-action");
        WebhookPayload payload = ci.example("issue_comment/created.with-installation.payload.json");
        payload.body().put("action", "created\u0000");
        String id = Webhooks.newDeliveryId();

        Webhooks.send("issue_comment", id, payload.bytes()).then().statusCode(400);

        assertThat(rows.status(id)).isEqualTo("REJECTED");
    }

    @Test
    void aRepositoryNameWithoutOwnerIsRefused() {
        WebhookPayload payload = WebhookPayload.example("issue_comment/created.with-installation.payload.json");
        payload.at("repository").put("full_name", "no-slash-here");
        String id = Webhooks.newDeliveryId();

        Webhooks.send("issue_comment", id, payload.bytes()).then().statusCode(400).body(containsString("owner/name"));

        assertThat(rows.status(id)).isEqualTo("REJECTED");
    }

    @Test
    void anAddedRepositoryWithoutOwnerFailsTheDeliveryAtOnceInsteadOfCrashing() {
        WebhookPayload payload = WebhookPayload.example("installation_repositories/added.payload.json");
        payload.body().withArray("repositories_added").insertObject(0).put("id", CiScenario.nextId())
                .put("name", "no-slash-here").put("full_name", "no-slash-here").put("private", false);
        String id = Webhooks.newDeliveryId();

        Webhooks.send("installation_repositories", id, payload.bytes()).then().statusCode(200);
        rows.awaitFinished(id);

        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 1);
        assertThat((String) row(id).get("status_reason")).contains("owner/name");
    }

    @Test
    void aDeliveryIdThatCannotBeStoredIsRefused() {
        Webhooks.send("ping", "x".repeat(500), WebhookPayload.example("ping/with-app_id.payload.json").bytes())
                .then().statusCode(400);
    }

    @Test
    void aHeadShaThatIsNoCommitFailsTheDeliveryAtOnce() {
        CiScenario ci = scenario("huge-sha");
        String sha = ci.commit("Initial", "alice", Map.of("README.md", "# sha\n"));
        WebhookPayload payload = ci.completed(ci.run(sha, "main", "failure", "maven-test-failure.log"));
        payload.at("workflow_run").put("head_sha", "a".repeat(1024 * 1024));

        String id = ci.deliver(payload);

        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 1);
        assertThat((String) row(id).get("status_reason")).contains("head_sha");
        assertThat(ci.repo.checkRuns()).isEmpty();
    }

    @Test
    void aRunGitHubDoesNotKnowFailsAtOnceAndItsCheckRunIsFinishedSayingWhy() {
        CiScenario ci = scenario("unknown-attempt");
        String sha = ci.commit("Initial", "alice", Map.of("README.md", "# attempts\n"));
        WorkflowRun run = ci.run(sha, "main", "failure", "maven-test-failure.log");
        WebhookPayload payload = ci.completed(run);
        payload.at("workflow_run").put("run_attempt", 5);

        String id = ci.deliver(payload);

        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 1);
        assertThat((String) row(id).get("status_reason")).contains("404");
        assertThat(ci.repo.checkRuns()).singleElement().satisfies(checkRun -> {
            assertThat(checkRun.status()).isEqualTo("completed");
            assertThat(checkRun.conclusion()).isEqualTo("neutral");
            assertThat(CiScenario.plain(checkRun.summary())).contains("404",
                    "/remediator retry");
        });
    }

    @Test
    void oneHandlersDefectStopsNeitherTheOthersNorEndsInARetryLoop() {
        CiScenario ci = scenario("isolation");
        String sha = ci.commit("Initial", "alice", Map.of("README.md", "# isolation\n"));
        WebhookPayload payload = ci.completed(ci.run(sha, "main", "failure", "maven-test-failure.log"));
        String id = Webhooks.newDeliveryId();
        processed.failAsADefect(id);

        ci.deliver(payload, id).then().statusCode(200);
        ci.awaitFinished(id);

        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 1);
        assertThat((String) row(id).get("status_reason")).contains("ProcessedDeliveries", "a defect");
        assertThat(ci.repo.checkRuns()).as("the analyser did its work").singleElement()
                .satisfies(checkRun -> assertThat(checkRun.status()).isEqualTo("completed"));
    }

    @Test
    void aTransientFailureIsStillRetried() {
        String id = Webhooks.newDeliveryId();
        processed.failTimes(id, 1);
        Webhooks.send("ping", id, "{\"zen\":\"Design for failure.\"}".getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(200);

        rows.awaitFinished(id);

        assertThat(rows.byDeliveryId(id).get(0)).containsEntry("status", "DONE").containsEntry("attempts", 2);
    }
}
