package dev.remediator.webhook;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.remediator.delivery.DeliveryProcessor;
import dev.remediator.delivery.FirstAnswerGate;
import dev.remediator.setup.AppRegistration;
import dev.remediator.store.DeliveryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.githubapp.runtime.config.GitHubAppRuntimeConfig;
import io.quarkus.runtime.LaunchMode;

/**
 * Receives a webhook delivery: checks where it comes from, stores it, and only then lets GitHub have its answer.
 * Processing happens afterwards, from the stored row, so that nothing is lost if this process dies.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);
    private static final int MAX_HEADER_LENGTH = 100;

    /** The answer GitHub gets, with a short text that shows in the app's "Recent deliveries" page. */
    public record Answer(int status, String message) {
    }

    @Inject
    DeliveryStore store;

    @Inject
    DeliveryProcessor processor;

    @Inject
    MeterRegistry registry;

    @Inject
    FirstAnswerGate gate;

    @Inject
    AppRegistration registration;

    /** Its webhook secret is always set: the real one, or a random one while the instance is not ready. */
    @Inject
    GitHubAppRuntimeConfig gitHubApp;

    public Answer receive(String deliveryId, String event, String signature, byte[] body) {
        // a delivery being received is light work too: heavy work steps aside until it is stored
        gate.lightWorkBegins();
        try {
            return check(deliveryId, event, signature, body);
        } finally {
            gate.lightWorkEnds();
        }
    }

    private Answer check(String deliveryId, String event, String signature, byte[] body) {
        if (isBlank(deliveryId) || isBlank(event)) {
            return count(event, "incomplete", new Answer(400, "X-GitHub-Delivery and X-GitHub-Event are required"));
        }
        if (!storable(deliveryId) || !storable(event)) {
            // not even a trace can be stored of it; GitHub never sends such headers
            LOG.warnf("Refused a delivery whose X-GitHub-Delivery or X-GitHub-Event cannot be stored");
            return count("invalid", "rejected", new Answer(400, "X-GitHub-Delivery and X-GitHub-Event must be short "
                    + "and without control characters"));
        }
        Optional<String> unready = registration.problem();
        if (unready.isPresent()) {
            // ours to fix, not the sender's: a 5xx, so that GitHub's redelivery works once it is fixed; a warning, as
            // the readiness check and the status page already say what is missing
            LOG.warnf("Refused delivery %s (%s): %s", deliveryId, event, unready.get());
            return count(event, "unready", new Answer(503, "Remediator is not ready: " + unready.get()));
        }
        // The extension skips the check in dev and test too, so that payloads can be replayed by hand.
        if (!LaunchMode.current().isDevOrTest() && !WebhookSignature.matches(gitHubApp.webhookSecret().orElseThrow(), body, signature)) {
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
        Instant receivedAt = Instant.now();
        DeliveryStore.Incoming incoming = new DeliveryStore.Incoming(deliveryId, event, envelope.action(),
                envelope.installationId(), envelope.repositoryId(), envelope.repositoryFullName(), body);
        Optional<Long> id = store.store(incoming);
        stored.stop(registry.timer("remediator.webhook.store", "event", event));
        if (id.isEmpty()) {
            LOG.debugf("Delivery %s (%s) was already stored", deliveryId, event);
            return count(event, "duplicate", new Answer(200, "Already received"));
        }
        processor.submitNew(id.get(), incoming, receivedAt);
        return count(event, "stored", new Answer(200, "Stored"));
    }

    private Answer count(String event, String outcome, Answer answer) {
        registry.counter("remediator.webhook.deliveries", "event", isBlank(event) ? "none" : event, "outcome", outcome)
                .increment();
        return answer;
    }

    /** GitHub's delivery ids are GUIDs and event names are short words. */
    private static boolean storable(String header) {
        return header.length() <= MAX_HEADER_LENGTH && header.chars().noneMatch(Character::isISOControl);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
