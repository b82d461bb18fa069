package dev.remediator.flow.lifecycle;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.remediation.RevertPlan;
import dev.remediator.github.GitHubApiException;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;

/**
 * Carries out an approved remediation on GitHub through the {@link RemediationActions} of its action, and moves it to
 * where the execution leaves it. Never pushes to an existing branch.
 */
@ApplicationScoped
public class RemediationExecutor {

    private static final Logger LOG = Logger.getLogger(RemediationExecutor.class);

    @Inject
    RemediationStore store;

    @Inject
    Instance<RemediationActions> implementations;

    private final Map<RemediationAction, RemediationActions> byAction = new EnumMap<>(RemediationAction.class);

    @PostConstruct
    void index() {
        implementations.forEach(actions -> actions.actions().forEach(action -> byAction.put(action, actions)));
    }

    /**
     * Runs an APPROVED remediation, or resumes one left EXECUTING by an interrupted attempt. A failure GitHub could
     * be at fault for (down, rate limited) propagates, leaving it EXECUTING for the delivery's retry to resume.
     */
    public void execute(RepositoryGitHub github, Remediation remediation, RepositoryConfig config, String deliveryId)
            throws IOException {
        if (remediation.state() == RemediationState.APPROVED) {
            RemediationStore.Transition started = store.apply(remediation.id(), LifecycleChange.of(
                    RemediationEvent.EXECUTION_STARTED, RemediationStore.REMEDIATOR, "executing", deliveryId));
            if (!started.applied()) {
                return;
            }
            remediation = started.remediation();
        }
        if (remediation.state() != RemediationState.EXECUTING) {
            return;
        }
        RemediationActions actions = byAction.get(remediation.action());
        try {
            ExecutionOutcome outcome = actions == null
                    ? new ExecutionOutcome(RemediationState.SKIPPED, "a manual review has nothing to execute")
                    : actions.execute(github, remediation, config);
            if (outcome.state() == RemediationState.EXECUTING) {
                store.note(remediation.id(), outcome.reason());
            } else {
                finish(remediation, outcome.state(), outcome.reason(), deliveryId);
            }
        } catch (GitHubApiException e) {
            // GitHub refused (a 4xx that will not change): say so and stop; a human can retry with an approval.
            LOG.warnf("Remediation %d (%s) refused by GitHub: %s", remediation.id(), remediation.action(), e.getMessage());
            finish(remediation, RemediationState.FAILED, "GitHub refused it: " + e.getMessage(), deliveryId);
        } catch (RevertPlan.RefusedException e) {
            finish(remediation, RemediationState.SKIPPED, "reverting is refused: " + e.getMessage(), deliveryId);
        }
    }

    /** Ends a remediation left EXECUTING that cannot finish (its regeneration workflow failed), saying why. */
    public void fail(Remediation remediation, String reason, String deliveryId) {
        finish(remediation, RemediationState.FAILED, reason, deliveryId);
    }

    private void finish(Remediation remediation, RemediationState state, String reason, String deliveryId) {
        RemediationEvent event = switch (state) {
            case DONE -> RemediationEvent.EXECUTED;
            case FAILED -> RemediationEvent.EXECUTION_FAILED;
            case SKIPPED -> RemediationEvent.EXECUTION_SKIPPED;
            default -> throw new IllegalArgumentException("an execution does not end " + state);
        };
        LifecycleChange change = LifecycleChange.of(event, RemediationStore.REMEDIATOR, reason, deliveryId);
        store.apply(remediation.id(), state == RemediationState.DONE ? change : change.noting(reason));
    }
}
