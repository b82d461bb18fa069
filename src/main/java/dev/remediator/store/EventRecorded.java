package dev.remediator.store;

import dev.remediator.core.lifecycle.RemediationChanged;

/**
 * Fired inside the transaction that wrote a domain event, with the event as written; the outbox observes it after the
 * commit to start the event's consumers at once instead of at the next recovery tick, without reading it back.
 */
public record EventRecorded(RemediationChanged event) {
}
