package dev.remediator.flow.validation;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.core.remediation.AutoMergePolicy;
import dev.remediator.core.report.ValidationComment;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.github.RepositoryGitHub.PullRequestNode;
import dev.remediator.outbox.LifecycleConsumer;
import dev.remediator.store.FixValidationStore;
import dev.remediator.store.InstallationStore;
import dev.remediator.store.KnownRepository;
import dev.remediator.store.RemediationStore;

/**
 * What follows a fix's validation: a passed one is marked ready for review and, where the repository opted in and
 * the policy allows, handed to GitHub's auto-merge; a failed one stays a draft and says why. Either way the fix's
 * pull request gets the outcome in its validation comment. Run again after a crash, it looks before it writes: a
 * pull request out of draft is not marked again, auto-merge is never enabled twice.
 */
@ApplicationScoped
public class ValidatedFixes implements LifecycleConsumer {

    private static final Logger LOG = Logger.getLogger(ValidatedFixes.class);

    @Inject
    RemediationStore store;

    @Inject
    FixValidationStore validations;

    @Inject
    GitHubRepositories repositories;

    @Inject
    InstallationStore installations;

    @Inject
    RepositoryConfigLoader configs;

    @Override
    public String name() {
        return "validated-fixes";
    }

    @Override
    public boolean wants(RemediationChanged event) {
        return event.event() == RemediationEvent.VALIDATION_PASSED || event.event() == RemediationEvent.VALIDATION_FAILED;
    }

    @Override
    public void consume(RemediationChanged event) throws Exception {
        Remediation remediation = store.find(event.remediationId()).orElseThrow();
        FixValidation validation = validations.find(remediation.id()).orElseThrow();
        KnownRepository known = installations.repository(remediation.repositoryId()).orElseThrow();
        RepositoryGitHub github = repositories.open(known.installationId(), known.id(), known.fullName());
        String autoMerge = null;
        if (validation.state() == FixValidation.State.PASSED) {
            PullRequestNode pull = github.pullRequestNode(remediation.pullNumber());
            if (pull.draft()) {
                github.markReadyForReview(pull.id());
            }
            RepositoryConfig config = configs.load(known.installationId(), known.id(), known.fullName()).config();
            autoMerge = config.autoMerge().enabled() ? autoMerge(github, remediation, pull, config) : null;
        }
        comment(github, remediation, ValidationComment.render(remediation.id(), validation, autoMerge));
    }

    /** Enables auto-merge when the policy allows, or records why not; says which, for the comment. */
    private String autoMerge(RepositoryGitHub github, Remediation remediation, PullRequestNode pull,
            RepositoryConfig config) throws IOException {
        if (store.happened(remediation.id(), RemediationEvent.AUTO_MERGE_ENABLED)) {
            return "enabled by Remediator";
        }
        List<String> changed = github.compare(pull.baseRef(), pull.headSha()).changedFiles();
        AutoMergePolicy.Verdict verdict = AutoMergePolicy.decide(config, remediation.action(), remediation.risk(),
                changed, pull.autoMergeEnabled());
        if (verdict.enable()) {
            github.enableAutoMerge(pull.id(), config.autoMerge().method().name());
            store.apply(remediation.id(), LifecycleChange.of(RemediationEvent.AUTO_MERGE_ENABLED,
                    RemediationStore.REMEDIATOR, verdict.reason(), null).noting("auto-merge enabled: " + verdict.reason()));
            LOG.infof("Remediation %d: auto-merge enabled on pull request #%d of %s", remediation.id(),
                    remediation.pullNumber(), github.fullName());
            return "enabled: " + verdict.reason();
        }
        if (!store.happened(remediation.id(), RemediationEvent.AUTO_MERGE_REFUSED)) {
            store.apply(remediation.id(), LifecycleChange.of(RemediationEvent.AUTO_MERGE_REFUSED,
                    RemediationStore.REMEDIATOR, verdict.reason(), null).noting("not auto-merged: " + verdict.reason()));
        }
        return "not enabled, " + verdict.reason();
    }

    private static void comment(RepositoryGitHub github, Remediation remediation, String body) throws IOException {
        int number = remediation.pullNumber();
        for (RepositoryGitHub.Comment existing : github.comments(number)) {
            if (existing.body().startsWith(ValidationComment.MARKER)) {
                github.updateComment(existing.id(), body);
                return;
            }
        }
        github.createComment(number, body);
    }
}
