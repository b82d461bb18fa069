package dev.remediator.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.Webhooks;
import dev.remediator.testing.github.CheckRun;
import dev.remediator.testing.github.GitObjects;
import dev.remediator.testing.github.PullRequest;
import dev.remediator.testing.github.WorkflowRun;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A break on main with one commit since the last green run: a revert is proposed, refused to a reader, and made as a
 * draft pull request when a writer approves; clicks, redeliveries and duplicates after that create nothing new.
 */
@QuarkusTest
class RevertApprovalTest extends EndToEndTest {

    private static final String SOURCE = "torch/csrc/profiler/kineto_metadata.cpp";

    private CiScenario ci;
    private String parent;
    private String culprit;
    private CheckRun check;

    @BeforeEach
    void aBreakOnMainAwaitingApproval() {
        ci = scenario("revert");
        ci.repo.collaborator("reader-rita", "read").collaborator("writer-wes", "write").collaborator("bob", "write");
        parent = ci.commit("Add profiler metadata", "alice", Map.of(SOURCE, "int metadata() { return 1; }\n",
                "docs/profiler.md", "# Profiler\n"));
        ci.deliver(ci.completed(ci.run(parent, "main", "success", "runner-shutdown.log")));
        culprit = ci.commit("Report tensor sizes in profiler metadata", "bob",
                Map.of(SOURCE, "int metadata() { return addMetadata(size); }\n", "docs/profiler.md", "# Profiler\nSizes.\n",
                        "torch/csrc/profiler/sizes.h", "#pragma once\n"));
        WorkflowRun red = ci.run(culprit, "main", "failure", "cpp-compile-error.log");

        ci.deliver(ci.completed(red));

        check = ci.repo.checkRuns().stream().filter(c -> c.headSha().equals(culprit)).findFirst().orElseThrow();
        assertThat(check.conclusion()).isEqualTo("action_required");
        assertThat(check.title()).contains("Compilation failure", "revert awaiting approval");
        assertThat(check.summary()).contains("Likely culprit", culprit.substring(0, 7), "only commit");
        assertThat(check.annotations()).singleElement().satisfies(a -> {
            assertThat(a.path("path").asText()).isEqualTo(SOURCE);
            assertThat(a.path("start_line").asInt()).isEqualTo(128);
        });
    }

    private String approveButton() {
        return check.actions().get(0).path("identifier").asText();
    }

    /** Each person clicks Approve at the same moment; returns when every click has been handled. */
    private void approveAtOnce(String... logins) throws Exception {
        ExecutorService clicks = Executors.newFixedThreadPool(logins.length);
        List<Future<String>> deliveries = new ArrayList<>();
        for (String login : logins) {
            WebhookPayload click = ci.click(check.id(), approveButton(), login);
            deliveries.add(clicks.submit(() -> {
                String id = Webhooks.newDeliveryId();
                ci.deliver(click, id).then().statusCode(200);
                return id;
            }));
        }
        for (Future<String> delivery : deliveries) {
            ci.awaitFinished(delivery.get());
        }
        clicks.shutdown();
    }

    private List<String> remediatorBranches() {
        return ci.repo.refs().keySet().stream().filter(r -> r.contains("remediator/")).toList();
    }

    @Test
    void aReaderIsRefusedAndNothingIsCreated() {
        ci.deliver(ci.click(check.id(), approveButton(), "reader-rita"));

        assertThat(ci.repo.pullRequests()).isEmpty();
        assertThat(remediatorBranches()).isEmpty();
        assertThat(check.conclusion()).isEqualTo("action_required");
        assertThat(CiScenario.plain(check.summary())).contains("@reader-rita cannot approve this revert: it takes write permission");
    }

    @Test
    void twoRefusedClicksAtOnceAreBothKeptWithTheirPeopleAndTimes() throws Exception {
        ci.repo.collaborator("reader-ray", "read");

        approveAtOnce("reader-rita", "reader-ray");

        assertThat(CiScenario.plain(check.summary())).contains("@reader-rita cannot approve this revert",
                "@reader-ray cannot approve this revert", " UTC)");
    }

