package dev.remediator.outbox;

import dev.remediator.core.lifecycle.RemediationChanged;

/**
 * Something that reacts to what happens to remediations (redrawing reports, metrics, notifications, following a
 * fix's CI). It runs from the outbox after the change committed, once per event across replicas, retried with
 * backoff when it throws; so it must be safe to run again after a crash in the middle.
 */
public interface LifecycleConsumer {

    /** Its stable name: the outbox records its work on each event under this name. */
    String name();

    /** Whether this event concerns it; an event nobody wants is only audited. */
    boolean wants(RemediationChanged event);

    void consume(RemediationChanged event) throws Exception;
}
