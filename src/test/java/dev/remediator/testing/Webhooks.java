package dev.remediator.testing;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.remediator.webhook.WebhookSignature;
import io.restassured.response.Response;

/** Posts webhook deliveries to the running app's real endpoint, signed as GitHub signs them. */
public final class Webhooks {

    /** The secret the tests configure (see the test resources' config). */
    public static final String SECRET = "test-webhook-secret";

    private Webhooks() {
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
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body))
                .header("User-Agent", "GitHub-Hookshot/044aadd")
                .contentType("application/json")
                .body(body)
                .post("/");
    }
}
