package dev.remediator.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.store.InstallationStore;

/** Keeps the repository table current when repositories are added to or removed from an installation. */
@ApplicationScoped
public class InstallationRepositoriesTracker implements DeliveryHandler {

    private static final Logger LOG = Logger.getLogger(InstallationRepositoriesTracker.class);

    @Inject
    InstallationStore store;

    @Override
    public Stage stage() {
        return Stage.RECORD;
    }

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.event().equals("installation_repositories");
    }

    @Override
    public void handle(Delivery delivery) {
        JsonNode payload = delivery.payload();
        long installationId = payload.path("installation").path("id").asLong();
        for (JsonNode repository : payload.path("repositories_added")) {
            store.saveRepository(repository.path("id").asLong(), installationId, Payloads.fullName(repository),
                    Payloads.bool(repository.path("private")), null);
            LOG.infof("Repository %s added to installation %d", repository.path("full_name").asText(), installationId);
        }
        for (JsonNode repository : payload.path("repositories_removed")) {
            store.removeRepository(repository.path("id").asLong(), installationId, Payloads.fullName(repository));
            LOG.infof("Repository %s removed from installation %d", repository.path("full_name").asText(), installationId);
        }
    }
}
