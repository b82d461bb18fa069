package dev.remediator.flow.lifecycle;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.remediation.PlannedRemediation;
import dev.remediator.core.lifecycle.LifecycleChange;
import dev.remediator.core.lifecycle.RemediationEvent;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;

/**
 * The common end of the failure and the drift flows: stores what the planner proposed, applies the
 * policy's decision to what is new, and executes what may run now. A redelivery finds its remediations stored and
 * decided, and only resumes what an interrupted execution left.
 */
@ApplicationScoped
public class PlannedRemediations {

    /** Who a decision made by the repository's policy is attributed to in the audit trail. */
    public static final String POLICY = "policy";

    @Inject
    RemediationStore store;

    @Inject
    RemediationExecutor executor;

    /** Stores one planned remediation with its approval deadline, or finds the one stored for it before. */
    @FunctionalInterface
    public interface Proposer {
        Remediation propose(PlannedRemediation planned, Instant approvalDeadline);
    }

    public void act(RepositoryGitHub github, List<PlannedRemediation> plan, Proposer proposer, RepositoryConfig config,
            String deliveryId) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofHours(config.approval().timeoutHours()));
        for (PlannedRemediation planned : plan) {
            Remediation remediation = proposer.propose(planned, deadline);
            if (remediation.state() == RemediationState.PROPOSED) {
                // new, or stored by an attempt that died before deciding: the transitions are compare-and-set, and
                // give the remediation as it is after the decision (or as another replica's decision left it)
                remediation = decide(remediation, planned, deliveryId);
            }
            if (remediation.state() == RemediationState.APPROVED || remediation.state() == RemediationState.EXECUTING) {
                executor.execute(github, remediation, config, deliveryId);
            }
        }
    }

    private Remediation decide(Remediation remediation, PlannedRemediation planned, String deliveryId) {
        RemediationEvent event = !planned.action().executable() ? RemediationEvent.EXPLAINED
                : switch (planned.decision().verdict()) {
                    case RUN -> RemediationEvent.AUTO_APPROVED;
                    case ASK -> RemediationEvent.APPROVAL_REQUESTED;
                    case SKIP -> RemediationEvent.SKIPPED_BY_POLICY;
                };
        String reason = event == RemediationEvent.EXPLAINED ? "explanation posted" : planned.decision().reason();
        return store.apply(remediation.id(), LifecycleChange.of(event, POLICY, reason, deliveryId)).remediation();
    }
}
