package dev.remediator.store;

/**
 * Fired inside the transaction that wrote a domain event; the outbox observes it after the commit to start the
 * event's consumers at once instead of at the next recovery tick.
 */
public record EventRecorded(long eventId) {
}
