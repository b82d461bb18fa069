package dev.remediator.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.Webhooks;
import io.quarkus.test.junit.QuarkusTest;

/** What operators look at: health checks and Prometheus metrics. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthChecksAnswerAndTheRegisteredAppIsReady() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("GitHub App registration"));
    }

    @Test
    void deliveriesAreCountedInTheMetrics() {
        Webhooks.send(WebhookPayload.example("ping/with-app_id.payload.json")).then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("remediator_webhook_deliveries_total{event=\"ping\",outcome=\"stored\"}"))
                .body(containsString("remediator_webhook_store_seconds"));
    }
}
