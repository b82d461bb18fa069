package dev.remediator.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;
import dev.remediator.store.InstallationStore;

/** Keeps the installation table current: created, deleted, suspended, unsuspended. */
@ApplicationScoped
public class InstallationTracker implements DeliveryHandler {

    private static final Logger LOG = Logger.getLogger(InstallationTracker.class);

    @Inject
    InstallationStore store;

    @Override
    public Stage stage() {
        return Stage.RECORD;
    }

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.event().equals("installation");
    }

    @Override
    public void handle(Delivery delivery) {
        JsonNode installation = delivery.payload().path("installation");
        long id = installation.path("id").asLong();
        JsonNode account = installation.path("account");
        String login = account.path("login").asText();
        if ("deleted".equals(delivery.action())) {
            store.removeInstallation(id, login);
            LOG.infof("Installation %d on %s removed", id, login);
            return;
        }
        store.saveInstallation(id, login, account.path("id").isNumber() ? account.path("id").asLong() : null,
                account.path("type").asText(null), Payloads.instant(installation.path("suspended_at")));
        for (JsonNode repository : delivery.payload().path("repositories")) {
            store.saveRepository(repository.path("id").asLong(), id, Payloads.fullName(repository),
                    Payloads.bool(repository.path("private")), null);
        }
        LOG.infof("Installation %d on %s: %s", id, login, delivery.action());
    }
}
