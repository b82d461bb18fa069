package dev.remediator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.remediator.core.report.StickyComment;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.Webhooks;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A proxy that retries, an operator's replay, the backstop and a late webhook can bring one run under several
 * delivery ids: it is handled once, by the first delivery to claim it.
 */
@QuarkusTest
class SameRunManyDeliveriesTest extends EndToEndTest {

    private CiScenario pullRequest(String name) {
        CiScenario ci = scenario(name);
        ci.commit("Initial", "alice", Map.of("README.md", "# dup\n"));
        ci.repo.branch("feature/x", ci.repo.branchHead("main").orElseThrow());
        ci.repo.pullRequest(9, "feature/x", "main", "alice");
        return ci;
    }

    private static List<String> sendConcurrently(WebhookPayload payload, int times) {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            String id = Webhooks.newDeliveryId();
            ids.add(id);
            sent.add(CompletableFuture.supplyAsync(() -> Webhooks.send(payload.event(), id, payload.bytes()).statusCode()));
        }
        assertThat(sent.stream().map(CompletableFuture::join)).containsOnly(200);
        return ids;
    }

    @Test
    void fiveDeliveryIdsOfOneRunMakeOneCheckRunAndOneComment() {
        CiScenario ci = pullRequest("five-ids");
        String sha = ci.repo.commit("feature/x", "Work", "alice", Map.of("src/X.java", "class X {}\n"));
        WorkflowRun run = ci.run(sha, "feature/x", "failure", "maven-test-failure.log").pullRequests(9);

        List<String> ids = sendConcurrently(ci.completed(run), 5);
        ids.forEach(ci::awaitFinished);

        assertThat(ids).allSatisfy(id -> assertThat(rows.status(id)).isEqualTo("DONE"));
        assertThat(ci.repo.checkRuns()).singleElement().satisfies(checkRun -> {
            assertThat(checkRun.status()).isEqualTo("completed");
        });
        assertThat(ci.repo.comments(9)).singleElement()
                .satisfies(comment -> assertThat(comment.body()).startsWith(StickyComment.MARKER));
    }

    @Test
    void twoRunsOfOnePullRequestFinishingAtOnceShareOneComment() {
        CiScenario ci = pullRequest("two-runs");
        String sha = ci.repo.commit("feature/x", "Work", "alice", Map.of("src/X.java", "class X {}\n"));
        WorkflowRun first = ci.run(sha, "feature/x", "failure", "maven-test-failure.log").pullRequests(9);
        WorkflowRun second = ci.run(sha, "feature/x", "failure", "cpp-compile-error.log").pullRequests(9);

        List<String> ids = new ArrayList<>(sendConcurrently(ci.completed(first), 1));
        ids.addAll(sendConcurrently(ci.completed(second), 1));
        ids.forEach(ci::awaitFinished);

        assertThat(ci.repo.checkRuns()).hasSize(2);
        assertThat(ci.repo.comments(9)).singleElement()
                .satisfies(comment -> assertThat(comment.body()).startsWith(StickyComment.MARKER));
    }
}
