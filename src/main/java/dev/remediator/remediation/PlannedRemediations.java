package dev.remediator.remediation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.config.RepositoryConfig;
import dev.remediator.core.remediation.PlannedRemediation;
import dev.remediator.core.remediation.RemediationState;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.store.RemediationRecord;
import dev.remediator.store.RemediationStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The common end of the failure and the drift flows (DESIGN §3): stores what the planner proposed, applies the
 * policy's decision to what is new, and executes what may run now. A redelivery finds its remediations stored and
 * decided, and only resumes what an interrupted execution left.
 */
@ApplicationScoped
public class PlannedRemediations {

    /** Who a decision made by the repository's policy is attributed to in the audit trail. */
    static final String POLICY = "policy";

    @Inject
    RemediationStore store;

    @Inject
    RemediationExecutor executor;

    @Inject
    MeterRegistry registry;

    /** Stores one planned remediation with its approval deadline, or finds the one stored for it before. */
    @FunctionalInterface
    interface Proposer {
        RemediationRecord propose(PlannedRemediation planned, Instant approvalDeadline);
    }

    void act(RepositoryGitHub github, List<PlannedRemediation> plan, Proposer proposer, RepositoryConfig config,
            String deliveryId) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofHours(config.approval().timeoutHours()));
        for (PlannedRemediation planned : plan) {
            RemediationRecord remediation = proposer.propose(planned, deadline);
            if (remediation.state == RemediationState.PROPOSED) {
                // new, or stored by an attempt that died before deciding: the transitions are compare-and-set
                decide(remediation, planned, deliveryId);
            }
            remediation = store.find(remediation.id).orElseThrow();
            if (remediation.state == RemediationState.APPROVED || remediation.state == RemediationState.EXECUTING) {
                executor.execute(github, remediation, config, deliveryId);
            }
        }
    }

    private void decide(RemediationRecord remediation, PlannedRemediation planned, String deliveryId) {
        String reason = planned.decision().reason();
        if (!planned.action().executable()) {
            store.transition(remediation.id, RemediationState.PROPOSED, RemediationState.DONE, POLICY,
                    "explanation posted", deliveryId);
            return;
        }
        switch (planned.decision().verdict()) {
            case RUN -> store.transition(remediation.id, RemediationState.PROPOSED, RemediationState.APPROVED, POLICY,
                    reason, deliveryId);
            case ASK -> store.transition(remediation.id, RemediationState.PROPOSED, RemediationState.AWAITING_APPROVAL,
                    POLICY, reason, deliveryId);
            case SKIP -> store.transition(remediation.id, RemediationState.PROPOSED, RemediationState.SKIPPED, POLICY,
                    reason, deliveryId);
        }
        registry.counter("remediator.remediations.proposed", "action", planned.action().slug(), "decision",
                planned.decision().verdict().name().toLowerCase(Locale.ROOT)).increment();
    }
}
