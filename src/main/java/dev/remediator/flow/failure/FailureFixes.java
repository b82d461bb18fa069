package dev.remediator.flow.failure;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.remediation.ProtectedPaths;
import dev.remediator.core.remediation.QuarantineFile;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.core.remediation.RevertPlan;
import dev.remediator.core.report.PullRequestText;
import dev.remediator.core.report.QuarantineText;
import dev.remediator.flow.lifecycle.DraftPullRequests;
import dev.remediator.flow.quarantine.TrackingIssues;
import dev.remediator.flow.lifecycle.ExecutionOutcome;
import dev.remediator.flow.lifecycle.RemediationActions;
import dev.remediator.core.report.RemediationView;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.InstallationStore;
import dev.remediator.store.QuarantineStore;
import dev.remediator.core.lifecycle.Remediation;

/**
 * The remediations of a failed run: re-running its failed jobs, reverting the culprit, quarantining a flaky test.
 * Reverts and quarantines are draft pull requests built with the Git Data API on top of the branch's current head.
 */
@ApplicationScoped
public class FailureFixes implements RemediationActions {

    @Inject
    InstallationStore installations;

    @Inject
    DraftPullRequests pullRequests;

    @Inject
    TrackingIssues trackingIssues;

    @Override
    public Set<RemediationAction> actions() {
        return EnumSet.of(RemediationAction.RERUN, RemediationAction.CONFIRM, RemediationAction.REVERT,
                RemediationAction.QUARANTINE);
    }

    @Override
    public ExecutionOutcome execute(RepositoryGitHub github, Remediation remediation, RepositoryConfig config)
            throws IOException, RevertPlan.RefusedException {
        return switch (remediation.action()) {
            case REVERT -> revert(github, remediation, config);
            case QUARANTINE -> quarantine(github, remediation, config);
            default -> rerun(github, remediation);
        };
    }

    private ExecutionOutcome rerun(RepositoryGitHub github, Remediation remediation) throws IOException {
        github.rerunFailedJobs(remediation.runId(), remediation.runAttempt());
        return new ExecutionOutcome(RemediationState.DONE, "re-run of the failed jobs requested");
    }

    private ExecutionOutcome revert(RepositoryGitHub github, Remediation remediation, RepositoryConfig config)
            throws IOException, RevertPlan.RefusedException {
        RepositoryGitHub.CommitDetails culprit = github.commit(remediation.target());
        String branch = RemediatorBranch.name(RemediationAction.REVERT, culprit.change().shortSha(), remediation.id());
        return pullRequests.open(github, remediation, config, branch, remediation.headBranch(), base -> {
            String head = github.branchHead(base);
            RepositoryGitHub.CommitDetails headCommit = github.commit(head);
            RepositoryGitHub.Comparison later = head.equals(culprit.change().sha()) ? null
                    : github.compare(culprit.change().sha(), head);
            Set<String> paths = Set.copyOf(culprit.change().files().stream().flatMap(f -> f.paths().stream()).toList());
            Map<String, RevertPlan.TreeEntry> parent = github.treeEntries(github.commit(culprit.parentSha()).treeSha(), paths);
            RevertPlan.Plan plan = RevertPlan.plan(culprit.change(), parent, later == null ? List.of() : later.changedFiles(),
                    culprit.filesComplete() && (later == null || later.filesComplete()));
            String tree = github.createTree(headCommit.treeSha(), plan.changes());
            return pullRequests.commit(github, config, plan.commitMessage() + "\nRemediator audit id " + remediation.id()
                    + ".\n", tree, head);
        }, PullRequestText.revert(culprit.change().sha(), culprit.change().title(), remediation.explanation(),
                evidenceLink(github, remediation), RemediationView.of(remediation).risk(), remediation.id()));
    }

    private ExecutionOutcome quarantine(RepositoryGitHub github, Remediation remediation, RepositoryConfig config)
            throws IOException, RevertPlan.RefusedException {
        String file = config.failures().quarantine().file();
        if (ProtectedPaths.of(config).test(file)) {
            // the config may have changed since the plan
            return new ExecutionOutcome(RemediationState.SKIPPED, "the quarantine file " + file + " is under "
                    + "protected_paths: Remediator never writes there");
        }
        String branch = RemediatorBranch.name(RemediationAction.QUARANTINE, remediation.target(), remediation.id());
        String defaultBranch = installations.defaultBranchOf(remediation.repositoryId());
        if (QuarantineFile.contains(github.fileContent(file, null).orElse(null), remediation.target())) {
            return new ExecutionOutcome(RemediationState.SKIPPED, remediation.target() + " is already in " + file);
        }
        Optional<QuarantineStore.Quarantined> tracked = trackingIssues.open(github, remediation, config, defaultBranch);
        if (tracked.isEmpty()) {
            return new ExecutionOutcome(RemediationState.SKIPPED, remediation.target() + " is quarantined already, "
                    + "by another remediation: a test is never quarantined twice");
        }
        int issue = tracked.get().issueNumber();
        String reason = QuarantineText.fileComment(remediation.id(), Instant.now(), tracked.get().issueUrl());
        ExecutionOutcome outcome = pullRequests.open(github, remediation, config, branch, defaultBranch, base -> {
            String head = github.branchHead(base);
            String blob = github.createBlob(QuarantineFile.add(github.fileContent(file, head).orElse(null),
                    remediation.target(), reason).content());
            String tree = github.createTree(github.commit(head).treeSha(),
                    List.of(new RevertPlan.TreeChange(file, "100644", blob)));
            return pullRequests.commit(github, config, "Quarantine flaky test " + remediation.target()
                    + "\n\nTracking issue #" + issue + ".\nRemediator audit id " + remediation.id() + ".\n", tree, head);
        }, PullRequestText.quarantine(remediation.target(), file, issue, remediation.explanation(),
                evidenceLink(github, remediation), RemediationView.of(remediation).risk(), remediation.id()));
        if (outcome.state() == RemediationState.SKIPPED) {
            trackingIssues.abandon(github, tracked.get(), outcome.reason());
        }
        return outcome;
    }

    private static String evidenceLink(RepositoryGitHub github, Remediation remediation) {
        return PullRequestText.evidenceLink(github.fullName(), remediation.runId(), remediation.headSha());
    }
}
