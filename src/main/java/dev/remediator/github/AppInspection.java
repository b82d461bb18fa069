package dev.remediator.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.githubapp.runtime.signing.JwtTokenCreator;

/**
 * What GitHub says about the app, read with the app's own credentials (its JWT): who it is, its webhook
 * configuration, its installations and their repositories, its rate limit. Plain Java, so that
 * {@code bin/remediator doctor} can use it without starting the app.
 */
public final class AppInspection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** A GitHub answer: its status, and its body when it is JSON. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String message() {
            return body.path("message").asText("HTTP " + status);
        }
    }

    private final String endpoint;
    private final String appId;
    private final PrivateKey key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public AppInspection(String endpoint, String appId, PrivateKey key) {
        this.endpoint = endpoint.replaceAll("/+$", "");
        this.appId = appId;
        this.key = key;
    }

    /** {@code GET /app}: the app the JWT belongs to, with its permissions and events. */
    public Answer app() throws IOException, InterruptedException {
        return get("/app", jwt());
    }

    /** {@code GET /app/hook/config}: where GitHub sends the app's webhooks. */
    public Answer webhookConfig() throws IOException, InterruptedException {
        return get("/app/hook/config", jwt());
    }

    /** {@code GET /rate_limit} with the app's JWT. */
    public Answer rateLimit() throws IOException, InterruptedException {
        return get("/rate_limit", jwt());
    }

    /** Every installation of the app ({@code GET /app/installations}, page by page). */
    public List<JsonNode> installations() throws IOException, InterruptedException {
        List<JsonNode> installations = new ArrayList<>();
        for (int page = 1;; page++) {
            Answer answer = get("/app/installations?per_page=100&page=" + page, jwt());
            if (!answer.ok()) {
                throw new IOException("GET /app/installations: " + answer.message());
            }
            answer.body().forEach(installations::add);
            if (answer.body().size() < 100) {
                return installations;
            }
        }
    }

    /**
     * How many repositories an installation covers: {@code GET /installation/repositories} with a token of that
     * installation narrowed to reading metadata.
     */
    public int repositoryCount(long installationId) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().set("permissions",
                JSON.createObjectNode().put("metadata", "read")));
        HttpResponse<byte[]> minted = http.send(request("/app/installations/" + installationId + "/access_tokens", jwt())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Answer token = answer(minted);
        if (!token.ok()) {
            throw new IOException("a token for installation " + installationId + ": " + token.message());
        }
        Answer repositories = get("/installation/repositories?per_page=1", token.body().path("token").asText());
        if (!repositories.ok()) {
            throw new IOException("GET /installation/repositories: " + repositories.message());
        }
        return repositories.body().path("total_count").asInt();
    }

    private String jwt() throws IOException {
        try {
            // the lifetime in seconds; GitHub refuses more than ten minutes
            return new JwtTokenCreator().createJwtToken(appId, key, Duration.ofMinutes(9).toSeconds());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the app's JWT with its private key: " + e.getMessage(), e);
        }
    }

    private Answer get(String path, String credential) throws IOException, InterruptedException {
        return answer(http.send(request(path, credential).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private HttpRequest.Builder request(String path, String credential) {
        return HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(TIMEOUT)
                .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28")
                .header("Authorization", "Bearer " + credential);
    }

    private static Answer answer(HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        return new Answer(response.statusCode(), body);
    }
}
