package dev.remediator.testing.github;

import java.time.Duration;
import java.time.Instant;

/**
 * One attempt of GitHub to deliver a webhook to the app, as the app's delivery log shows it: a redelivery is a new
 * attempt with the same GUID (the {@code X-GitHub-Delivery} header) and the same signed body.
 *
 * @param statusCode the app's HTTP status, 0 when GitHub could not connect
 */
public record HookDelivery(long id, String guid, Instant deliveredAt, boolean redelivery, Duration duration,
        String status, int statusCode, String event, String action, Long installationId, Long repositoryId,
        byte[] body, String responseBody) {

    public boolean delivered() {
        return statusCode >= 200 && statusCode < 400;
    }
}
