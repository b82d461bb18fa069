package dev.remediator.flow.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.outbox.LifecycleConsumer;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;

/**
 * Redraws a remediation's report after a change that no delivery brought (an approval that expired, a regeneration
 * that timed out): a flow handling a delivery draws its own result when it ends, so only scheduled changes need this.
 */
@ApplicationScoped
public class ReportsOfScheduledChanges implements LifecycleConsumer {

    @Inject
    RemediationStore store;

    @Inject
    GitHubRepositories repositories;

    @Inject
    RemediationReports reports;

    @Override
    public String name() {
        return "reports-of-scheduled-changes";
    }

    @Override
    public boolean wants(RemediationChanged event) {
        return event.deliveryId() == null;
    }

    @Override
    public void consume(RemediationChanged event) throws Exception {
        Remediation remediation = store.find(event.remediationId()).orElseThrow();
        reports.publish(repositories.open(remediation.repositoryId()), remediation);
    }
}
