package dev.remediator.notify;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

/** Posts the lifecycle's notable events to Slack. */
@ApplicationScoped
public class SlackNotifications extends NotificationConsumer {

    public SlackNotifications() {
        super("notify-slack");
    }

    @Override
    boolean configured() {
        return notifier.slackConfigured();
    }

    @Override
    void send(LifecycleNotifications.Addressed addressed) throws IOException {
        notifier.toSlack(addressed.notification(), addressed.where());
    }
}
