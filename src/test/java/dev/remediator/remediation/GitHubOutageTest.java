package dev.remediator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import io.quarkus.test.junit.QuarkusTest;

/** GitHub fails in the middle of opening a revert: once it recovers, exactly one pull request exists. */
@QuarkusTest
class GitHubOutageTest extends EndToEndTest {

    private static final String SOURCE = "torch/csrc/profiler/kineto_metadata.cpp";

    @Test
    void anOutageDuringExecutionEndsInExactlyOnePullRequestOnceGitHubRecovers() {
        CiScenario ci = scenario("outage").config("mode: auto\nrisk_threshold: 10\n");
        String green = ci.commit("Add profiler metadata", "alice", Map.of(SOURCE, "int metadata() { return 1; }\n"));
        ci.deliver(ci.completed(ci.run(green, "main", "success", "runner-shutdown.log")));
        String red = ci.commit("Report sizes", "bob", Map.of(SOURCE, "int metadata() { return size; }\n"));

        // every attempt of two executions fails while creating the revert's commit; the third gets through
        github.faults().failNext(503, 8, ".*/git/commits");
        String delivery = ci.deliver(ci.completed(ci.run(red, "main", "failure", "cpp-compile-error.log")));

        assertThat(ci.repo.pullRequests()).singleElement().satisfies(pull -> assertThat(pull.isDraft()).isTrue());
        assertThat(ci.repo.refs().keySet().stream().filter(r -> r.contains("remediator/revert/"))).hasSize(1);
        assertThat(rows.byDeliveryId(delivery)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("status", "DONE");
            assertThat((Integer) row.get("attempts")).as("parked twice while GitHub was down, using up no attempt")
                    .isEqualTo(1);
        });
        long failedCommits = github.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/git/commits") && r.status() == 503).count();
        assertThat(failedCommits).isEqualTo(8);
    }
}
