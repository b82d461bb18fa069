package dev.remediator.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.outbox.LifecycleConsumer;

/** Sends the lifecycle's notable events to the signed webhook, once each, from the outbox. */
@ApplicationScoped
public class WebhookNotifications implements LifecycleConsumer {

    @Inject
    LifecycleNotifications notifications;

    @Inject
    Notifier notifier;

    @Override
    public String name() {
        return "notify-webhook";
    }

    @Override
    public boolean wants(RemediationChanged event) {
        return notifier.webhookConfigured() && notifications.notifiable(event);
    }

    @Override
    public void consume(RemediationChanged event) throws Exception {
        var addressed = notifications.of(event);
        if (addressed.isPresent()) {
            notifier.toWebhook(addressed.get().notification(), addressed.get().where());
        }
    }
}
