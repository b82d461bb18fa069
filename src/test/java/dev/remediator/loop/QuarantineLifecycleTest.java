package dev.remediator.loop;

import static dev.remediator.loop.LoopSteps.FLAKY;
import static dev.remediator.loop.LoopSteps.FLAKY_SOURCE;
import static dev.remediator.loop.LoopSteps.approvedQuarantine;
import static dev.remediator.loop.LoopSteps.audited;
import static dev.remediator.loop.LoopSteps.merged;
import static dev.remediator.loop.LoopSteps.pullRequestRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.remediator.loop.LoopSteps.Fix;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.EndToEndTest;
import dev.remediator.testing.RemediationRows;
import dev.remediator.testing.github.GitObjects;
import dev.remediator.testing.github.Issue;
import dev.remediator.testing.github.IssueComment;
import dev.remediator.testing.github.PullRequest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A quarantine that ends: each quarantined test gets a tracking issue assigned to its owner (CODEOWNERS, else its last
 * committer), linked from the pull request and the quarantine file; when the term expires a draft pull request takes
 * the test out of the file, and its CI is the trial: green, it is proposed and the issue closes when it merges; red,
 * the quarantine is extended once and the owner asked again; red after the extension, it stays quarantined and
 * overdue, and the owner is asked to fix or delete the test.
 */
@QuarkusTest
class QuarantineLifecycleTest extends EndToEndTest {

    private static final String FILE = ".github/quarantine.txt";

    @Inject
    RemediationRows remediationRows;

    @Test
    void aGreenTrialIsProposedAndItsMergeClosesTheIssueAssignedByCodeowners() {
        CiScenario ci = scenario("quarantine-green").config("mode: auto\nrisk_threshold: 2\ncommits:\n  sign_off: true\n");
        ci.repo.collaborator("olga", "write");
        ci.commit("Add the test and its owners", "alice", Map.of(FLAKY_SOURCE, "class SimpleLoggerTest {}\n",
                ".github/CODEOWNERS", "* @someone-else\n/src/test/ @acme/testers @olga\n"));
        Fix fix = approvedQuarantine(ci);

        Issue issue = trackingIssue(ci);
        assertThat(issue.assignees()).containsExactly("olga");
        assertThat(CiScenario.plain(issue.body())).contains("@olga (owner of " + FLAKY_SOURCE + " by CODEOWNERS)",
                "extended once");
        assertThat(fix.pull().body()).contains("Tracking issue: #" + issue.number());
        String quarantined = ci.repo.file(fix.pull().headRef(), FILE).orElseThrow();
        assertThat(quarantined).contains("tracking issue https://github.com/" + ci.repo.fullName() + "/issues/"
                + issue.number(), "org/slf4j/simple/SimpleLoggerMultithreadedInitializationTest.java");
        assertSignedOffByTheBot(ci, fix.pull().headSha());

        PullRequest trial = expireAfterMerge(ci, fix, quarantined, 1);
        assertThat(trial.isDraft()).isTrue();
        assertThat(ci.repo.file(trial.headRef(), FILE).orElseThrow()).doesNotContain(FLAKY);
        assertSignedOffByTheBot(ci, trial.headSha());
        await().atMost(Duration.ofSeconds(20)).until(() -> commented(ci, issue, "takes the test out of"));

        ci.deliver(ci.completed(pullRequestRun(ci, trial, "success", "maven-test-failure.log")));

        await().atMost(Duration.ofSeconds(20)).until(() -> !trial.isDraft());
        await().atMost(Duration.ofSeconds(20)).until(() -> commented(ci, issue, "The trial passed"));
        assertThat(issue.state()).as("closed only when the trial merges").isEqualTo("open");

        ci.deliver(merged(ci, trial, ci.commit("Merge the trial", "olga",
                Map.of(FILE, ci.repo.file(trial.headRef(), FILE).orElseThrow()))));

        await().atMost(Duration.ofSeconds(20)).until(() -> "closed".equals(issue.state()));
        assertThat(issue.stateReason()).isEqualTo("completed");
        assertThat(audited(fix.id())).containsSubsequence("PULL_REQUEST_MERGED", "QUARANTINE_TRIAL_STARTED",
                "QUARANTINE_TRIAL_PASSED", "QUARANTINE_RELEASED");
        assertThat(remediationRows.quarantineState(fix.id())).isEqualTo("RELEASED");
    }

