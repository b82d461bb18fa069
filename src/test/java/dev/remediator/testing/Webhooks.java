package dev.remediator.testing;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.remediator.testing.github.WebhookSigner;
import io.restassured.response.Response;

/** Posts webhook deliveries to the running app's real endpoint, signed as GitHub signs them. */
public final class Webhooks {

    private Webhooks() {
    }

    /** The secret the fake GitHub gave the app (in a {@code @QuarkusTest}, the app's own configuration). */
    static String secret() {
        return ConfigProvider.getConfig().getValue("quarkus.github-app.webhook-secret", String.class);
    }

    public static String newDeliveryId() {
        return UUID.randomUUID().toString();
    }

    public static Response send(WebhookPayload payload) {
        return send(payload.event(), newDeliveryId(), payload.bytes());
    }

    public static Response send(String event, String deliveryId, byte[] body) {
        return given()
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .header("X-GitHub-Hook-ID", "292430182")
                .header(WebhookSigner.HEADER, new WebhookSigner(secret()).signature(body))
                .header("User-Agent", "GitHub-Hookshot/044aadd")
                .contentType("application/json")
                .body(body)
                .post("/");
    }
}
