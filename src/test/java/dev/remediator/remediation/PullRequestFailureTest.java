package dev.remediator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.remediator.core.report.StickyComment;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.github.IssueComment;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;

/** Failures of a pull request's runs: one sticky comment, and the comment commands. */
@QuarkusTest
class PullRequestFailureTest extends EndToEndTest {

    private static WorkflowRun failingRunOf(CiScenario ci, String sha, String log) {
        return ci.run(sha, "feature/parser", "failure", log).pullRequests(7);
    }

    private CiScenario pullRequest() {
        CiScenario ci = scenario("pulls");
        ci.commit("Initial", "alice", Map.of("README.md", "# parser\n"));
        ci.repo.branch("feature/parser", ci.repo.branchHead("main").orElseThrow());
        ci.repo.pullRequest(7, "feature/parser", "main", "alice");
        return ci;
    }

    @Test
    void aPullRequestsFailuresUpdateOneCommentAcrossThreeRuns() {
        CiScenario ci = pullRequest();
        String[] logs = { "maven-test-failure.log", "cpp-compile-error.log", "maven-test-failure.log" };
        for (String log : logs) {
            String sha = ci.repo.commit("feature/parser", "Work on the parser", "alice", Map.of("src/Parser.java",
                    "class Parser { /* " + log + System.nanoTime() + " */ }\n"));
            ci.deliver(ci.completed(failingRunOf(ci, sha, log)));
        }

        assertThat(ci.repo.comments(7)).singleElement().satisfies(comment -> {
            assertThat(comment.body()).startsWith(StickyComment.MARKER);
            assertThat(comment.bodies()).as("created once, edited twice").hasSize(3);
            assertThat(comment.author()).endsWith("[bot]");
            assertThat(CiScenario.plain(comment.body())).contains("test failure",
                    "org.slf4j.simple.SimpleLoggerMultithreadedInitializationTest#multiThreadedInitialization");
        });
        assertThat(ci.repo.checkRuns()).as("one check run per failed run").hasSize(3);
        assertThat(ci.repo.reruns()).as("test failures on a pull request are explained, not re-run").isEmpty();
    }

    @Test
    void commentCommandsAreAnsweredWithAReactionAndAReply() {
        CiScenario ci = pullRequest();
        ci.repo.collaborator("reader-rita", "read").collaborator("writer-wes", "write");
        String sha = ci.repo.commit("feature/parser", "Work on the parser", "alice", Map.of("src/Parser.java", "class P {}\n"));
        WorkflowRun run = failingRunOf(ci, sha, "maven-test-failure.log");
        ci.deliver(ci.completed(run));

        ci.deliver(ci.comment(7, "reader-rita", "/remediator help"));
        ci.deliver(ci.comment(7, "reader-rita", "/remediator retry"));
        ci.deliver(ci.comment(7, "writer-wes", "Flaky again?\n/remediator retry"));
        ci.deliver(ci.comment(7, "writer-wes", "/remediator frobnicate"));
        ci.deliver(ci.comment(7, "writer-wes", "/remediator explain"));

        assertThat(ci.repo.reactions()).extracting(r -> r.content()).containsExactly("+1", "-1", "+1", "confused", "+1");
        assertThat(ci.repo.reruns()).as("only the writer's retry re-runs").singleElement()
                .satisfies(r -> assertThat(r.runId()).isEqualTo(run.id()));
        java.util.List<String> replies = ci.repo.comments(7).stream().filter(c -> c.author().endsWith("[bot]"))
                .map(IssueComment::body).filter(b -> !b.startsWith(StickyComment.MARKER)).toList();
        assertThat(replies).hasSize(5);
        assertThat(replies.get(0)).contains("/remediator approve [id]", "/remediator retry");
        assertThat(replies.get(1)).contains("@reader-rita cannot re-run jobs", "write permission");
        assertThat(replies.get(2)).contains("Re-running the failed jobs of run " + run.id());
        assertThat(replies.get(3)).contains("`/remediator frobnicate` is not a command");
        assertThat(replies.get(4)).contains("Run " + run.id(), "test failure");
    }

    @Test
    void aCommentThatWentThroughButWhoseAnswerWasLostIsNotPostedTwice() {
        CiScenario ci = pullRequest();
        String sha = ci.repo.commit("feature/parser", "Work on the parser", "alice", Map.of("src/Parser.java", "class P {}\n"));
        github.faults().loseAnswerOfNext(502, 1, ".*/issues/7/comments");

        ci.deliver(ci.completed(failingRunOf(ci, sha, "maven-test-failure.log")));
        String again = ci.repo.commit("feature/parser", "More parser", "alice", Map.of("src/Parser.java", "class Q {}\n"));
        ci.deliver(ci.completed(failingRunOf(ci, again, "maven-test-failure.log")));

        assertThat(ci.repo.comments(7)).as("the comment GitHub created is found and kept, then edited")
                .singleElement().satisfies(comment -> assertThat(comment.bodies()).hasSize(2));
    }
}
