package dev.remediator.remediation;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.remediation.ProtectedPaths;
import dev.remediator.core.remediation.QuarantineFile;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.remediation.RemediationState;
import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.core.remediation.RevertPlan;
import dev.remediator.core.report.PullRequestText;
import dev.remediator.github.GitHubApiException;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.InstalledRepository;
import dev.remediator.store.RemediationRecord;
import dev.remediator.store.RemediationStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Carries out an approved remediation on GitHub (DESIGN §3). Each step looks for what an earlier, interrupted attempt
 * made before making it (the branch, the pull request), so that a retry after a crash or an outage, a redelivery or a
 * second click never produces a second branch or pull request. Never pushes to an existing branch.
 */
@ApplicationScoped
public class RemediationExecutor {

    private static final Logger LOG = Logger.getLogger(RemediationExecutor.class);

    @Inject
    RemediationStore store;

    @Inject
    DraftPullRequests pullRequests;

    @Inject
    DriftFixes driftFixes;

    @Inject
    MeterRegistry registry;

    /**
     * Runs an APPROVED remediation, or resumes one left EXECUTING by an interrupted attempt. A failure GitHub could
     * be at fault for (down, rate limited) propagates, leaving it EXECUTING for the delivery's retry to resume.
     */
    public void execute(RepositoryGitHub github, RemediationRecord remediation, RepositoryConfig config, String deliveryId)
            throws IOException {
        if (remediation.state == RemediationState.APPROVED && !store.transition(remediation.id, RemediationState.APPROVED,
                RemediationState.EXECUTING, RemediationStore.REMEDIATOR, "executing", deliveryId)) {
            return;
        }
        if (remediation.state != RemediationState.APPROVED && remediation.state != RemediationState.EXECUTING) {
            return;
        }
        try {
            ExecutionOutcome outcome = switch (remediation.action) {
                case RERUN, CONFIRM -> rerun(github, remediation);
                case REVERT -> revert(github, remediation, config);
                case QUARANTINE -> quarantine(github, remediation, config);
                case REGENERATE -> driftFixes.regenerate(github, remediation, config);
                case REBASELINE -> driftFixes.rebaseline(github, remediation, config);
                case MANUAL_REVIEW -> new ExecutionOutcome(RemediationState.SKIPPED, "a manual review has nothing to execute");
            };
            if (outcome.state() == RemediationState.EXECUTING) {
                store.note(remediation.id, outcome.reason());
            } else {
                finish(remediation, outcome.state(), outcome.reason(), deliveryId);
            }
        } catch (GitHubApiException e) {
            // GitHub refused (a 4xx that will not change): say so and stop; a human can retry with an approval.
            LOG.warnf("Remediation %d (%s) refused by GitHub: %s", remediation.id, remediation.action, e.getMessage());
            finish(remediation, RemediationState.FAILED, "GitHub refused it: " + e.getMessage(), deliveryId);
        } catch (RevertPlan.RefusedException e) {
            finish(remediation, RemediationState.SKIPPED, "reverting is refused: " + e.getMessage(), deliveryId);
        }
    }

    /** Ends a remediation left EXECUTING that cannot finish (its regeneration workflow failed), saying why. */
    public void fail(RemediationRecord remediation, String reason, String deliveryId) {
        finish(remediation, RemediationState.FAILED, reason, deliveryId);
    }

    private void finish(RemediationRecord remediation, RemediationState state, String reason, String deliveryId) {
        if (store.transition(remediation.id, RemediationState.EXECUTING, state, RemediationStore.REMEDIATOR, reason,
                deliveryId) && state != RemediationState.DONE) {
            store.note(remediation.id, reason);
        }
        registry.counter("remediator.remediations", "action", remediation.action.slug(), "outcome",
                state.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }

    private ExecutionOutcome rerun(RepositoryGitHub github, RemediationRecord remediation) throws IOException {
        github.rerunFailedJobs(remediation.runId);
        return new ExecutionOutcome(RemediationState.DONE, "re-run of the failed jobs requested");
    }

    private ExecutionOutcome revert(RepositoryGitHub github, RemediationRecord remediation, RepositoryConfig config)
            throws IOException, RevertPlan.RefusedException {
        RepositoryGitHub.CommitDetails culprit = github.commit(remediation.target);
        String branch = RemediatorBranch.name(RemediationAction.REVERT, culprit.change().shortSha(), remediation.id);
        return pullRequests.open(github, remediation, config, branch, remediation.headBranch, base -> {
            String head = github.branchHead(base);
            RepositoryGitHub.CommitDetails headCommit = github.commit(head);
            RepositoryGitHub.Comparison later = head.equals(culprit.change().sha()) ? null
                    : github.compare(culprit.change().sha(), head);
            Set<String> paths = Set.copyOf(culprit.change().files().stream().flatMap(f -> f.paths().stream()).toList());
            Map<String, RevertPlan.TreeEntry> parent = github.treeEntries(github.commit(culprit.parentSha()).treeSha(), paths);
            RevertPlan.Plan plan = RevertPlan.plan(culprit.change(), parent, later == null ? List.of() : later.changedFiles(),
                    culprit.filesComplete() && (later == null || later.filesComplete()));
            String tree = github.createTree(headCommit.treeSha(), plan.changes());
            return github.createCommit(plan.commitMessage() + "\nRemediator audit id " + remediation.id + ".\n", tree, head);
        }, PullRequestText.revert(culprit.change().sha(), culprit.change().title(), remediation.explanation,
                evidenceLink(github, remediation), RunReports.view(remediation).risk(), remediation.id));
    }

    private ExecutionOutcome quarantine(RepositoryGitHub github, RemediationRecord remediation, RepositoryConfig config)
            throws IOException, RevertPlan.RefusedException {
        String file = config.failures().quarantine().file();
        if (ProtectedPaths.of(config).test(file)) {
            // the config may have changed since the plan
            return new ExecutionOutcome(RemediationState.SKIPPED, "the quarantine file " + file + " is under "
                    + "protected_paths: Remediator never writes there");
        }
        String branch = RemediatorBranch.name(RemediationAction.QUARANTINE, remediation.target, remediation.id);
        String reason = "flaky (Remediator audit id " + remediation.id + ", " + Instant.now().toString().substring(0, 10) + ")";
        QuarantineFile.Update update = QuarantineFile.add(github.fileContent(file, null).orElse(null), remediation.target,
                reason);
        if (!update.changed()) {
            return new ExecutionOutcome(RemediationState.SKIPPED, remediation.target + " is already in " + file);
        }
        return pullRequests.open(github, remediation, config, branch, InstalledRepository.defaultBranchOf(remediation.repositoryId), base -> {
            String head = github.branchHead(base);
            String blob = github.createBlob(QuarantineFile.add(github.fileContent(file, head).orElse(null),
                    remediation.target, reason).content());
            String tree = github.createTree(github.commit(head).treeSha(),
                    List.of(new RevertPlan.TreeChange(file, "100644", blob)));
            return github.createCommit("Quarantine flaky test " + remediation.target + "\n\nRemediator audit id "
                    + remediation.id + ".\n", tree, head);
        }, PullRequestText.quarantine(remediation.target, file, remediation.explanation, evidenceLink(github, remediation),
                RunReports.view(remediation).risk(), remediation.id));
    }


    private static String evidenceLink(RepositoryGitHub github, RemediationRecord remediation) {
        return "run " + remediation.runId + " of " + github.fullName() + " (the Remediator check run on "
                + remediation.headSha.substring(0, Math.min(7, remediation.headSha.length())) + ")";
    }
}
