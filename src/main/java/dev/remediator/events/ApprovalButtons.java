package dev.remediator.events;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.core.report.CheckRunReport;
import dev.remediator.core.report.DriftCheckRunReport;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.flow.failure.Reanalysis;
import dev.remediator.flow.lifecycle.Approvals;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;

/**
 * {@code check_run} {@code requested_action}: the Approve, Reject and Re-analyse buttons of the Remediator check run,
 * and the Approve and Reject buttons of the Drift check run. The button names its remediation, which knows what it is
 * about.
 */
@ApplicationScoped
public class ApprovalButtons implements DeliveryHandler {

    private static final Logger LOG = Logger.getLogger(ApprovalButtons.class);
    private static final Set<String> CHECK_RUNS = Set.of(CheckRunReport.NAME, DriftCheckRunReport.NAME);

    @Inject
    GitHubRepositories repositories;

    @Inject
    RemediationStore store;

    @Inject
    Approvals approvals;

    @Inject
    Reanalysis reanalysis;

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.is("check_run", "requested_action") && delivery.installationId() != null
                && delivery.repositoryId() != null
                && CHECK_RUNS.contains(delivery.payload().path("check_run").path("name").asText());
    }

    @Override
    public void handle(Delivery delivery) throws Exception {
        String identifier = delivery.payload().path("requested_action").path("identifier").asText();
        String actor = delivery.payload().path("sender").path("login").asText();
        RepositoryGitHub github = repositories.open(delivery.installationId(), delivery.repositoryId(),
                delivery.repositoryFullName());
        for (String prefix : new String[] { CheckRunReport.APPROVE, CheckRunReport.REJECT, CheckRunReport.REANALYSE }) {
            long id = CheckRunReport.remediationId(identifier, prefix);
            Remediation remediation = id < 0 ? null : store.find(id).orElse(null);
            if (remediation == null || remediation.repositoryId() != delivery.repositoryId()) {
                continue;
            }
            Approvals.Answer answer = switch (prefix) {
                case CheckRunReport.APPROVE -> approvals.approve(github, delivery.installationId(), remediation, actor,
                        delivery.deliveryId());
                case CheckRunReport.REJECT -> approvals.reject(github, delivery.installationId(), remediation, actor,
                        delivery.deliveryId());
                default -> reanalysis.reanalyse(github, delivery.installationId(), remediation, actor, delivery.deliveryId());
            };
            LOG.infof("Button %s by @%s: %s", identifier, actor, answer.message());
            return;
        }
        LOG.warnf("Button %s on %s names no remediation of that repository", identifier, delivery.repositoryFullName());
    }
}
