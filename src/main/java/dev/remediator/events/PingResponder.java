package dev.remediator.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.remediator.delivery.Delivery;
import dev.remediator.delivery.DeliveryHandler;

/** GitHub pings a webhook when it is created; the stored delivery and its 200 are the answer, this logs it. */
@ApplicationScoped
public class PingResponder implements DeliveryHandler {

    private static final Logger LOG = Logger.getLogger(PingResponder.class);

    @Override
    public boolean handles(Delivery delivery) {
        return delivery.event().equals("ping");
    }

    @Override
    public void handle(Delivery delivery) {
        JsonNode hook = delivery.payload().path("hook");
        LOG.infof("Ping from GitHub for hook %s (app %s, events %s): %s", hook.path("id").asText(),
                hook.path("app_id").asText(delivery.payload().path("hook_id").asText()), hook.path("events"),
                delivery.payload().path("zen").asText());
    }
}
