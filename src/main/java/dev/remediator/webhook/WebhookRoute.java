package dev.remediator.webhook;

import dev.remediator.delivery.WebhookJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The webhook endpoint. It takes the extension's path (by default {@code /}) ahead of the extension's own route,
 * because the extension dispatches inside the request and answers GitHub before handlers finish: durability has to
 * be ours, so the delivery is stored first and processed afterwards.
 */
@ApplicationScoped
public class WebhookRoute {

    private static final Logger LOG = Logger.getLogger(WebhookRoute.class);

    /** GitHub caps payloads at 25 MB; larger bodies get 413 from the body handler. */
    static final long MAX_PAYLOAD_BYTES = WebhookJson.MAX_PAYLOAD_BYTES;

    /** Lower than the order of any route registered without one, the extension's included. */
    private static final int BEFORE_EXTENSION = -1000;

    @Inject
    WebhookIntake intake;

    @ConfigProperty(name = "quarkus.github-app.webhook-url-path", defaultValue = "/")
    String path;

    void register(@Observes Router router) {
        router.post(path).order(BEFORE_EXTENSION)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_PAYLOAD_BYTES))
                .blockingHandler(this::receive, false);
    }

    private void receive(RoutingContext context) {
        String deliveryId = context.request().getHeader("X-GitHub-Delivery");
        WebhookIntake.Answer answer;
        try {
            answer = intake.receive(deliveryId, context.request().getHeader("X-GitHub-Event"),
                    context.request().getHeader("X-Hub-Signature-256"),
                    context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes());
        } catch (RuntimeException e) {
            // The delivery is not stored: GitHub must see a failure so that it can be redelivered.
            LOG.errorf(e, "Could not store delivery %s", deliveryId);
            answer = new WebhookIntake.Answer(503, "Could not store the delivery; please redeliver it");
        }
        context.response().setStatusCode(answer.status())
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("message", answer.message()).encode());
    }
}
