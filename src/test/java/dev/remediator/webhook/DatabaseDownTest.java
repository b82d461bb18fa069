package dev.remediator.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.DatabaseBehindProxy;
import dev.remediator.testing.DeliveryRows;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DatabaseDownTest.Proxied.class)
class DatabaseDownTest {

    /** A profile of its own, so that the proxied database does not leak into other tests. */
    public static class Proxied implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseBehindProxy.class));
        }
    }

    @Inject
    DeliveryRows rows;

    @Test
    void githubGetsA5xxWhenTheDeliveryCannotBeStoredAndCanRedeliverLater() {
        byte[] ping = WebhookPayload.example("ping/with-app_id.payload.json").bytes();
        String id = Webhooks.newDeliveryId();

        DatabaseBehindProxy.proxy().cut();
        try {
            Webhooks.send("ping", id, ping).then().statusCode(503).body(containsString("redeliver"));
        } finally {
            DatabaseBehindProxy.proxy().restore();
        }

        // GitHub's redelivery carries the same id once the database is back.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> Webhooks.send("ping", id, ping).then().statusCode(200));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(rows.status(id)));
        assertThat(rows.byDeliveryId(id)).hasSize(1);
    }
}
