package dev.remediator.flow.quarantine;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.core.remediation.QuarantineFile;
import dev.remediator.core.remediation.QuarantineTerm;
import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.core.remediation.RevertPlan;
import dev.remediator.core.report.QuarantineText;
import dev.remediator.flow.lifecycle.DraftPullRequests;
import dev.remediator.flow.validation.FixValidations;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.github.RepositoryGitHub.PullRequestNode;
import dev.remediator.store.InstallationStore;
import dev.remediator.store.KnownRepository;
import dev.remediator.store.QuarantineStore;
import dev.remediator.store.QuarantineStore.Quarantined;
import dev.remediator.store.RemediationStore;

/**
 * The trial that ends a quarantine: a draft pull request taking the test out of the quarantine file, whose CI is
 * judged as a fix's validation is. The decision (proposed, extended, overdue) is {@link QuarantineTerm}'s; what people
 * see of it is {@link QuarantineTerms}'s, from the outbox.
 */
@ApplicationScoped
public class QuarantineTrials {

    private static final Logger LOG = Logger.getLogger(QuarantineTrials.class);

    @Inject
    QuarantineStore quarantines;

    @Inject
    InstallationStore installations;

    @Inject
    RepositoryConfigLoader configs;

    @Inject
    GitHubRepositories repositories;

    @Inject
    DraftPullRequests pullRequests;

    @Inject
    FixValidations validations;

    /**
     * The quarantine expired: opens its trial's draft pull request (QUARANTINE_TRIAL_STARTED), or releases the test
     * when somebody took it out of the file already (QUARANTINE_RELEASED).
     */
    public void start(Quarantined quarantined) throws IOException {
        KnownRepository repository = installations.repository(quarantined.repositoryId()).orElseThrow();
        RepositoryGitHub github = repositories.open(repository.installationId(), repository.id(), repository.fullName());
        String base = repository.defaultBranchOrMain();
        String head = github.branchHead(base);
        QuarantineFile.Update update = QuarantineFile.remove(github.fileContent(quarantined.file(), head).orElse(null),
                quarantined.test());
        if (!update.changed()) {
            quarantines.endTrial(quarantined.remediationId(), QuarantineTerm.State.QUARANTINED,
                    quarantined.term().released(), change(RemediationEvent.QUARANTINE_RELEASED, quarantined.test()
                            + " is no longer in " + quarantined.file(), null).noting("released: no longer in the file"));
            return;
        }
        RepositoryConfig config = config(repository);
        QuarantineTerm onTrial = quarantined.term().trialStarted();
        String branch = RemediatorBranch.release(quarantined.test(), quarantined.remediationId(), onTrial.trials());
        RepositoryGitHub.PullRequest pull = pullRequests.draft(github, branch, base, ignored -> {
            String blob = github.createBlob(update.content());
            String tree = github.createTree(github.commit(head).treeSha(),
                    List.of(new RevertPlan.TreeChange(quarantined.file(), "100644", blob)));
            return pullRequests.commit(github, config, "Bring back quarantined test " + quarantined.test()
                    + "\n\nIts quarantine expired: the CI of this change is its trial. Tracking issue #"
                    + quarantined.issueNumber() + ".\nRemediator audit id " + quarantined.remediationId() + ".\n", tree,
                    head);
        }, QuarantineText.trialPullRequest(quarantined.test(), quarantined.file(), quarantined.issueNumber(),
                quarantined.remediationId()));
        quarantines.startTrial(quarantined.remediationId(), onTrial, branch, pull.number(), change(
                RemediationEvent.QUARANTINE_TRIAL_STARTED, "the quarantine expired: pull request #" + pull.number()
                        + " takes " + quarantined.test() + " out of " + quarantined.file(), null)
                .noting("on trial: pull request #" + pull.number() + " takes the test out of the quarantine"));
        LOG.infof("Remediation %d: the quarantine of %s expired; its trial is pull request #%d of %s",
                quarantined.remediationId(), quarantined.test(), pull.number(), github.fullName());
    }

