package dev.remediator.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.DeliveryRows;
import dev.remediator.testing.ProcessedDeliveries;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.Webhooks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebhookIntakeTest {

    @Inject
    DeliveryRows rows;

    @Inject
    ProcessedDeliveries processed;

    private static byte[] ping() {
        return WebhookPayload.example("ping/with-app_id.payload.json").bytes();
    }

    private void awaitDone(String deliveryId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(rows.status(deliveryId)));
    }

    @Test
    void storesThenProcessesADelivery() {
        String id = Webhooks.newDeliveryId();
        Webhooks.send("ping", id, ping()).then().statusCode(200);

        awaitDone(id);
        assertThat(rows.byDeliveryId(id)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("event", "ping").containsEntry("payload_size", ping().length));
        assertThat(processed.count(id)).isEqualTo(1);
    }

    @Test
    void aRedeliveryIsStoredAndProcessedOnce() {
        String id = Webhooks.newDeliveryId();
        Webhooks.send("ping", id, ping()).then().statusCode(200);
        awaitDone(id);
        Webhooks.send("ping", id, ping()).then().statusCode(200).body(containsString("Already received"));

        assertThat(rows.byDeliveryId(id)).hasSize(1);
        assertThat(processed.count(id)).isEqualTo(1);
    }

    @Test
    void concurrentCopiesOfOneDeliveryAreStoredAndProcessedOnce() throws Exception {
        String id = Webhooks.newDeliveryId();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> copies = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            copies.add(() -> Webhooks.send("ping", id, ping()).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : senders.invokeAll(copies)) {
            statuses.add(status.get());
        }
        senders.shutdown();

        assertThat(statuses).containsOnly(200);
        awaitDone(id);
        assertThat(rows.byDeliveryId(id)).hasSize(1);
        assertThat(processed.count(id)).isEqualTo(1);
    }

    @Test
    void aDeliveryInterruptedMidProcessingIsFinishedByAnotherProcess() {
        String id = Webhooks.newDeliveryId();
        rows.insertAbandoned(id, "ping", ping());

        awaitDone(id);
        assertThat(processed.count(id)).isEqualTo(1);
        assertThat(rows.byDeliveryId(id)).singleElement().satisfies(row -> assertThat(row).containsEntry("attempts", 2));
    }

    @Test
    void aFailedProcessingIsRetried() {
        String id = Webhooks.newDeliveryId();
        processed.failTimes(id, 1);
        Webhooks.send("ping", id, ping()).then().statusCode(200);

        awaitDone(id);
        assertThat(processed.count(id)).isEqualTo(2);
    }

    @Test
    void invalidJsonIsRefusedAndRecorded() {
        String id = Webhooks.newDeliveryId();
        Webhooks.send("push", id, "{\"ref\": \"refs/heads/main\",".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body(containsString("not valid JSON"));

        assertThat(rows.byDeliveryId(id)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("status", "REJECTED"));
        assertThat(processed.count(id)).isZero();
    }

    @Test
    void aJsonValueThatIsNotAnObjectIsRefused() {
        String id = Webhooks.newDeliveryId();
        Webhooks.send("push", id, "[1, 2]".getBytes(StandardCharsets.UTF_8)).then().statusCode(400);
        assertThat(rows.status(id)).isEqualTo("REJECTED");
    }

    @Test
    void deliveriesWithoutTheirHeadersAreRefused() {
        io.restassured.RestAssured.given().contentType("application/json").body(ping()).post("/")
                .then().statusCode(400);
    }

    @Test
    void acceptsA20MegabytePayload() {
        String id = Webhooks.newDeliveryId();
        byte[] body = payloadOfSize(20 * 1024 * 1024);
        Webhooks.send("ping", id, body).then().statusCode(200);

        awaitDone(id);
        assertThat(rows.byDeliveryId(id)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("payload_size", body.length));
    }

    @Test
    void refusesA26MegabytePayload() {
        String id = Webhooks.newDeliveryId();
        Webhooks.send("ping", id, payloadOfSize(26 * 1024 * 1024)).then().statusCode(413);
        assertThat(rows.byDeliveryId(id)).isEmpty();
    }

    /** A real ping, padded to the size with a long zen, so that the body stays a valid webhook payload. */
    private static byte[] payloadOfSize(int size) {
        WebhookPayload ping = WebhookPayload.example("ping/with-app_id.payload.json");
        int missing = size - ping.bytes().length;
        char[] padding = new char[missing];
        Arrays.fill(padding, 'z');
        ping.body().put("zen", ping.body().path("zen").asText() + new String(padding, 0, missing - ping.body().path("zen").asText().length()));
        return ping.bytes();
    }
}
