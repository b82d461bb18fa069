package dev.remediator.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.flow.validation.FixValidations;
import dev.remediator.github.GitHubRepositories;
import dev.remediator.github.RepositoryGitHub;
import dev.remediator.flow.lifecycle.RemediationReports;
import dev.remediator.store.FixValidationStore;
import dev.remediator.store.RemediationStore;

/**
 * {@code workflow_run} and {@code check_suite} completed on one of Remediator's branches: CI reported on a fix's
 * pull request, so its validation is read again, and the report of the remediation redrawn when the outcome changed.
 */
@ApplicationScoped
public class FixPullRequestChecks implements DeliveryHandler {

    @Inject
    FixValidationStore followed;

    @Inject
    FixValidations validations;

    @Inject
    GitHubRepositories repositories;

    @Inject
    RemediationStore remediations;

    @Inject
    RemediationReports reports;

    @Override
    public boolean handles(Delivery delivery) {
        return (delivery.is("workflow_run", "completed") || delivery.is("check_suite", "completed"))
                && delivery.installationId() != null && delivery.repositoryId() != null
                && RemediatorBranch.isOwn(headBranch(delivery));
    }

    @Override
    public void handle(Delivery delivery) throws Exception {
        var fix = followed.byBranch(delivery.repositoryId(), headBranch(delivery));
        if (fix.isEmpty()) {
            return;
        }
        RepositoryGitHub github = repositories.open(delivery.installationId(), delivery.repositoryId(),
                delivery.repositoryFullName());
        if (validations.refresh(github, fix.get(), delivery.deliveryId())) {
            reports.publish(github, remediations.find(fix.get().remediationId()).orElseThrow());
        }
    }

    private static String headBranch(Delivery delivery) {
        String subject = delivery.event().equals("check_suite") ? "check_suite" : "workflow_run";
        return delivery.payload().path(subject).path("head_branch").asText(null);
    }
}
