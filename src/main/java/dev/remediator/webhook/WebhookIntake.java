package dev.remediator.webhook;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.remediator.delivery.DeliveryProcessor;
import dev.remediator.store.DeliveryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.LaunchMode;

/**
 * Receives a webhook delivery: checks where it comes from, stores it, and only then lets GitHub have its answer.
 * Processing happens afterwards, from the stored row, so that nothing is lost if this process dies.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    /** The answer GitHub gets, with a short text that shows in the app's "Recent deliveries" page. */
    public record Answer(int status, String message) {
    }

    @Inject
    DeliveryStore store;

    @Inject
    DeliveryProcessor processor;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.github-app.webhook-secret")
    Optional<String> webhookSecret;

    public Answer receive(String deliveryId, String event, String signature, byte[] body) {
        if (isBlank(deliveryId) || isBlank(event)) {
            return count(event, "incomplete", new Answer(400, "X-GitHub-Delivery and X-GitHub-Event are required"));
        }
        // The extension skips the check in dev and test too, so that payloads can be replayed by hand.
        if (!LaunchMode.current().isDevOrTest() && !signedByGitHub(body, signature)) {
            LOG.warnf("Refused delivery %s (%s): bad or missing signature", deliveryId, event);
            return count(event, "bad_signature", new Answer(401, "Invalid signature"));
        }
        Timer.Sample stored = Timer.start(registry);
        WebhookEnvelope envelope;
        try {
            envelope = WebhookEnvelope.read(body);
        } catch (WebhookEnvelope.InvalidPayloadException e) {
            LOG.warnf("Rejected delivery %s (%s): %s", deliveryId, event, e.getMessage());
            store.recordRejected(new DeliveryStore.Incoming(deliveryId, event, null, null, null, null, body), e.getMessage());
            return count(event, "rejected", new Answer(400, e.getMessage()));
        }
        Optional<Long> id = store.store(new DeliveryStore.Incoming(deliveryId, event, envelope.action(),
                envelope.installationId(), envelope.repositoryId(), envelope.repositoryFullName(), body));
        stored.stop(registry.timer("remediator.webhook.store", "event", event));
        if (id.isEmpty()) {
            LOG.debugf("Delivery %s (%s) was already stored", deliveryId, event);
            return count(event, "duplicate", new Answer(200, "Already received"));
        }
        processor.submit(id.get());
        return count(event, "stored", new Answer(200, "Stored"));
    }

    private boolean signedByGitHub(byte[] body, String signature) {
        if (webhookSecret.isEmpty()) {
            LOG.error("quarkus.github-app.webhook-secret is not set: refusing every delivery");
            return false;
        }
        return WebhookSignature.matches(webhookSecret.get(), body, signature);
    }

    private Answer count(String event, String outcome, Answer answer) {
        registry.counter("remediator.webhook.deliveries", "event", isBlank(event) ? "none" : event, "outcome", outcome)
                .increment();
        return answer;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
