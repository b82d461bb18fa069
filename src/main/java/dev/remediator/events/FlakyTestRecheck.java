package dev.remediator.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.flow.failure.FailedRun;
import dev.remediator.flow.failure.FailureAnalysis;

/**
 * {@code workflow_run} completed green at a commit where the same workflow failed: the tests that failed there are
 * flaky, and the failure is planned again with that evidence (a quarantine proposal).
 */
@ApplicationScoped
public class FlakyTestRecheck implements DeliveryHandler {

    @Inject
    RepositoryConfigLoader configs;

    @Inject
    FailureAnalysis analysis;

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.is("workflow_run", "completed") && delivery.installationId() != null
                && delivery.repositoryId() != null
                && "success".equals(delivery.payload().path("workflow_run").path("conclusion").asText());
    }

    @Override
    public void handle(Delivery delivery) throws Exception {
        FailedRun green = FailedRun.of(delivery.installationId(), delivery.payload(), delivery.receivedAt());
        if (RemediatorBranch.isOwn(green.headBranch()) || green.fromFork()) {
            return;
        }
        List<Long> redRuns = analysis.redRunsAtSameCommit(green);
        if (!redRuns.isEmpty()) {
            analysis.recheckAfterGreenRun(green, redRuns,
                    configs.load(green.installationId(), green.repositoryId(), green.repository()), delivery.deliveryId());
        }
    }
}
