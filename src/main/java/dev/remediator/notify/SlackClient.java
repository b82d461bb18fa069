package dev.remediator.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.remediator.core.notify.NotificationText.SlackMessage;

/**
 * Posts to Slack: with a bot token to a channel ({@code chat.postMessage}), or to an incoming webhook, whose channel
 * is fixed when it is created. Slack's rate limits are honoured: a 429 is retried after its {@code Retry-After}, up
 * to a bound past which the caller (the outbox) retries later.
 */
public final class SlackClient {

    private static final Logger LOG = Logger.getLogger(SlackClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RATE_LIMITED_ATTEMPTS = 3;

    public record Settings(Optional<String> botToken, Optional<String> webhookUrl, String apiUrl,
            Duration maxRetryAfter) {
    }

    /** Slack asked to slow down for longer than we wait in place. */
    public static final class RateLimited extends IOException {
        public RateLimited(Duration retryAfter) {
            super("Slack rate limit: retry after " + retryAfter.toSeconds() + " s");
        }
    }

    private final HttpClient http;
    private final Settings settings;

    public SlackClient(HttpClient http, Settings settings) {
        this.http = http;
        this.settings = settings;
    }

    public boolean configured() {
        return settings.botToken().isPresent() || settings.webhookUrl().isPresent();
    }

    /**
     * Posts the message: to its channel with the bot token when both are there, else to the incoming webhook.
     *
     * @return false when Slack refused it for good (an unknown channel, a revoked token: said in the log), or when no
     *         way to post it is configured
     * @throws IOException when trying again later can help (Slack down, rate limited for long)
     */
    public boolean post(SlackMessage message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("text", message.text()).put("unfurl_links", false)
                .put("unfurl_media", false);
        if (settings.botToken().isPresent() && message.channel() != null) {
            body.put("channel", message.channel());
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(settings.apiUrl()
                    .replaceAll("/+$", "") + "/chat.postMessage"))
                    .header("Authorization", "Bearer " + settings.botToken().get()), body);
            JsonNode answer = JSON.readTree(response.body());
            if (!answer.path("ok").asBoolean()) {
                LOG.warnf("Slack refused a message to %s: %s", message.channel(), answer.path("error").asText());
                return false;
            }
            return true;
        }
        if (settings.webhookUrl().isPresent()) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(settings.webhookUrl().get())), body);
            if (response.statusCode() / 100 != 2) {
                LOG.warnf("Slack's incoming webhook refused a message: %d %s", response.statusCode(), response.body());
                return false;
            }
            return true;
        }
        LOG.debugf("No Slack bot token with a channel, and no incoming webhook: message not posted");
        return false;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, ObjectNode body) throws IOException {
        HttpRequest built = request.header("Content-Type", "application/json; charset=utf-8")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response = exchange(built);
            if (response.statusCode() == 429) {
                Duration wait = Duration.ofSeconds(response.headers().firstValue("Retry-After").map(Long::parseLong)
                        .orElse(1L));
                if (attempt >= MAX_RATE_LIMITED_ATTEMPTS || wait.compareTo(settings.maxRetryAfter()) > 0) {
                    throw new RateLimited(wait);
                }
                pause(wait);
                continue;
            }
            if (response.statusCode() >= 500) {
                throw new IOException("Slack answered " + response.statusCode());
            }
            return response;
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while posting to Slack", e);
        }
    }

    private static void pause(Duration wait) throws IOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting out Slack's rate limit", e);
        }
    }
}
