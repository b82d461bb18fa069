package dev.remediator.testing.github;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The API origin. Each request goes through GitHub's edge (faults, rate limits), then GitHub's description (an
 * unknown operation or an invalid request is answered as GitHub would and recorded as a violation), then
 * authentication and the token's scope, and only then reaches the operation's route.
 */
final class ApiServer implements AutoCloseable {

    private record Outcome(ApiResponse response, String operationId, JsonNode body, Caller caller) {
    }

    private final GitHubState state;
    private final ApiDescription description;
    private final Routes routes;
    private final Faults faults;
    private final RequestLog log;
    private final Authenticator authenticator;
    private final OAuthPages oauth;
    private final HttpServer server;
    private final SecureRandom random = new SecureRandom();
    private final RateLimits rateLimits;
    private final GraphQLApi graphql;

    ApiServer(GitHubState state, ApiDescription description, Routes routes, Faults faults, RateLimits rateLimits,
            RequestLog log, ExecutorService executor) throws IOException {
        this.state = state;
        this.description = description;
        this.routes = routes;
        this.faults = faults;
        this.log = log;
        this.authenticator = new Authenticator(state);
        this.oauth = new OAuthPages(state);
        this.rateLimits = rateLimits;
        this.graphql = new GraphQLApi(state);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
    }

