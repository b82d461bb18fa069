package dev.remediator.notify;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;

import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.outbox.LifecycleConsumer;

/**
 * Sends the lifecycle's notable events to one destination, once each, from the outbox. Each destination is a consumer
 * of its own, so that a failure of one is retried without repeating the message another already delivered.
 */
abstract class NotificationConsumer implements LifecycleConsumer {

    @Inject
    LifecycleNotifications notifications;

    @Inject
    Notifier notifier;

    private final String name;

    NotificationConsumer(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean wants(RemediationChanged event) {
        return configured() && notifications.notifiable(event);
    }

    @Override
    public void consume(RemediationChanged event) throws Exception {
        Optional<LifecycleNotifications.Addressed> addressed = notifications.of(event);
        if (addressed.isPresent()) {
            send(addressed.get());
        }
    }

    abstract boolean configured();

    abstract void send(LifecycleNotifications.Addressed addressed) throws IOException;
}
