package dev.remediator.events;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.config.LoadedConfig;
import dev.remediator.core.remediation.RemediationAction;
import dev.remediator.core.lifecycle.RemediationState;
import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryConfigLoader;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.flow.lifecycle.RemediationExecutor;
import dev.remediator.flow.lifecycle.RemediationReports;
import dev.remediator.core.lifecycle.Remediation;
import dev.remediator.store.RemediationStore;

/**
 * What the regeneration workflow did on the branch a regeneration dispatched it on (DESIGN §3): a {@code push} to
 * the branch resumes the regeneration, which opens the draft pull request; its {@code workflow_run} ending without
 * success, or with success but no push, ends the regeneration as failed, saying why on the Drift check run.
 */
@ApplicationScoped
public class RegenerationResults implements DeliveryHandler {

    private static final Logger LOG = Logger.getLogger(RegenerationResults.class);
    private static final String BRANCHES = RemediatorBranch.PREFIX + RemediationAction.REGENERATE.slug() + "/";

    @Inject
    RemediationStore store;

    @Inject
    RepositoryConfigLoader configs;

    @Inject
    GitHubRepositories repositories;

    @Inject
    RemediationExecutor executor;

    @Inject
    RemediationReports reports;

    @Override
    public boolean handles(Delivery delivery) {
        if (delivery.installationId() == null || delivery.repositoryId() == null) {
            return false;
        }
        JsonNode payload = delivery.payload();
        if (delivery.is("push", null)) {
            return payload.path("ref").asText().startsWith("refs/heads/" + BRANCHES) && !payload.path("deleted").asBoolean();
        }
        return delivery.is("workflow_run", "completed")
                && payload.path("workflow_run").path("head_branch").asText().startsWith(BRANCHES)
                && "workflow_dispatch".equals(payload.path("workflow_run").path("event").asText());
    }

    @Override
    public void handle(Delivery delivery) throws Exception {
        JsonNode payload = delivery.payload();
        boolean push = delivery.event().equals("push");
        String branch = push ? payload.path("ref").asText().substring("refs/heads/".length())
                : payload.path("workflow_run").path("head_branch").asText();
        Optional<Remediation> found = store.byBranch(delivery.repositoryId(), branch);
        if (found.isEmpty() || found.get().action() != RemediationAction.REGENERATE
                || found.get().state() != RemediationState.EXECUTING) {
            LOG.infof("%s on %s of %s: no regeneration waits for it", delivery.eventAction(), branch,
                    delivery.repositoryFullName());
            return;
        }
        Remediation remediation = found.get();
        if (push && payload.path("after").asText().equals(remediation.subject())) {
            // the branch's creation from the pushed commit, by Remediator itself
            return;
        }
        LoadedConfig config = configs.load(delivery.installationId(), delivery.repositoryId(),
                delivery.repositoryFullName());
        JsonNode run = payload.path("workflow_run");
        if (!push && !run.path("path").asText().endsWith("/" + config.config().drift().regenerateWorkflow())) {
            return;
        }
        RepositoryGitHub github = repositories.open(delivery.installationId(), delivery.repositoryId(),
                delivery.repositoryFullName());
        if (!push && !"success".equals(run.path("conclusion").asText())) {
            executor.fail(remediation, "the regeneration workflow's run ended with "
                    + run.path("conclusion").asText("no conclusion") + " (" + run.path("html_url").asText()
                    + "); nothing was opened", delivery.deliveryId());
        } else {
            executor.execute(github, remediation, config.config(), delivery.deliveryId());
            if (!push && store.find(remediation.id()).orElseThrow().state() == RemediationState.EXECUTING) {
                executor.fail(remediation, "the regeneration workflow finished without pushing to " + branch
                        + "; nothing was opened", delivery.deliveryId());
            }
        }
        reports.publish(github, store.find(remediation.id()).orElseThrow());
    }
}
