package dev.remediator.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.core.lifecycle.RemediationChanged;
import dev.remediator.outbox.LifecycleConsumer;

/** Posts the lifecycle's notable events to Slack, once each, from the outbox. */
@ApplicationScoped
public class SlackNotifications implements LifecycleConsumer {

    @Inject
    LifecycleNotifications notifications;

    @Inject
    Notifier notifier;

    @Override
    public String name() {
        return "notify-slack";
    }

    @Override
    public boolean wants(RemediationChanged event) {
        return notifier.slackConfigured() && notifications.notifiable(event);
    }

    @Override
    public void consume(RemediationChanged event) throws Exception {
        var addressed = notifications.of(event);
        if (addressed.isPresent()) {
            notifier.toSlack(addressed.get().notification(), addressed.get().where());
        }
    }
}
