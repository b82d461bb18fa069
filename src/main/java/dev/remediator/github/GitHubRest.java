package dev.remediator.github;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kohsuke.github.HttpException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GitHub's REST API for what hub4j does not offer (re-running failed jobs, raw file contents, streaming job logs
 * through their redirect), with a scoped token and through the same guarded transport as hub4j.
 */
@ApplicationScoped
public class GitHubRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_VERSION = "2022-11-28";

    @Inject
    GitHubTransport transport;

    @ConfigProperty(name = "quarkus.github-app.rest-api-endpoint", defaultValue = "${quarkus.github-app.instance-endpoint}")
    String endpoint;

    /** A file's raw content at a ref (the default branch when {@code ref} is null), or empty when it is absent. */
    public Optional<String> fileContent(String token, String repository, String path, String ref) throws IOException {
        String query = ref == null ? "" : "?ref=" + ref;
        HttpResponse<byte[]> response = transport.exchange(
                request(token, "/repos/" + repository + "/contents/" + path + query, "application/vnd.github.raw+json")
                        .GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(new String(successful(response), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** POSTs a JSON body; returns the parsed answer (an empty object for 201/204 without body). */
    public JsonNode post(String token, String path, Object body) throws IOException {
        HttpResponse<byte[]> response = transport.exchange(
                request(token, path, "application/vnd.github+json")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = successful(response);
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    /**
     * A job's log, streamed. GitHub answers with a redirect to short-lived storage that must not receive our token,
     * so the redirect is followed by hand, without it.
     */
    public InputStream jobLog(String token, String repository, long jobId) throws IOException {
        HttpResponse<byte[]> redirect = transport.exchange(
                request(token, "/repos/" + repository + "/actions/jobs/" + jobId + "/logs", "application/vnd.github+json")
                        .GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (redirect.statusCode() != 302 && redirect.statusCode() != 301) {
            successful(redirect);
            throw new IOException("expected a redirect to the log of job " + jobId + ", got " + redirect.statusCode());
        }
        String location = redirect.headers().firstValue("location")
                .orElseThrow(() -> new IOException("redirect without a location for the log of job " + jobId));
        HttpResponse<InputStream> log = transport.exchange(transport.newRequest(GitHubTransport.uri(location)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (log.statusCode() != 200) {
            log.body().close();
            throw new IOException("the log of job " + jobId + " answered " + log.statusCode());
        }
        return log.body();
    }

    private HttpRequest.Builder request(String token, String path, String accept) throws IOException {
        return transport.newRequest(GitHubTransport.uri(endpoint + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", accept)
                .header("X-GitHub-Api-Version", API_VERSION);
    }

    /** The body of a 2xx answer; otherwise the same exception hub4j would throw, with GitHub's message. */
    private static byte[] successful(HttpResponse<byte[]> response) throws HttpException {
        if (response.statusCode() / 100 != 2) {
            throw new HttpException(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8),
                    response.statusCode(), null, response.uri().toString());
        }
        return response.body();
    }
}
