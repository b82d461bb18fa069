package dev.remediator.flow.failure;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.analysis.Location;
import dev.remediator.core.analysis.RunAnalysis;
import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.history.BrokenTrunk;
import dev.remediator.core.history.CommitChange;
import dev.remediator.core.history.Culprit;
import dev.remediator.core.history.CulpritFinder;
import dev.remediator.core.history.FlakyTest;
import dev.remediator.core.history.FlakyTestFinder;
import dev.remediator.core.history.RunRecord;
import dev.remediator.core.remediation.FailureCase;
import dev.remediator.core.remediation.RevertPlan;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.QuarantineStore;
import dev.remediator.store.RemediationStore;
import dev.remediator.store.RunHistoryStore;

/**
 * Gathers what history says of a failed run: flaky tests and a broken base from the store, the culprit
 * from the store's last green run and GitHub's commits, and the repository's recent record for the policy.
 */
@ApplicationScoped
public class FailureEvidence {

    @Inject
    RunHistoryStore history;

    @Inject
    RemediationStore remediations;

    @Inject
    QuarantineStore quarantines;

    private final CulpritFinder culprits = new CulpritFinder();
    private final FlakyTestFinder flakyTests = new FlakyTestFinder();

    public FailureCase gather(RepositoryGitHub github, FailedRun run, RunAnalysis analysis, int failedJobs,
            int totalJobs, RepositoryConfig config) throws IOException {
        RunRecord failing = run.record(analysis.failingTests());
        List<FlakyTest> flaky = failing.failingTests().isEmpty() ? List.of()
                : flakyTests.find(failing, history.atSha(run.repositoryId(), run.headSha(), run.workflowId()),
                        history.recentOnBranch(run.repositoryId(), run.defaultBranch(), run.workflowId()));
        Optional<BrokenTrunk> brokenTrunk = run.baseBranch().equals(run.headBranch()) ? Optional.empty()
                : BrokenTrunk.find(failing, history.recentOnBranch(run.repositoryId(), run.baseBranch(), run.workflowId())
                        .stream().filter(r -> r.runId() != run.runId()).toList());
        Optional<Culprit> culprit = Optional.empty();
        Optional<String> revertBlocked = Optional.empty();
        if (!run.fromFork() && config.failures().revert().appliesTo(run.headBranch(), run.defaultBranch())) {
            Set<String> culpritsListedInFull = new HashSet<>();
            culprit = culprit(github, run, analysis, culpritsListedInFull);
            if (culprit.isPresent()) {
                revertBlocked = laterChanges(github, run.headBranch(), culprit.get().commit(),
                        culpritsListedInFull.contains(culprit.get().commit().sha()));
            }
        }
        boolean opensPullRequest = culprit.isPresent() || !flaky.isEmpty();
        // a revert goes into the branch that broke, a quarantine into the default branch
        String target = culprit.isPresent() ? run.headBranch() : run.defaultBranch();
        boolean targetProtected = opensPullRequest && github.branch(target)
                .map(RepositoryGitHub.Branch::protectedBranch).orElse(false);
        FailureCase.Context context = new FailureCase.Context(config,
                remediations.pullRequestsOpenedSince(run.repositoryId(), Instant.now().minus(Duration.ofDays(1))),
                remediations.trackRecords(run.repositoryId()), targetProtected);
        // an outside author can only propose changes from a fork: a branch of the repository itself was pushed by
        // someone with write access to it
        boolean outsideAuthor = run.fromFork();
        return new FailureCase(failing, run.defaultBranch(), run.fromFork(), outsideAuthor, failedJobs, totalJobs,
                new FailureCase.Verdict(analysis.category(), analysis.confidence(), analysis.transientFailure(),
                        analysis.failingTests()),
                new FailureCase.History(flaky, brokenTrunk, culprit, revertBlocked, culprit.flatMap(c -> remediations
                        .mergedInto(run.repositoryId(), c.commit().sha())).map(fix -> new FailureCase.MergedFix(
                                fix.id(), fix.action(), fix.pullNumber())),
                        flaky.isEmpty() ? Map.of() : quarantines.trackingIssues(run.repositoryId())), context);
    }

    /** Between the branch's last green run of the same workflow and this red one. */
    private Optional<Culprit> culprit(RepositoryGitHub github, FailedRun run, RunAnalysis analysis, Set<String> listedInFull)
            throws IOException {
        Optional<String> green = history.lastGreenBefore(run.repositoryId(), run.headBranch(), run.workflowId(), run.runId())
                .map(RunRecord::headSha);
        if (green.isEmpty() && run.workflowId() != null) {
            green = github.lastSuccessfulRun(run.workflowId(), run.headBranch());
        }
        if (green.isEmpty() || green.get().equals(run.headSha())) {
            return Optional.empty();
        }
        RepositoryGitHub.Comparison comparison = github.compare(green.get(), run.headSha());
        if (comparison.truncated() || comparison.commitShas().isEmpty()
                || comparison.commitShas().size() > CulpritFinder.MAX_CANDIDATES) {
            return Optional.empty();
        }
        List<CommitChange> commits = new ArrayList<>();
        for (String sha : comparison.commitShas()) {
            RepositoryGitHub.CommitDetails commit = github.commit(sha);
            commits.add(commit.change());
            if (commit.filesComplete()) {
                listedInFull.add(sha);
            }
        }
        List<String> locations = analysis.locations().stream().map(Location::path).distinct().toList();
        return culprits.find(commits, new CulpritFinder.FailureTraces(analysis.failingTests(), locations));
    }

    /** Why reverting is refused: commits after the culprit that touched its files, or lists GitHub cut short. */
    Optional<String> laterChanges(RepositoryGitHub github, String branch, CommitChange culprit, boolean culpritListedInFull)
            throws IOException {
        Optional<RepositoryGitHub.Branch> head = github.branch(branch);
        if (head.isEmpty() || head.get().sha().equals(culprit.sha())) {
            return RevertPlan.refusal(culprit, List.of(), culpritListedInFull);
        }
        RepositoryGitHub.Comparison later = github.compare(culprit.sha(), head.get().sha());
        return RevertPlan.refusal(culprit, later.changedFiles(), culpritListedInFull && later.filesComplete());
    }
}
