package dev.remediator.delivery;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A webhook delivery being processed: GitHub's headers and the parsed payload. Handlers read what they need from
 * {@link #payload()}; the ids are pulled out once because every handler wants them.
 */
public record Delivery(
        String deliveryId,
        String event,
        String action,
        Long installationId,
        Long repositoryId,
        String repositoryFullName,
        int attempt,
        Instant receivedAt,
        JsonNode payload) {

    public boolean is(String event, String action) {
        return this.event.equals(event) && (action == null || action.equals(this.action));
    }

    /** {@code workflow_run.completed}, as GitHub shows it in the app's delivery log. */
    public String eventAction() {
        return action == null ? event : event + "." + action;
    }
}
