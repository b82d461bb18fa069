package dev.remediator.remediation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.history.CommitChange;
import dev.remediator.core.remediation.QuarantineFile;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.remediation.RemediationState;
import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.core.remediation.RevertPlan;
import dev.remediator.core.report.PullRequestText;
import dev.remediator.github.GitHubApiException;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.github.RepositoryGitHub.PullRequest;
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
    static final List<String> LABELS = List.of("remediator", "auto-generated");

    @Inject
    RemediationStore store;

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
            Outcome outcome = switch (remediation.action) {
                case RERUN, CONFIRM -> rerun(github, remediation);
                case REVERT -> revert(github, remediation, config);
                case QUARANTINE -> quarantine(github, remediation, config);
                default -> new Outcome(RemediationState.SKIPPED, remediation.action.slug() + " is not run for failed runs");
            };
            finish(remediation, outcome.state(), outcome.reason(), deliveryId);
        } catch (GitHubApiException e) {
            // GitHub refused (a 4xx that will not change): say so and stop; a human can retry with an approval.
            LOG.warnf("Remediation %d (%s) refused by GitHub: %s", remediation.id, remediation.action, e.getMessage());
            finish(remediation, RemediationState.FAILED, "GitHub refused it: " + e.getMessage(), deliveryId);
        } catch (RevertPlan.RefusedException e) {
            finish(remediation, RemediationState.SKIPPED, "reverting is refused: " + e.getMessage(), deliveryId);
        }
    }

    private record Outcome(RemediationState state, String reason) {
    }

    private void finish(RemediationRecord remediation, RemediationState state, String reason, String deliveryId) {
        if (store.transition(remediation.id, RemediationState.EXECUTING, state, RemediationStore.REMEDIATOR, reason,
                deliveryId) && state != RemediationState.DONE) {
            store.note(remediation.id, reason);
        }
        registry.counter("remediator.remediations", "action", remediation.action.slug(), "outcome",
                state.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }

    private Outcome rerun(RepositoryGitHub github, RemediationRecord remediation) throws IOException {
        github.rerunFailedJobs(remediation.runId);
        return new Outcome(RemediationState.DONE, "re-run of the failed jobs requested");
    }

    private Outcome revert(RepositoryGitHub github, RemediationRecord remediation, RepositoryConfig config)
            throws IOException, RevertPlan.RefusedException {
        RepositoryGitHub.CommitDetails culprit = github.commit(remediation.target);
        String branch = RemediatorBranch.name(RemediationAction.REVERT, culprit.change().shortSha(), remediation.id);
        return openPullRequest(github, remediation, config, branch, remediation.headBranch, base -> {
            String head = github.branch(base).orElseThrow(() -> new GitHubApiException(404, "GET", "branch " + base, ""))
                    .sha();
            RepositoryGitHub.CommitDetails headCommit = github.commit(head);
            List<String> later = head.equals(culprit.change().sha()) ? List.of()
                    : github.compare(culprit.change().sha(), head).changedFiles();
            Set<String> paths = Set.copyOf(culprit.change().files().stream().flatMap(f -> f.paths().stream()).toList());
            Map<String, RevertPlan.TreeEntry> parent = github.treeEntries(github.commit(culprit.parentSha()).treeSha(), paths);
            RevertPlan.Plan plan = RevertPlan.plan(culprit.change(), parent, later);
            String tree = github.createTree(headCommit.treeSha(), plan.changes());
            return github.createCommit(plan.commitMessage() + "\nRemediator audit id " + remediation.id + ".\n", tree, head);
        }, PullRequestText.revert(culprit.change().sha(), culprit.change().title(), remediation.explanation,
                evidenceLink(github, remediation), RunReports.view(remediation).risk(), remediation.id));
    }

    private Outcome quarantine(RepositoryGitHub github, RemediationRecord remediation, RepositoryConfig config)
            throws IOException, RevertPlan.RefusedException {
        String file = config.failures().quarantine().file();
        String branch = RemediatorBranch.name(RemediationAction.QUARANTINE, remediation.target, remediation.id);
        String reason = "flaky (Remediator audit id " + remediation.id + ", " + Instant.now().toString().substring(0, 10) + ")";
        QuarantineFile.Update update = QuarantineFile.add(github.fileContent(file, null).orElse(null), remediation.target,
                reason);
        if (!update.changed()) {
            return new Outcome(RemediationState.SKIPPED, remediation.target + " is already in " + file);
        }
        return openPullRequest(github, remediation, config, branch, defaultBranch(remediation), base -> {
            String head = github.branch(base).orElseThrow(() -> new GitHubApiException(404, "GET", "branch " + base, ""))
                    .sha();
            String blob = github.createBlob(QuarantineFile.add(github.fileContent(file, head).orElse(null),
                    remediation.target, reason).content());
            String tree = github.createTree(github.commit(head).treeSha(),
                    List.of(new RevertPlan.TreeChange(file, "100644", blob)));
            return github.createCommit("Quarantine flaky test " + remediation.target + "\n\nRemediator audit id "
                    + remediation.id + ".\n", tree, head);
        }, PullRequestText.quarantine(remediation.target, file, remediation.explanation, evidenceLink(github, remediation),
                RunReports.view(remediation).risk(), remediation.id));
    }

    /** Makes the commit on top of {@code base}'s head; returns its SHA. */
    @FunctionalInterface
    private interface CommitMaker {
        String make(String base) throws IOException, RevertPlan.RefusedException;
    }

    /**
     * The common end of every pull request remediation: reuse the pull request or branch an earlier attempt made,
     * else commit, branch and open the draft; then label it. Within the daily limit, checked again now because an
     * approval can come hours after the plan.
     */
    private Outcome openPullRequest(RepositoryGitHub github, RemediationRecord remediation, RepositoryConfig config,
            String branch, String base, CommitMaker commit, PullRequestText.Text text)
            throws IOException, RevertPlan.RefusedException {
        Optional<PullRequest> existing = github.pullRequestFrom(branch);
        if (existing.isEmpty()) {
            int today = store.pullRequestsOpenedSince(remediation.repositoryId, Instant.now().minus(Duration.ofDays(1)));
            if (today >= config.maxPrsPerDay()) {
                return new Outcome(RemediationState.SKIPPED, "the daily limit of " + config.maxPrsPerDay()
                        + " pull requests is reached");
            }
            store.recordBranch(remediation.id, branch);
            if (github.refSha(branch).isEmpty()) {
                github.createBranch(branch, commit.make(base));
            }
            existing = Optional.of(openOrFind(github, branch, base, text));
        }
        PullRequest pull = existing.get();
        github.addLabels(pull.number(), LABELS);
        store.recordPullRequest(remediation.id, branch, pull.number(), pull.url());
        return new Outcome(RemediationState.DONE, "draft pull request #" + pull.number() + " opened");
    }

    /** A 422 can mean an earlier attempt's request reached GitHub though its answer was lost: look before failing. */
    private static PullRequest openOrFind(RepositoryGitHub github, String branch, String base, PullRequestText.Text text)
            throws IOException {
        try {
            return github.openDraftPullRequest(text.title(), text.body(), branch, base);
        } catch (GitHubApiException e) {
            if (e.unprocessable()) {
                Optional<PullRequest> found = github.pullRequestFrom(branch);
                if (found.isPresent()) {
                    return found.get();
                }
            }
            throw e;
        }
    }

    private static String defaultBranch(RemediationRecord remediation) {
        InstalledRepository repository = InstalledRepository.findById(remediation.repositoryId);
        return repository == null || repository.defaultBranch == null ? "main" : repository.defaultBranch;
    }

    private static String evidenceLink(RepositoryGitHub github, RemediationRecord remediation) {
        return "run " + remediation.runId + " of " + github.fullName() + " (the Remediator check run on "
                + remediation.headSha.substring(0, Math.min(7, remediation.headSha.length())) + ")";
    }
}
