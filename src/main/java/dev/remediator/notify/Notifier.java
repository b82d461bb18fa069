package dev.remediator.notify;

import jakarta.inject.Inject;
import dev.remediator.config.RemediatorConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;


import dev.remediator.core.config.RepositoryConfig.Notify;
import dev.remediator.core.notify.Notification;
import dev.remediator.core.notify.NotificationText;

/**
 * Where notifications go, as the operator configured them: Slack ({@code REMEDIATOR_SLACK_BOT_TOKEN} with the
 * channels of each repository's config, or {@code REMEDIATOR_SLACK_WEBHOOK_URL}) and a signed webhook to any HTTP
 * endpoint ({@code REMEDIATOR_NOTIFY_WEBHOOK_URL} with {@code REMEDIATOR_NOTIFY_WEBHOOK_SECRET}).
 */
@ApplicationScoped
public class Notifier {

    @Inject
    RemediatorConfig config;

    private SlackClient slack;
    private Optional<SignedWebhook> webhook;

    @PostConstruct
    void connect() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        RemediatorConfig.Slack settings = config.slack();
        slack = new SlackClient(http, new SlackClient.Settings(settings.botToken(), settings.webhookUrl(),
                settings.apiUrl(), settings.maxRetryAfter()));
        webhook = config.notifications().webhookUrl().map(url -> new SignedWebhook(http, url, config.notifications().webhookSecret().orElseThrow(
                () -> new IllegalStateException("REMEDIATOR_NOTIFY_WEBHOOK_URL is set without "
                        + "REMEDIATOR_NOTIFY_WEBHOOK_SECRET: its receiver could not tell our messages from forgeries"))));
    }

    public boolean configured() {
        return slackConfigured() || webhookConfigured();
    }

    public boolean slackConfigured() {
        return slack.configured();
    }

    public boolean webhookConfigured() {
        return webhook.isPresent();
    }

    /**
     * Tells a repository's people on Slack, where its config says, if it wants this kind of notification. Slack and
     * the webhook are sent apart ({@link #toWebhook}), so that retrying one never repeats the other.
     */
    public void toSlack(Notification notification, Notify where) throws IOException {
        if (where.wants(notification.kind()) && slackConfigured()) {
            slack.post(NotificationText.slack(notification, where));
        }
    }

    public void toWebhook(Notification notification, Notify where) throws IOException {
        if (where.wants(notification.kind()) && webhook.isPresent()) {
            webhook.get().send(notification.kind().name().toLowerCase(Locale.ROOT), "event-" + notification.eventId(),
                    NotificationText.webhookBody(notification));
        }
    }

    /** A message about Remediator itself, for the operator, to every destination; failures are the caller's to log. */
    public void critical(String id, String text) throws IOException {
        IOException failure = null;
        try {
            slack.post(new NotificationText.SlackMessage(config.slack().criticalChannel().orElse(null), text));
        } catch (IOException e) {
            failure = e;
        }
        if (webhook.isPresent()) {
            webhook.get().send("critical", id, Map.of("event", "critical", "text", text));
        }
        if (failure != null) {
            throw failure;
        }
    }
}
