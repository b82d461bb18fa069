package dev.remediator.core.lifecycle;

import java.time.Instant;

/**
 * A domain event: something happened to a remediation, as recorded in the audit trail in the transaction of the
 * change. Consumers (reports, metrics, notifications, validation) receive these from the outbox, once each.
 *
 * @param from null for the event that created the remediation
 */
public record RemediationChanged(long eventId, long remediationId, long repositoryId, RemediationEvent event,
        RemediationState from, RemediationState to, String actor, String reason, String deliveryId, Instant at) {
}
