package dev.remediator.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.DeliveryRows;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.Webhooks;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DataRetentionTest {

    @Inject
    DataRetention retention;

    @Inject
    DeliveryRows rows;

    @Inject
    EntityManager em;

    /** Its next attempt an hour away: a RETRY row due now would be finished by the recovery job during the test. */
    @Transactional
    void age(String deliveryId, Duration by, String status) {
        em.createNativeQuery("update delivery set received_at = now() - make_interval(secs => ?2), status = ?3, "
                + "next_attempt_at = now() + interval '1 hour' where delivery_id = ?1").setParameter(1, deliveryId)
                .setParameter(2, (double) by.toSeconds())
                .setParameter(3, status).executeUpdate();
    }

    @Test
    void finishedDeliveriesAreForgottenAfterTheirRetentionOthersStay() {
        byte[] ping = WebhookPayload.example("ping/with-app_id.payload.json").bytes();
        String old = Webhooks.newDeliveryId();
        String oldUnfinished = Webhooks.newDeliveryId();
        String recent = Webhooks.newDeliveryId();
        for (String id : new String[] { old, oldUnfinished, recent }) {
            Webhooks.send("ping", id, ping).then().statusCode(200);
        }
        org.awaitility.Awaitility.await().until(() -> "DONE".equals(rows.status(recent)) && "DONE".equals(rows.status(old))
                && "DONE".equals(rows.status(oldUnfinished)));
        age(old, Duration.ofDays(15), "DONE");
        age(oldUnfinished, Duration.ofDays(15), "RETRY");

        retention.forget(Instant.now());

        assertThat(rows.status(old)).isNull();
        assertThat(rows.status(oldUnfinished)).as("unfinished work is never forgotten").isEqualTo("RETRY");
        assertThat(rows.status(recent)).isEqualTo("DONE");
    }
}
