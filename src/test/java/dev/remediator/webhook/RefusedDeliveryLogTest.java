package dev.remediator.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.Webhooks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A delivery refused at the door is the sender's problem, answered with a 4xx: the log says so at WARN, never at
 * ERROR, which operators keep for what needs them.
 */
@QuarkusTest
class RefusedDeliveryLogTest {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void refusalsAreWarningsNotErrors() {
        byte[] ping = WebhookPayload.example("ping/with-app_id.payload.json").bytes();
        Webhooks.send("ping", Webhooks.newDeliveryId(), "{not json".getBytes(StandardCharsets.UTF_8)).then().statusCode(400);
        Webhooks.send("ping", Webhooks.newDeliveryId(), new String(ping, StandardCharsets.UTF_8)
                .replace("Anything added", "\\u0000Anything added").getBytes(StandardCharsets.UTF_8)).then().statusCode(400);
        Webhooks.send("ping", "x".repeat(300), ping).then().statusCode(400);
        given().header("X-GitHub-Event", "ping").contentType("application/json").body(ping).post("/").then().statusCode(400);
        given().header("X-GitHub-Event", "ping").header("X-GitHub-Delivery", Webhooks.newDeliveryId())
                .contentType("application/json").body(new byte[(int) WebhookRoute.MAX_PAYLOAD_BYTES + 1]).post("/")
                .then().statusCode(413);

        List<LogRecord> intake = records.stream().filter(r -> r.getLoggerName() != null && (r.getLoggerName()
                .startsWith("dev.remediator.webhook") || r.getLoggerName().startsWith("io.vertx")
                || r.getLoggerName().startsWith("io.quarkus.vertx"))).toList();
        assertThat(intake).as("refusals are logged").anySatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.WARNING));
        assertThat(intake).noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
    }
}
