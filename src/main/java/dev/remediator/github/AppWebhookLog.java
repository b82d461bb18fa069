package dev.remediator.github;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.githubapp.runtime.signing.JwtTokenCreator;
import io.quarkiverse.githubapp.runtime.signing.PrivateKeyUtil;

/**
 * The app's webhook delivery log on GitHub ({@code /app/hook/deliveries}), read and acted on as the app itself (a
 * JWT signed with its private key, by the extension's own signing code). GitHub never redelivers by itself: this is
 * how a delivery that failed while Remediator was away is asked for again.
 */
@ApplicationScoped
public class AppWebhookLog {

    /** GitHub accepts app JWTs of at most ten minutes; a fresh one is signed well before. */
    private static final Duration JWT_LIFETIME = Duration.ofMinutes(9);
    private static final Duration JWT_REFRESH = Duration.ofMinutes(7);

    /** One attempt in the log; {@code statusCode} 0 when GitHub could not connect. */
    public record Attempt(long id, String guid, Instant deliveredAt, boolean redelivery, int statusCode,
            String event, String action) {

        public boolean succeeded() {
            return statusCode >= 200 && statusCode < 300;
        }

        static Attempt of(JsonNode item) {
            return new Attempt(item.path("id").asLong(), item.path("guid").asText(),
                    Instant.parse(item.path("delivered_at").asText()), item.path("redelivery").asBoolean(),
                    item.path("status_code").asInt(), item.path("event").asText(), item.path("action").asText(null));
        }
    }

    /** One page, newest first, and the path of the next (older) page or null. */
    public record Page(List<Attempt> attempts, String next) {
    }

    @Inject
    GitHubRest rest;

    @ConfigProperty(name = "quarkus.github-app.app-id")
    String appId;

    @ConfigProperty(name = "quarkus.github-app.private-key")
    String privateKey;

    private String jwt;
    private Instant jwtSignedAt = Instant.EPOCH;

    /** The newest page ({@code from} null) or the page GitHub's cursor link points to. */
    public Page page(String from, int perPage) throws IOException {
        GitHubRest.Page page = rest.page(jwt(), from == null ? "/app/hook/deliveries?per_page=" + perPage : from, null);
        return new Page(page.items().stream().map(Attempt::of).toList(), page.next());
    }

    /** Asks GitHub to deliver that attempt's event again (same GUID, same body); GitHub answers 202 and does it. */
    public void redeliver(long attemptId) throws IOException {
        rest.post(jwt(), "/app/hook/deliveries/" + attemptId + "/attempts", null);
    }

    private synchronized String jwt() throws IOException {
        Instant now = Instant.now();
        if (jwt == null || now.isAfter(jwtSignedAt.plus(JWT_REFRESH))) {
            try {
                jwt = new JwtTokenCreator().createJwtToken(appId, PrivateKeyUtil.loadKey(privateKey),
                        JWT_LIFETIME.toSeconds());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the app's private key cannot sign a JWT", e);
            }
            jwtSignedAt = now;
        }
        return jwt;
    }
}
