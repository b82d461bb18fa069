package dev.remediator.testing.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GitHub's side of the app's webhook: it POSTs each event, signed, to the app's URL (none while the app is down),
 * keeps every attempt in the app's delivery log, and redelivers an attempt on request with the same GUID and body.
 * GitHub never redelivers by itself.
 */
final class HookDeliveries {

    private final GitHubState state;
    private final WebhookSigner signer;
    private final ExecutorService executor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong ids = new AtomicLong(90_000_000_000L);
    private final List<HookDelivery> log = new ArrayList<>();
    private volatile URI target;

    HookDeliveries(GitHubState state, WebhookSigner signer, ExecutorService executor) {
        this.state = state;
        this.signer = signer;
        this.executor = executor;
    }

    void target(URI url) {
        this.target = url;
    }

    HookDelivery send(String event, byte[] body) {
        return attempt(UUID.randomUUID().toString(), event, body, false);
    }

    /** Redelivers in the background, as GitHub does after answering 202. */
    void redeliver(HookDelivery original) {
        executor.execute(() -> attempt(original.guid(), original.event(), original.body(), true));
    }

    synchronized Optional<HookDelivery> find(long id) {
        return log.stream().filter(delivery -> delivery.id() == id).findFirst();
    }

    /** Newest first, as GitHub lists them. */
    synchronized List<HookDelivery> newestFirst() {
        List<HookDelivery> all = new ArrayList<>(log);
        Collections.reverse(all);
        return all;
    }

    synchronized void clear() {
        log.clear();
    }

    private HookDelivery attempt(String guid, String event, byte[] body, boolean redelivery) {
        Instant at = state.now();
        long started = System.nanoTime();
        int statusCode;
        String status;
        String response = null;
        URI url = target;
        if (url == null) {
            statusCode = 0;
            status = "failed to connect to host";
        } else {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("User-Agent", "GitHub-Hookshot/044aadd")
                        .header("X-GitHub-Event", event).header("X-GitHub-Delivery", guid)
                        .header("X-GitHub-Hook-ID", "292430182")
                        .header(WebhookSigner.HEADER, signer.signature(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                statusCode = answer.statusCode();
                status = statusCode < 400 ? "OK" : "Invalid HTTP Response: " + statusCode;
                response = answer.body();
            } catch (IOException e) {
                statusCode = 0;
                status = "failed to connect to host";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                statusCode = 0;
                status = "timed out";
            }
        }
        JsonNode json = Json.parse(new String(body, StandardCharsets.UTF_8));
        synchronized (this) {
            // ids grow in the order the log shows, which is what its cursor relies on
            HookDelivery delivery = new HookDelivery(ids.incrementAndGet(), guid, at, redelivery,
                    Duration.ofNanos(System.nanoTime() - started), status, statusCode, event,
                    json.hasNonNull("action") ? json.get("action").asText() : null, id(json.path("installation")),
                    id(json.path("repository")), body, response);
            log.add(delivery);
            return delivery;
        }
    }

    private static Long id(JsonNode owner) {
        return owner.hasNonNull("id") ? owner.get("id").asLong() : null;
    }
}