    @Test
    void aRedTrialExtendsTheQuarantineOnceAndASecondOneLeavesItOverdueWithTheOwnerAsked() {
        CiScenario ci = scenario("quarantine-red").config("mode: auto\nrisk_threshold: 2\n");
        ci.repo.collaborator("alice", "write");
        ci.commit("Add the test", "alice", Map.of(FLAKY_SOURCE, "class SimpleLoggerTest {}\n"));
        Fix fix = approvedQuarantine(ci);
        Issue issue = trackingIssue(ci);
        assertThat(issue.assignees()).as("no CODEOWNERS: the last committer of the test's file").containsExactly("alice");

        String quarantined = ci.repo.file(fix.pull().headRef(), FILE).orElseThrow();
        PullRequest first = expireAfterMerge(ci, fix, quarantined, 1);
        ci.deliver(ci.completed(pullRequestRun(ci, first, "failure", "maven-test-failure.log")));

        await().atMost(Duration.ofSeconds(20)).until(() -> commented(ci, issue, "extended once, until"));
        IssueComment extended = comment(ci, issue, "extended once, until");
        assertThat(extended.body()).contains("@alice, the quarantine is extended once", "`build`: failure");
        await().atMost(Duration.ofSeconds(20)).until(() -> "closed".equals(first.state()));
        assertThat(remediationRows.quarantineState(fix.id())).isEqualTo("QUARANTINED");

        PullRequest retrial = expire(ci, fix, 2);
        ci.deliver(ci.completed(pullRequestRun(ci, retrial, "failure", "maven-test-failure.log")));

        await().atMost(Duration.ofSeconds(20)).until(() -> commented(ci, issue, "extended only once"));
        assertThat(comment(ci, issue, "extended only once").body()).contains("@alice", "fix the test", "or delete it");
        await().atMost(Duration.ofSeconds(20)).until(() -> "closed".equals(retrial.state()));
        assertThat(remediationRows.quarantineState(fix.id())).isEqualTo("OVERDUE");
        assertThat(remediationRows.expireQuarantine(fix.id())).as("an overdue quarantine has no term left").isZero();
        assertThat(issue.state()).isEqualTo("open");
        assertThat(audited(fix.id()).stream().filter("QUARANTINE_TRIAL_FAILED"::equals)).hasSize(2);
        assertThat(ci.repo.file("main", FILE).orElseThrow()).as("still quarantined").contains(FLAKY);
    }

    /** GitHub merges the quarantine; its term is then made to expire, and the trial's draft pull request opens. */
    private PullRequest expireAfterMerge(CiScenario ci, Fix fix, String quarantined, int trial) {
        ci.deliver(merged(ci, fix.pull(), ci.commit("Merge pull request #" + fix.pull().number(), "remediator[bot]",
                Map.of(FILE, quarantined))));
        return expire(ci, fix, trial);
    }

    private PullRequest expire(CiScenario ci, Fix fix, int trial) {
        await().atMost(Duration.ofSeconds(20)).until(() -> remediationRows.expireQuarantine(fix.id()) == 1);
        await().atMost(Duration.ofSeconds(40)).until(() -> trialPullRequest(ci, trial).isPresent());
        return trialPullRequest(ci, trial).orElseThrow();
    }

    private static Optional<PullRequest> trialPullRequest(CiScenario ci, int trial) {
        return ci.repo.pullRequests().stream().filter(p -> p.headRef().startsWith("remediator/release/")
                && p.headRef().endsWith("-" + trial)).findFirst();
    }

    private static Issue trackingIssue(CiScenario ci) {
        List<Issue> issues = ci.repo.issues().stream().filter(i -> !i.isPullRequest() && i.labels().contains("flaky-test"))
                .toList();
        assertThat(issues).hasSize(1);
        assertThat(issues.get(0).title()).isEqualTo("Flaky test quarantined: " + FLAKY);
        return issues.get(0);
    }

    private static boolean commented(CiScenario ci, Issue issue, String text) {
        return ci.repo.comments(issue.number()).stream().anyMatch(c -> c.body().contains(text));
    }

    private static IssueComment comment(CiScenario ci, Issue issue, String text) {
        return ci.repo.comments(issue.number()).stream().filter(c -> c.body().contains(text)).findFirst().orElseThrow();
    }

    /** The trailer names the identity GitHub gave the commit: the app's bot user, with its user id. */
    private static void assertSignedOffByTheBot(CiScenario ci, String sha) {
        GitObjects.Commit commit = ci.repo.git().commit(sha).orElseThrow();
        assertThat(commit.author().name()).isEqualTo("remediator[bot]");
        assertThat(commit.author().email()).matches("\\d+\\+remediator\\[bot]@users\\.noreply\\.github\\.com");
        assertThat(commit.message()).endsWith("\n\nSigned-off-by: remediator[bot] <" + commit.author().email() + ">\n");
    }
}
