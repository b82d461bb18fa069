package dev.remediator.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.flow.failure.FailedRun;
import dev.remediator.flow.failure.FailureAnalysis;

/** {@code workflow_run} completed red: analyse, plan, act, report (DESIGN §1). */
@ApplicationScoped
public class FailedRunAnalyser implements DeliveryHandler {

    private static final Logger LOG = Logger.getLogger(FailedRunAnalyser.class);

    @Inject
    RepositoryConfigLoader configs;

    @Inject
    FailureAnalysis analysis;

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.is("workflow_run", "completed") && delivery.installationId() != null
                && delivery.repositoryId() != null;
    }

    @Override
    public void handle(Delivery delivery) throws Exception {
        FailedRun run = FailedRun.of(delivery.installationId(), delivery.payload(), delivery.receivedAt());
        if (!run.failed()) {
            return;
        }
        LoadedConfig config = configs.load(run.installationId(), run.repositoryId(), run.repository());
        if (!config.config().failures().watches(run.workflowName(), run.workflowPath())) {
            LOG.infof("Workflow %s of %s is not in failures.workflows: not analysed", run.workflowName(), run.repository());
            return;
        }
        // the loop guard: a fix's own CI is analysed (its validation failed, people want to know why), never fixed
        boolean ownFix = RemediatorBranch.isOwn(run.headBranch());
        if (ownFix) {
            LOG.infof("Run %d of %s is on Remediator's own branch %s: analysed, not remediated", run.runId(),
                    run.repository(), run.headBranch());
        }
        analysis.analyse(run, config, delivery.deliveryId(), delivery.attempt() > 1, !ownFix);
    }
}