    @Test
    void theCulpritsAuthorMayNotApproveAlone() {
        ci.deliver(ci.click(check.id(), approveButton(), "bob"));

        assertThat(ci.repo.pullRequests()).isEmpty();
        assertThat(CiScenario.plain(check.summary())).contains("@bob wrote the commit this would revert");
    }

    @Test
    void aWriterApprovesAndGetsADraftRevertWhoseTreeIsTheParentsForTheCulpritsFiles() throws Exception {
        WebhookPayload click = ci.click(check.id(), approveButton(), "writer-wes");
        ci.deliver(click);

        PullRequest pull = ci.repo.pullRequests().get(0);
        assertThat(ci.repo.pullRequests()).hasSize(1);
        assertThat(pull.isDraft()).isTrue();
        assertThat(pull.title()).isEqualTo("fix(ci): revert \"Report tensor sizes in profiler metadata\"");
        assertThat(pull.baseRef()).isEqualTo("main");
        assertThat(pull.headRef()).matches("remediator/revert/" + culprit.substring(0, 7) + "-[0-9a-f]{8}");
        assertThat(pull.body()).contains("Audit id", "How to undo", "Risk factor");
        assertThat(pull.issue().labels()).contains("remediator", "auto-generated");

        GitObjects git = ci.repo.git();
        Map<String, GitObjects.TreeEntry> before = git.flatten(git.commit(parent).orElseThrow().tree());
        Map<String, GitObjects.TreeEntry> reverted = git.flatten(git.commit(ci.repo.branchHead(pull.headRef()).orElseThrow())
                .orElseThrow().tree());
        assertThat(reverted.get(SOURCE)).isEqualTo(before.get(SOURCE));
        assertThat(reverted.get("docs/profiler.md")).isEqualTo(before.get("docs/profiler.md"));
        assertThat(reverted).doesNotContainKey("torch/csrc/profiler/sizes.h");
        assertThat(git.commit(ci.repo.branchHead(pull.headRef()).orElseThrow()).orElseThrow().parents())
                .containsExactly(ci.repo.branchHead("main").orElseThrow());
        assertThat(check.conclusion()).isEqualTo("success");
        assertThat(check.actions()).isEmpty();

        // a second click, a redelivery of the same click, and two concurrent copies of it: nothing new
        String delivery = ci.deliver(click);
        ci.deliver(click, delivery).then().statusCode(200);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Callable<String>> copies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            copies.add(() -> {
                String id = Webhooks.newDeliveryId();
                ci.deliver(click, id);
                return id;
            });
        }
        for (Future<String> copy : senders.invokeAll(copies)) {
            ci.awaitFinished(copy.get());
        }
        senders.shutdown();

        assertThat(ci.repo.pullRequests()).hasSize(1);
        assertThat(remediatorBranches()).hasSize(1);
    }

    @Test
    void twoWritersApprovingAtOnceMakeOnePullRequest() throws Exception {
        ci.repo.collaborator("writer-zoe", "write");

        approveAtOnce("writer-wes", "writer-zoe");

        assertThat(ci.repo.pullRequests()).hasSize(1);
        assertThat(remediatorBranches()).hasSize(1);
    }

    @Test
    void anOutageAfterAnApprovalIsWaitedOutAndTheApprovedRevertOpensOnce() {
        // every try of the first execution fails; the approving delivery is parked and its retry carries on
        github.faults().failNext(503, 4, ".*/git/commits");
        ci.deliver(ci.click(check.id(), approveButton(), "writer-wes"));

        assertThat(ci.repo.pullRequests()).singleElement().satisfies(pull -> assertThat(pull.isDraft()).isTrue());
        assertThat(remediatorBranches()).hasSize(1);
        assertThat(check.conclusion()).isEqualTo("success");
    }

    @Test
    void aWriterCanRejectAndNothingHappens() {
        String reject = check.actions().get(1).path("identifier").asText();
        ci.deliver(ci.click(check.id(), reject, "writer-wes"));

        assertThat(ci.repo.pullRequests()).isEmpty();
        assertThat(check.conclusion()).isEqualTo("neutral");
        assertThat(check.title()).contains("revert rejected");
        assertThat(check.actions()).isEmpty();
    }
}