    void start() {
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant at = state.now();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (rawPath.startsWith(OAuthPages.PATH)) {
                RecordedRequest served = oauth.serve(exchange, at, method, rawPath, rawQuery, body);
                log.record(served);
                return;
            }
            Outcome outcome = answer(exchange, method, rawPath, rawQuery, body);
            log.record(new RecordedRequest(at, method, Urls.decodePathSegment(rawPath), Urls.parseQuery(rawQuery),
                    outcome.operationId(), outcome.response().status(), outcome.body(), outcome.caller()));
            write(exchange, outcome.response(), outcome.caller());
        }
    }

    private Outcome answer(HttpExchange exchange, String method, String rawPath, String rawQuery, byte[] body) {
        pause(faults.latency());
        Caller caller = Caller.ANONYMOUS;
        ApiError badCredentials = null;
        try {
            caller = authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (ApiError refused) {
            badCredentials = refused;
        }
        Optional<ApiResponse> refusal = faults.refusal(rawPath, rateLimitSubject(caller));
        if (refusal.isPresent()) {
            return new Outcome(refusal.get(), null, null, caller);
        }
        if (badCredentials != null) {
            return new Outcome(ApiResponse.error(badCredentials), null, null, caller);
        }
        if ("/graphql".equals(rawPath) && "POST".equals(method)) {
            return graphql(rawPath, body, caller);
        }
        Optional<ApiDescription.Match> match = description.match(method, rawPath);
        if (match.isEmpty()) {
            violation(method, rawPath, List.of("no operation of GitHub's description matches " + method + " "
                    + rawPath));
            return new Outcome(ApiResponse.error(ApiError.notFound()), null, null, caller);
        }
        String operationId = match.get().operation().id();
        JsonNode json;
        try {
            json = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            violation(method, rawPath, List.of(operationId + ": the body is not JSON: " + e.getMessage()));
            return new Outcome(ApiResponse.error(new ApiError(400, "Problems parsing JSON")), operationId, null,
                    caller);
        }
        List<String> problems = description.validate(match.get(), rawQuery,
                exchange.getRequestHeaders().getFirst("Content-Type"), body);
        if (!problems.isEmpty()) {
            violation(method, rawPath, problems.stream().map(problem -> operationId + ": " + problem).toList());
            return new Outcome(ApiResponse.error(ApiError.validationFailed("Invalid request.\n\n"
                    + String.join("\n", problems))), operationId, json, caller);
        }
        ApiResponse answer = dispatch(method, rawPath, rawQuery, match.get(), json, caller);
        return new Outcome(faults.lostAnswer(rawPath).orElse(answer), operationId, json, caller);
    }

    /** GraphQL: checked against GitHub's schema instead of its REST description; one POST for every operation. */
    private Outcome graphql(String rawPath, byte[] body, Caller caller) {
        JsonNode json;
        try {
            json = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            violation("POST", rawPath, List.of("the GraphQL body is not JSON: " + e.getMessage()));
            return new Outcome(ApiResponse.error(new ApiError(400, "Problems parsing JSON")), "graphql", null, caller);
        }
        GraphQLApi.Answer answer;
        synchronized (state) {
            answer = graphql.answer(json, caller);
        }
        if (!answer.problems().isEmpty()) {
            violation("POST", rawPath, answer.problems().stream().map(p -> answer.operation() + ": " + p).toList());
        }
        return new Outcome(answer.response(), answer.operation(), json, caller);
    }

    private ApiResponse dispatch(String method, String rawPath, String rawQuery, ApiDescription.Match match,
            JsonNode json, Caller caller) {
        String operationId = match.operation().id();
        Optional<Routes.Route> route = routes.route(operationId);
        if (route.isEmpty()) {
            violation(method, rawPath, List.of("the fake has no route for " + operationId));
            return ApiResponse.error(new ApiError(501, "The fake GitHub does not implement " + operationId));
        }
        Map<String, String> parameters = match.pathParameters();
        Repository repository = parameters.containsKey("owner")
                ? state.repository(parameters.get("owner"), parameters.get("repo")).orElse(null)
                : null;
        try {
            checkAccess(route.get().access(), caller, repository, parameters.containsKey("owner"));
            ApiRequest request = new ApiRequest(baseUrl() + rawPath, parameters, Urls.parseQuery(rawQuery), json,
                    caller, actor(caller), repository);
            synchronized (state) {
                return route.get().handler().handle(request);
            }
        } catch (ApiError refused) {
            return ApiResponse.error(refused);
        } catch (RuntimeException bug) {
            violation(method, rawPath, List.of("the fake GitHub failed on " + operationId + ": " + bug));
            return ApiResponse.error(new ApiError(500, "The fake GitHub failed: " + bug));
        }
    }

    private void checkAccess(RequiredAccess access, Caller caller, Repository repository, boolean repositoryPath) {
        switch (access.kind()) {
            case ANYONE -> {
            }
            case APP_JWT -> {
                if (caller.kind() != Caller.Kind.APP) {
                    throw new ApiError(401, "A JSON web token could not be decoded");
                }
                if (repositoryPath && repository == null) {
                    throw ApiError.notFound();
                }
            }
            case USER -> {
                if (caller.kind() == Caller.Kind.ANONYMOUS) {
                    throw new ApiError(401, "Requires authentication");
                }
                if (caller.kind() != Caller.Kind.USER) {
                    throw ApiError.forbidden(ApiError.RESOURCE_NOT_ACCESSIBLE);
                }
            }
            case INSTALLATION -> {
                if (caller.kind() == Caller.Kind.ANONYMOUS) {
                    throw new ApiError(401, "Requires authentication");
                }
                if (caller.kind() != Caller.Kind.INSTALLATION) {
                    throw ApiError.forbidden(ApiError.RESOURCE_NOT_ACCESSIBLE);
                }
                // a repository outside the token's reach does not exist, as far as the token can tell; the few
                // installation endpoints outside /repos (GET /installation/repositories) name none
                if (repositoryPath && (repository == null || !caller.token().covers(repository))) {
                    throw ApiError.notFound();
                }
                if (!access.grantedBy(caller.token())) {
                    throw ApiError.forbidden(ApiError.RESOURCE_NOT_ACCESSIBLE);
                }
            }
        }
    }

    private String actor(Caller caller) {
        return switch (caller.kind()) {
            case INSTALLATION -> state.app().botLogin();
            case APP -> state.app().slug();
            case USER -> caller.login();
            case ANONYMOUS -> "ghost";
        };
    }

    private static String rateLimitSubject(Caller caller) {
        return switch (caller.kind()) {
            case INSTALLATION -> "installation ID " + caller.token().installationId();
            case APP -> "app";
            case USER -> "user " + caller.login();
            case ANONYMOUS -> "127.0.0.1";
        };
    }

    private void violation(String method, String rawPath, List<String> problems) {
        log.violation(new Violation(state.now(), method, Urls.decodePathSegment(rawPath), problems));
    }

    private static boolean asksForRawContent(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.contains("application/vnd.github.raw");
    }

    private void write(HttpExchange exchange, ApiResponse response, Caller caller) throws IOException {
        var headers = exchange.getResponseHeaders();
        byte[] requestId = new byte[8];
        random.nextBytes(requestId);
        headers.set("X-GitHub-Request-Id", HexFormat.of().withUpperCase().formatHex(requestId));
        headers.set("X-GitHub-Media-Type", "github.v3; format=json");
        headers.set("X-GitHub-Api-Version-Selected", "2022-11-28");
        rateLimitHeaders(caller).forEach(headers::set);
        response.headers().forEach(headers::set);
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = Json.bytes(response.body());
        headers.set("Content-Type", "application/json; charset=utf-8");
        if (asksForRawContent(exchange) && "base64".equals(response.body().path("encoding").asText())) {
            // GitHub's raw media type: a file's bytes instead of its JSON description
            bytes = Base64.getMimeDecoder().decode(response.body().path("content").asText());
            headers.set("Content-Type", "application/vnd.github.raw; charset=utf-8");
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Map<String, String> rateLimitHeaders(Caller caller) {
        RateLimits.Standing standing = rateLimits.count(caller);
        return Map.of("X-RateLimit-Limit", String.valueOf(standing.limit()),
                "X-RateLimit-Remaining", String.valueOf(standing.remaining()),
                "X-RateLimit-Used", String.valueOf(standing.used()),
                "X-RateLimit-Reset", String.valueOf(standing.reset()),
                "X-RateLimit-Resource", "core");
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
