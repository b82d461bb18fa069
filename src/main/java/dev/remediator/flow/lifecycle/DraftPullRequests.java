package dev.remediator.flow.lifecycle;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.report.PullRequestText;
import dev.remediator.github.AppBot;
import dev.remediator.github.GitHubApiException;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.github.RepositoryGitHub.PullRequest;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;

/**
 * The common end of every pull request remediation: reuse the pull request or branch an earlier
 * attempt made, else commit, branch and open the draft; then label it. Never pushes to an existing branch.
 */
@ApplicationScoped
public class DraftPullRequests {

    static final List<String> LABELS = List.of("remediator", "auto-generated");

    @Inject
    RemediationStore store;

    @Inject
    AppBot bot;

    /**
     * Makes a commit of Remediator's, signed off in the app's bot identity when the repository asks for it
     * ({@code commits.sign_off}, for repositories that enforce the DCO); returns its SHA. Every commit goes through here.
     */
    public String commit(RepositoryGitHub github, RepositoryConfig config, String message, String tree, String parent)
            throws IOException {
        return config.commits().signOff() ? bot.signedCommit(github, message, tree, parent)
                : github.createCommit(message, tree, parent).sha();
    }

    /** Makes the commit on top of {@code base}'s head; returns its SHA. */
    @FunctionalInterface
    public interface CommitMaker<E extends Exception> {
        String make(String base) throws IOException, E;
    }

    /**
     * Opens the draft from {@code branch} into {@code base}, within the daily limit, checked again now because an
     * approval can come hours after the plan. {@code commit} runs only when the branch does not exist yet.
     */
    public <E extends Exception> ExecutionOutcome open(RepositoryGitHub github, Remediation remediation,
            RepositoryConfig config, String branch, String base, CommitMaker<E> commit, PullRequestText.Text text)
            throws IOException, E {
        Optional<PullRequest> existing = github.pullRequestFrom(branch);
        if (existing.isEmpty()
                && !store.reservePullRequest(remediation.id(), remediation.repositoryId(), branch, config.maxPrsPerDay())) {
            return new ExecutionOutcome(RemediationState.SKIPPED, "the daily limit of " + config.maxPrsPerDay()
                    + " pull requests is reached");
        }
        PullRequest pull = draft(github, existing, branch, base, commit, text);
        store.recordPullRequest(remediation.id(), branch, pull.number(), pull.url());
        return new ExecutionOutcome(RemediationState.DONE, "draft pull request #" + pull.number() + " opened");
    }

    /**
     * A draft that is no remediation's own pull request (a quarantined test's trial): the same reuse of an earlier
     * attempt's pull request or branch, without a daily slot and without recording it on a remediation.
     */
    public <E extends Exception> PullRequest draft(RepositoryGitHub github, String branch, String base,
            CommitMaker<E> commit, PullRequestText.Text text) throws IOException, E {
        return draft(github, github.pullRequestFrom(branch), branch, base, commit, text);
    }

    private <E extends Exception> PullRequest draft(RepositoryGitHub github, Optional<PullRequest> existing,
            String branch, String base, CommitMaker<E> commit, PullRequestText.Text text) throws IOException, E {
        PullRequest pull;
        if (existing.isPresent()) {
            pull = existing.get();
        } else {
            if (github.refSha(branch).isEmpty()) {
                createBranch(github, branch, commit.make(base));
            }
            pull = openOrFind(github, branch, base, text);
        }
        github.addLabels(pull.number(), LABELS);
        return pull;
    }

    /** Another execution of the same remediation may have created the branch meanwhile: then it is ours to use. */
    private static void createBranch(RepositoryGitHub github, String branch, String sha) throws IOException {
        try {
            github.createBranch(branch, sha);
        } catch (GitHubApiException e) {
            if (!e.unprocessable() || github.refSha(branch).isEmpty()) {
                throw e;
            }
        }
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
}
