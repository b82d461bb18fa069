package dev.remediator.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.store.InstallationStore;

/**
 * Refreshes what we know of a repository (name, visibility, default branch) from any delivery about it, so that
 * renames and default-branch changes are followed without an API call.
 */
@ApplicationScoped
public class RepositoryTracker implements DeliveryHandler {

    @Inject
    InstallationStore store;

    @Override
    public Stage stage() {
        return Stage.RECORD;
    }

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.installationId() != null && delivery.repositoryId() != null
                && !delivery.event().startsWith("installation");
    }

    @Override
    public void handle(Delivery delivery) {
        JsonNode repository = delivery.payload().path("repository");
        store.saveRepository(delivery.repositoryId(), delivery.installationId(), Payloads.fullName(repository),
                Payloads.bool(repository.path("private")), repository.path("default_branch").asText(null));
    }
}
