package dev.remediator.notify;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

/** Sends the lifecycle's notable events to the signed webhook. */
@ApplicationScoped
public class WebhookNotifications extends NotificationConsumer {

    public WebhookNotifications() {
        super("notify-webhook");
    }

    @Override
    boolean configured() {
        return notifier.webhookConfigured();
    }

    @Override
    void send(LifecycleNotifications.Addressed addressed) throws IOException {
        notifier.toWebhook(addressed.notification(), addressed.where());
    }
}
