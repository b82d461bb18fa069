package dev.remediator.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.flow.quarantine.QuarantineTrials;

/**
 * News of a quarantined test's trial, on its {@code remediator/release/...} branch: its CI finished
 * ({@code workflow_run}, {@code check_suite} completed), or its pull request was merged or closed.
 */
@ApplicationScoped
public class QuarantineTrialNews implements DeliveryHandler {

    @Inject
    QuarantineTrials trials;

    @Override
    public boolean handles(Delivery delivery) {
        return (delivery.is("workflow_run", "completed") || delivery.is("check_suite", "completed")
                || delivery.is("pull_request", "closed")) && delivery.repositoryId() != null
                && RemediatorBranch.isRelease(branch(delivery));
    }

    @Override
    public void handle(Delivery delivery) throws Exception {
        if (delivery.event().equals("pull_request")) {
            JsonNode pull = delivery.payload().path("pull_request");
            trials.closed(delivery.repositoryId(), branch(delivery), pull.path("merged").asBoolean(),
                    delivery.payload().path("sender").path("login").asText("unknown"), delivery.deliveryId());
        } else {
            trials.checksReported(delivery.repositoryId(), branch(delivery), delivery.deliveryId());
        }
    }

    private static String branch(Delivery delivery) {
        JsonNode payload = delivery.payload();
        return switch (delivery.event()) {
            case "pull_request" -> payload.path("pull_request").path("head").path("ref").asText(null);
            case "check_suite" -> payload.path("check_suite").path("head_branch").asText(null);
            default -> payload.path("workflow_run").path("head_branch").asText(null);
        };
    }
}
