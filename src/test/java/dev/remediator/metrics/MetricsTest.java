package dev.remediator.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.Webhooks;
import io.quarkus.test.junit.QuarkusTest;

/** Every metric of Remediator's on /q/metrics has HELP text. */
@QuarkusTest
class MetricsTest {

    @Test
    void everyRemediatorMetricSaysWhatItCounts() {
        Webhooks.send("ping", Webhooks.newDeliveryId(), WebhookPayload.example("ping/with-app_id.payload.json").bytes())
                .then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        // OpenMetrics names a counter's family without _total: remediator_webhook_deliveries
        assertThat(metrics).containsPattern("# HELP remediator_webhook_deliveries(_total)? "
                + MetricDescriptions.DESCRIPTIONS.get("remediator.webhook.deliveries"));
        List<String> help = metrics.lines().filter(line -> line.startsWith("# HELP remediator_")).toList();
        assertThat(help).isNotEmpty().allSatisfy(line -> assertThat(line.split(" ", 4)).as(line).hasSize(4)
                .satisfies(parts -> assertThat(parts[3]).isNotBlank()));
    }
}
