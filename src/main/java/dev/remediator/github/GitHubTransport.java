package dev.remediator.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

import dev.remediator.config.RemediatorConfig;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * HTTP to GitHub: hub4j's connector and our own calls for the endpoints hub4j lacks share it, so that every
 * exchange has the same timeouts, fault tolerance ({@link GitHubGuard}) and call counting.
 */
@ApplicationScoped
public class GitHubTransport implements GitHubConnector {

    private static final Logger LOG = Logger.getLogger(GitHubTransport.class);

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    /** GitHub asks clients hit by a secondary rate limit without a Retry-After to wait at least a minute. */
    private static final Duration SECONDARY_RATE_LIMIT_WAIT = Duration.ofMinutes(1);

    @Inject
    GitHubGuard guard;

    @Inject
    MeterRegistry registry;

    @Inject
    RemediatorConfig config;

    private HttpClient client;

    @PostConstruct
    void build() {
        // Redirects are followed by hand where GitHub uses them (job logs), never with our token attached.
        client = HttpClient.newBuilder().connectTimeout(config.github().connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        byte[] body = request.hasBody() && request.body() != null ? request.body().readAllBytes() : null;
        HttpRequest.Builder http = newRequest(uri(request.url().toString()))
                .method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.allHeaders().forEach((name, values) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> http.header(name, value));
            }
        });
        HttpResponse<byte[]> response = exchange(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new BufferedResponse(request, response);
    }

    /** A request with our timeout; callers add method, headers and body. */
    public HttpRequest.Builder newRequest(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(config.github().requestTimeout());
    }

    /**
     * Sends one request through the guard: retried on server errors, timeouts and short rate limits; any other
     * answer, 4xx included, is returned as it is.
     */
    public <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> bodyHandler) throws IOException {
        return exchange(request, bodyHandler, () -> false);
    }

    /**
     * The same for a write that must not happen twice. A 5xx or a timeout does not say whether GitHub carried the
     * write out, so before each new try {@code carriedOut} asks GitHub; when it was, nothing is sent again and the
     * answer is null.
     */
    public <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> bodyHandler,
            Callable<Boolean> carriedOut) throws IOException {
        String what = request.method() + " " + request.uri().getPath();
        AtomicBoolean sent = new AtomicBoolean();
        return guard.call(what, () -> {
            if (sent.getAndSet(true) && carriedOut.call()) {
                registry.counter("remediator.github.writes.carried.out").increment();
                LOG.infof("%s was carried out although GitHub's answer failed; not sent again", what);
                return null;
            }
            registry.counter("remediator.github.requests", "method", request.method()).increment();
            HttpResponse<T> response = client.send(request, bodyHandler);
            refuseIfRetryable(response, what);
            return response;
        });
    }

    /**
     * Streams a download from GitHub's storage (a job log, up to hundreds of megabytes), with no credentials, through
     * the same guard and counting. {@link HttpURLConnection} reads the body straight into the caller's buffer; the
     * reactive client copies every few kilobytes into a fresh buffer of its own, which for logs cost more processor
     * time and garbage than the analysis reading them.
     *
     * @return the body of a 200 answer; any other status is a {@link GitHubApiException}
     */
    public InputStream download(URI uri, String what) throws IOException {
        HttpURLConnection answered = guard.call("GET " + what, () -> {
            registry.counter("remediator.github.requests", "method", "GET").increment();
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout((int) config.github().connectTimeout().toMillis());
            // each read waits at most this long, which bounds a stalled stream as well as a slow first byte
            connection.setReadTimeout((int) config.github().requestTimeout().toMillis());
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            if (status >= 500) {
                connection.disconnect();
                throw new GitHubGuard.ServerError(status, "GET " + what);
            }
            return connection;
        });
        if (answered.getResponseCode() != 200) {
            answered.disconnect();
            throw new GitHubApiException(answered.getResponseCode(), "GET", what, "");
        }
        return answered.getInputStream();
    }

    private void refuseIfRetryable(HttpResponse<?> response, String what) throws IOException {
        int status = response.statusCode();
        if (status >= 500) {
            close(response);
            throw new GitHubGuard.ServerError(status, what);
        }
        if (status == 429 || status == 403) {
            Duration wait = rateLimitWait(response);
            if (wait != null) {
                close(response);
                throw new GitHubGuard.RateLimited(guard.checkRateLimitWait(wait, what), what);
            }
        }
    }

    /** How long GitHub asks us to wait, or null when this 403 is not a rate limit. */
    private static Duration rateLimitWait(HttpResponse<?> response) {
        var headers = response.headers();
        var retryAfter = headers.firstValue("retry-after");
        if (retryAfter.isPresent()) {
            return Duration.ofSeconds(parseLong(retryAfter.get(), 60));
        }
        if (headers.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
            long reset = parseLong(headers.firstValue("x-ratelimit-reset").orElse(""), 0);
            Duration untilReset = Duration.between(Instant.now(), Instant.ofEpochSecond(reset)).plusSeconds(1);
            return untilReset.isNegative() ? Duration.ofSeconds(1) : untilReset;
        }
        if (response.statusCode() == 429 || mentionsRateLimit(response.body())) {
            return SECONDARY_RATE_LIMIT_WAIT;
        }
        return null;
    }

    private static boolean mentionsRateLimit(Object body) {
        return body instanceof byte[] bytes
                && new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("rate limit");
    }

    private static long parseLong(String value, long fallback) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void close(HttpResponse<?> response) throws IOException {
        if (response.body() instanceof InputStream stream) {
            stream.close();
        }
    }

    static URI uri(String url) throws IOException {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IOException("not a URL: " + url, e);
        }
    }

    /** hub4j reads whole JSON bodies anyway; buffering lets a failed exchange be retried before hub4j sees it. */
    private static final class BufferedResponse extends GitHubConnectorResponse.ByteArrayResponse {
        private final byte[] body;

        BufferedResponse(GitHubConnectorRequest request, HttpResponse<byte[]> response) {
            super(request, response.statusCode(), headers(response));
            this.body = response.body();
        }

        private static Map<String, List<String>> headers(HttpResponse<?> response) {
            return response.headers().map();
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body == null ? new byte[0] : body);
        }
    }
}
