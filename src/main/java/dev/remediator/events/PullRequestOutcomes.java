package dev.remediator.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.core.remediation.RemediatorBranch;
import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.store.RemediationStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code pull_request} closed: whether a pull request Remediator opened was merged or closed, which feeds the risk
 * model's track record and the metrics.
 */
@ApplicationScoped
public class PullRequestOutcomes implements DeliveryHandler {

    private static final Logger LOG = Logger.getLogger(PullRequestOutcomes.class);

    @Inject
    RemediationStore remediations;

    @Inject
    MeterRegistry registry;

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.is("pull_request", "closed") && delivery.repositoryId() != null
                && RemediatorBranch.isOwn(delivery.payload().path("pull_request").path("head").path("ref").asText());
    }

    @Override
    public void handle(Delivery delivery) {
        JsonNode pull = delivery.payload().path("pull_request");
        boolean merged = pull.path("merged").asBoolean();
        String outcome = merged ? "merged" : "closed";
        String actor = delivery.payload().path("sender").path("login").asText("unknown");
        remediations.recordOutcome(delivery.repositoryId(), pull.path("head").path("ref").asText(), merged,
                pull.path("merge_commit_sha").asText(null), actor, delivery.deliveryId()).ifPresent(r -> {
                    registry.counter("remediator.pull_requests", "action", r.action().slug(), "outcome", outcome).increment();
                    LOG.infof("Remediator's pull request #%d (%s) was %s by @%s", pull.path("number").asInt(),
                            r.action().slug(), outcome, actor);
                });
    }
}
