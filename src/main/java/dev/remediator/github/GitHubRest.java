package dev.remediator.github;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.githubapp.runtime.config.GitHubAppRuntimeConfig;

/**
 * GitHub's REST API with a scoped installation token, through the guarded transport. Every call is one explicit
 * request (hub4j fetches a repository before acting on it, which would cost a call per action), so that the number
 * of calls per webhook is known and small.
 */
@ApplicationScoped
public class GitHubRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_VERSION = "2022-11-28";
    private static final String JSON_MEDIA_TYPE = "application/vnd.github+json";
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    /** Lists longer than this many pages are cut: nothing Remediator reads needs more. */
    static final int MAX_PAGES = 10;

    @Inject
    GitHubTransport transport;

    @Inject
    GitHubAppRuntimeConfig gitHubApp;

    public JsonNode get(String token, String path) throws IOException {
        return send(token, "GET", path, null);
    }

    /** A GET whose 404 means "there is none". */
    public Optional<JsonNode> find(String token, String path) throws IOException {
        try {
            return Optional.of(get(token, path));
        } catch (GitHubApiException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public JsonNode post(String token, String path, Object body) throws IOException {
        return send(token, "POST", path, body);
    }

    /** What GitHub shows of a write that may have been carried out although its answer was lost. */
    @FunctionalInterface
    public interface CarriedOut {
        /** The written resource (or any JSON standing for the write) when GitHub has it, else empty. */
        Optional<JsonNode> find() throws IOException;
    }

    /**
     * A POST that must not happen twice (a re-run, a dispatch, a comment): after a 5xx or a timeout it is sent again
     * only when {@code carriedOut} finds no trace of it; the trace found is the answer.
     */
    public JsonNode postOnce(String token, String path, Object body, CarriedOut carriedOut) throws IOException {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        HttpResponse<byte[]> response = exchange(token, "POST", gitHubApp.restApiEndpoint() + path, body, JSON_MEDIA_TYPE,
                () -> {
                    Optional<JsonNode> trace = carriedOut.find();
                    trace.ifPresent(found::set);
                    return trace.isPresent();
                });
        return response == null ? found.get() : json(response, "POST", path);
    }

    public JsonNode patch(String token, String path, Object body) throws IOException {
        return send(token, "PATCH", path, body);
    }

    /**
     * A GraphQL query or mutation (some operations exist only there, such as marking a pull request ready for
     * review). GitHub answers errors with 200 and an {@code errors} list: those are refusals, as a 4xx would be.
     */
    public JsonNode graphql(String token, String document, Object variables) throws IOException {
        java.util.Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        JsonNode answer = send(token, "POST", "/graphql", request);
        if (answer.path("errors").size() > 0) {
            throw new GitHubApiException(422, "POST", "/graphql", answer.path("errors").toString());
        }
        return answer.path("data");
    }

    /** One page of a list and the URL of the next one, from GitHub's {@code Link: rel="next"}. */
    public record Page(List<JsonNode> items, String next) {
    }

    /** Every page of a list, following GitHub's {@code Link: rel="next"}; {@code field} names the array in wrapped lists. */
    public List<JsonNode> list(String token, String path, String field) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        String url = gitHubApp.restApiEndpoint() + path + (path.contains("?") ? "&" : "?") + "per_page=100";
        for (int page = 0; url != null && page < MAX_PAGES; page++) {
            Page read = page(token, url, field);
            items.addAll(read.items());
            url = read.next();
        }
        return items;
    }

    /** The page at {@code url} (a path of the API, or a {@code next} URL GitHub gave). */
    public Page page(String token, String url, String field) throws IOException {
        String absolute = url.startsWith("/") ? gitHubApp.restApiEndpoint() + url : url;
        HttpResponse<byte[]> response = exchange(token, "GET", absolute, null, JSON_MEDIA_TYPE);
        JsonNode body = JSON.readTree(successful(response, "GET", GitHubTransport.uri(absolute).getPath()));
        List<JsonNode> items = new ArrayList<>();
        (field == null ? body : body.path(field)).forEach(items::add);
        return new Page(items, response.headers().firstValue("link").map(NEXT_LINK::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).orElse(null));
    }

    /** A file's raw content at a ref (the default branch when {@code ref} is null), or empty when it is absent. */
    public Optional<String> fileContent(String token, String repository, String path, String ref) throws IOException {
        return fileBytes(token, repository, path, ref).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The same as bytes, as they are in the repository (no text decoding: a file's hash is taken over its bytes). */
    public Optional<byte[]> fileBytes(String token, String repository, String path, String ref) throws IOException {
        String resource = "/repos/" + repository + "/contents/" + encodePath(path)
                + (ref == null ? "" : "?ref=" + URLEncoder.encode(ref, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = exchange(token, "GET", gitHubApp.restApiEndpoint() + resource, null, "application/vnd.github.raw+json");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(successful(response, "GET", resource));
    }

    /** Each segment of a repository path percent-encoded, the slashes kept. */
    static String encodePath(String path) {
        return Arrays.stream(path.split("/", -1)).map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8)
                .replace("+", "%20")).collect(Collectors.joining("/"));
    }

    /**
     * A job's log, streamed. GitHub answers with a redirect to short-lived storage that must not receive our token,
     * so the redirect is followed by hand, without it.
     */
    public InputStream jobLog(String token, String repository, long jobId) throws IOException {
        String resource = "/repos/" + repository + "/actions/jobs/" + jobId + "/logs";
        HttpResponse<byte[]> redirect = exchange(token, "GET", gitHubApp.restApiEndpoint() + resource, null, JSON_MEDIA_TYPE);
        if (redirect.statusCode() != 302 && redirect.statusCode() != 301) {
            successful(redirect, "GET", resource);
            throw new IOException("expected a redirect to the log of job " + jobId + ", got " + redirect.statusCode());
        }
        String location = redirect.headers().firstValue("location")
                .orElseThrow(() -> new IOException("redirect without a location for the log of job " + jobId));
        return transport.download(GitHubTransport.uri(location), "log of job " + jobId);
    }

    private JsonNode send(String token, String method, String path, Object body) throws IOException {
        return json(exchange(token, method, gitHubApp.restApiEndpoint() + path, body, JSON_MEDIA_TYPE), method, path);
    }

    private static JsonNode json(HttpResponse<byte[]> response, String method, String path) throws IOException {
        byte[] bytes = successful(response, method, path);
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private HttpResponse<byte[]> exchange(String token, String method, String url, Object body, String accept)
            throws IOException {
        return exchange(token, method, url, body, accept, () -> false);
    }

    private HttpResponse<byte[]> exchange(String token, String method, String url, Object body, String accept,
            Callable<Boolean> carriedOut) throws IOException {
        HttpRequest.Builder request = transport.newRequest(GitHubTransport.uri(url))
                .header("Accept", accept)
                .header("X-GitHub-Api-Version", API_VERSION);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return transport.exchange(request.build(), HttpResponse.BodyHandlers.ofByteArray(), carriedOut);
    }

    private static byte[] successful(HttpResponse<byte[]> response, String method, String path) throws GitHubApiException {
        if (response.statusCode() / 100 != 2) {
            throw new GitHubApiException(response.statusCode(), method, path,
                    new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