    /** CI reported on a trial's branch: its checks are read again, and a decided outcome recorded once. */
    public void checksReported(long repositoryId, String branch, String deliveryId) throws IOException {
        Optional<Quarantined> quarantined = quarantines.onTrial(repositoryId, branch);
        if (quarantined.isPresent()) {
            refresh(quarantined.get(), deliveryId);
        }
    }

    /** Reads the trial's checks: green proposes it, red extends the quarantine once, then makes it overdue. */
    public void refresh(Quarantined quarantined, String deliveryId) throws IOException {
        KnownRepository repository = installations.repository(quarantined.repositoryId()).orElseThrow();
        RepositoryGitHub github = repositories.open(repository.installationId(), repository.id(), repository.fullName());
        PullRequestNode pull = github.pullRequestNode(quarantined.trialPullNumber());
        if (!"OPEN".equals(pull.state())) {
            return;
        }
        FixValidation trial = validations.judge(github, pull);
        if (!trial.decided()) {
            quarantines.recordTrial(quarantined.remediationId(), trial, quarantined.term(), null);
            return;
        }
        boolean passed = trial.state() == FixValidation.State.PASSED;
        QuarantineTerm next = passed ? quarantined.term() : failed(quarantined, repository);
        quarantines.recordTrial(quarantined.remediationId(), trial, next, change(passed
                ? RemediationEvent.QUARANTINE_TRIAL_PASSED : RemediationEvent.QUARANTINE_TRIAL_FAILED,
                "the trial, pull request #" + quarantined.trialPullNumber() + ": " + trial.summary(), deliveryId)
                .noting(passed ? "trial passed: pull request #" + quarantined.trialPullNumber() + " is proposed for merge"
                        : note(next)));
    }

    /** The trial's pull request closed: merged, the test is back; closed unmerged, it counts as a red trial. */
    public void closed(long repositoryId, String branch, boolean merged, String actor, String deliveryId)
            throws IOException {
        Optional<Quarantined> quarantined = quarantines.onTrial(repositoryId, branch);
        if (quarantined.isEmpty()) {
            return;
        }
        Quarantined onTrial = quarantined.get();
        String pull = "pull request #" + onTrial.trialPullNumber();
        if (merged) {
            quarantines.endTrial(onTrial.remediationId(), QuarantineTerm.State.ON_TRIAL, onTrial.term().released(),
                    LifecycleChange.of(RemediationEvent.QUARANTINE_RELEASED, actor, pull + " merged", deliveryId)
                            .noting("released: " + pull + " brought the test back"));
        } else {
            QuarantineTerm next = failed(onTrial, installations.repository(repositoryId).orElseThrow());
            quarantines.endTrial(onTrial.remediationId(), QuarantineTerm.State.ON_TRIAL, next, LifecycleChange.of(
                    RemediationEvent.QUARANTINE_TRIAL_FAILED, actor, pull + " closed without merging", deliveryId)
                    .noting(note(next)));
        }
    }

    private QuarantineTerm failed(Quarantined quarantined, KnownRepository repository) throws IOException {
        return quarantined.term().trialFailed(Instant.now(),
                config(repository).failures().quarantine().expireAfterDays());
    }

    private RepositoryConfig config(KnownRepository repository) throws IOException {
        return configs.load(repository.installationId(), repository.id(), repository.fullName()).config();
    }

    private static String note(QuarantineTerm next) {
        return next.state() == QuarantineTerm.State.OVERDUE
                ? "trial failed after its extension: stays quarantined until its owner fixes or deletes the test"
                : "trial failed: quarantine extended once, until " + next.expiresAt().toString().substring(0, 10);
    }

    private static LifecycleChange change(RemediationEvent event, String reason, String deliveryId) {
        return LifecycleChange.of(event, RemediationStore.REMEDIATOR, reason, deliveryId);
    }
}
