package dev.remediator.flow.validation;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.remediator.core.lifecycle.FixValidation;
import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.github.RepositoryGitHub.PullRequestNode;
import dev.remediator.store.FixValidationStore;
import dev.remediator.store.RemediationStore;

/**
 * Follows the CI of the pull requests Remediator opens: from the head of the pull request, the checks branch
 * protection requires (every check without protection) decide whether the fix is proven.
 */
@ApplicationScoped
public class FixValidations {

    private static final Logger LOG = Logger.getLogger(FixValidations.class);

    @Inject
    FixValidationStore validations;

    /** The app's slug: its own check runs report on CI and are not part of it. */
    @ConfigProperty(name = "quarkus.github-app.app-name", defaultValue = "remediator")
    String appName;

    /** Starts following the pull request a remediation opened (VALIDATION_STARTED, PENDING); once. */
    public void follow(RepositoryGitHub github, Remediation remediation) throws IOException {
        PullRequestNode pull = github.pullRequestNode(remediation.pullNumber());
        if (validations.start(remediation.id(), remediation.repositoryId(), remediation.pullNumber(),
                remediation.branch(), pull.headSha(), LifecycleChange.of(RemediationEvent.VALIDATION_STARTED,
                        RemediationStore.REMEDIATOR, "following the CI of pull request #" + remediation.pullNumber()
                                + " on " + FixValidation.pending(pull.headSha()).summary(), null))) {
            LOG.infof("Remediation %d: following the CI of pull request #%d of %s", remediation.id(),
                    remediation.pullNumber(), github.fullName());
        }
    }

    /** What the checks on the pull request's head say of it, judged as branch protection would. */
    public FixValidation judge(RepositoryGitHub github, PullRequestNode pull) throws IOException {
        return github.checkSuitesFinished(pull.headSha(), appName)
                ? FixValidation.judge(pull.headSha(), github.checksOn(pull.headSha(), appName),
                        github.requiredChecks(pull.baseRef()))
                : FixValidation.pending(pull.headSha());
    }

    /**
     * Reads the checks on the fix's head again and keeps what they say.
     *
     * @return whether the validation's outcome changed (PASSED or FAILED recorded)
     */
    public boolean refresh(RepositoryGitHub github, FixValidationStore.Followed followed, String deliveryId)
            throws IOException {
        PullRequestNode pull = github.pullRequestNode(followed.pullNumber());
        if (!"OPEN".equals(pull.state())) {
            return false;
        }
        FixValidation validation = judge(github, pull);
        boolean decided = validations.record(followed.remediationId(), validation, RemediationStore.REMEDIATOR,
                deliveryId);
        if (decided) {
            LOG.infof("Remediation %d: %s", followed.remediationId(), validation.summary());
        }
        return decided;
    }
}
