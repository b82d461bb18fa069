package dev.remediator.flow.quarantine;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.core.remediation.QuarantineTerm;
import dev.remediator.core.report.QuarantineText;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.github.RepositoryGitHub.PullRequestNode;
import dev.remediator.outbox.LifecycleConsumer;
import dev.remediator.store.InstallationStore;
import dev.remediator.store.KnownRepository;
import dev.remediator.store.QuarantineStore;
import dev.remediator.store.QuarantineStore.Quarantined;

/**
 * What a quarantined test's term does on GitHub. Its quarantine's pull request merged: the term starts; closed
 * unmerged: the tracking issue closes. Its trial started, passed (the trial's pull request is marked ready for review:
 * proposed for merge), failed (the pull request is closed, the evidence goes on the issue and the owner is asked
 * again), or the test was released (the issue closes). Each comment carries its event's id, so a consumer run again
 * after a crash finds it and writes nothing twice.
 */
@ApplicationScoped
public class QuarantineTerms implements LifecycleConsumer {

    private static final Set<RemediationEvent> WANTED = EnumSet.of(RemediationEvent.PULL_REQUEST_MERGED,
            RemediationEvent.PULL_REQUEST_CLOSED, RemediationEvent.QUARANTINE_TRIAL_STARTED,
            RemediationEvent.QUARANTINE_TRIAL_PASSED, RemediationEvent.QUARANTINE_TRIAL_FAILED,
            RemediationEvent.QUARANTINE_RELEASED);

    @Inject
    QuarantineStore quarantines;

    @Inject
    InstallationStore installations;

    @Inject
    GitHubRepositories repositories;

    @Inject
    RepositoryConfigLoader configs;

    @Override
    public String name() {
        return "quarantine-terms";
    }

    @Override
    public boolean wants(RemediationChanged event) {
        return WANTED.contains(event.event());
    }

    @Override
    public void consume(RemediationChanged event) throws Exception {
        Optional<Quarantined> found = quarantines.find(event.remediationId());
        if (found.isEmpty()) {
            return;
        }
        Quarantined quarantined = found.get();
        KnownRepository repository = installations.repository(quarantined.repositoryId()).orElseThrow();
        RepositoryGitHub github = repositories.open(repository.installationId(), repository.id(), repository.fullName());
        int issue = quarantined.issueNumber();
        switch (event.event()) {
            case PULL_REQUEST_MERGED -> begin(quarantined, repository, event);
            case PULL_REQUEST_CLOSED -> {
                if (quarantined.term().state() == QuarantineTerm.State.PROPOSED) {
                    quarantines.keep(quarantined.remediationId(), quarantined.term().dropped());
                    close(github, issue, QuarantineText.dropped(event.eventId()), "not_planned");
                }
            }
            case QUARANTINE_TRIAL_STARTED -> comment(github, issue, QuarantineText.trialStarted(event.eventId(),
                    quarantined.trialPullNumber(), quarantined.file()));
            case QUARANTINE_TRIAL_PASSED -> {
                PullRequestNode pull = github.pullRequestNode(quarantined.trialPullNumber());
                if (pull.draft() && "OPEN".equals(pull.state())) {
                    github.markReadyForReview(pull.id());
                }
                comment(github, issue, QuarantineText.trialPassed(event.eventId(),
                        quarantined.trialPullNumber()));
            }
            case QUARANTINE_TRIAL_FAILED -> {
                PullRequestNode pull = github.pullRequestNode(quarantined.trialPullNumber());
                if ("OPEN".equals(pull.state())) {
                    github.closePullRequest(quarantined.trialPullNumber());
                }
                FixValidation red = quarantined.trial() != null && quarantined.trial().state() == FixValidation.State.FAILED
                        ? quarantined.trial() : null;
                comment(github, issue, QuarantineText.trialFailed(event.eventId(),
                        quarantined.trialPullNumber(), red, quarantined.term(), owner(quarantined)));
            }
            case QUARANTINE_RELEASED -> close(github, issue, QuarantineText.released(event.eventId(),
                    quarantined.trialPullNumber()), "completed");
            default -> throw new IllegalStateException("not wanted: " + event.event());
        }
    }

    /** The quarantine's pull request merged: the test is out of the build from now, for the configured days. */
    private void begin(Quarantined quarantined, KnownRepository repository, RemediationChanged event)
            throws IOException {
        if (quarantined.term().state() == QuarantineTerm.State.PROPOSED) {
            int days = configs.load(repository.installationId(), repository.id(), repository.fullName()).config()
                    .failures().quarantine().expireAfterDays();
            quarantines.keep(quarantined.remediationId(), quarantined.term().begin(event.at(), days));
        }
    }

    private static QuarantineText.Owner owner(Quarantined quarantined) {
        return new QuarantineText.Owner(quarantined.ownerLogin(), quarantined.ownerFoundBy());
    }

    private static void close(RepositoryGitHub github, int issue, String body, String reason) throws IOException {
        comment(github, issue, body);
        github.closeIssue(issue, reason);
    }

    /** Once: a comment starting with the same event's marker is there already after a crash. */
    private static void comment(RepositoryGitHub github, int issue, String body) throws IOException {
        String marker = body.substring(0, body.indexOf('\n') + 1);
        for (RepositoryGitHub.Comment existing : github.comments(issue)) {
            if (existing.body().startsWith(marker)) {
                return;
            }
        }
        github.createComment(issue, body);
    }
}
