package dev.remediator.testing.github;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * github.com's OAuth web flow for a GitHub App's users: {@code GET /login/oauth/authorize} sends the browser back to
 * the app with a code when someone is signed in to GitHub (tests say who with {@link FakeGitHub#signInBrowser}), and
 * {@code POST /login/oauth/access_token} exchanges that code, with the app's client id and secret, for a user access
 * token. Not part of the REST description: these pages live on the web origin, as on GitHub.
 */
final class OAuthPages {

    static final String PATH = "/login/oauth/";

    private final GitHubState state;

    OAuthPages(GitHubState state) {
        this.state = state;
    }

    RecordedRequest serve(HttpExchange exchange, Instant at, String method, String rawPath, String rawQuery,
            byte[] body) throws IOException {
        String operation = rawPath.substring(PATH.length());
        int status = switch (method + " " + operation) {
            case "GET authorize" -> authorize(exchange, Urls.parseQuery(rawQuery));
            case "POST access_token" -> accessToken(exchange, form(exchange, body));
            default -> send(exchange, 404, "text/plain", "Not Found");
        };
        return new RecordedRequest(at, method, rawPath, Urls.parseQuery(rawQuery), "oauth/" + operation, status, null,
                Caller.ANONYMOUS);
    }

    private int authorize(HttpExchange exchange, Map<String, List<String>> query) throws IOException {
        if (!state.app().clientId().equals(first(query, "client_id"))) {
            return send(exchange, 404, "text/html", "<h1>404</h1><p>The client_id is not one of an app.</p>");
        }
        String redirectUri = first(query, "redirect_uri");
        Optional<String> user = state.userTokens().browserUser();
        if (redirectUri == null || user.isEmpty()) {
            return send(exchange, 200, "text/html", "<h1>Sign in to GitHub</h1><p>to continue to "
                    + state.app().slug() + "</p>");
        }
        String code = state.userTokens().newCode(user.get(), redirectUri);
        String state = first(query, "state");
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code
                + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        return 302;
    }

    private int accessToken(HttpExchange exchange, Map<String, String> form) throws IOException {
        boolean clientKnown = state.app().clientId().equals(form.get("client_id"))
                && state.app().clientSecret().equals(form.get("client_secret"));
        Optional<UserTokens.Grant> grant = clientKnown ? state.userTokens().redeem(form.get("code")) : Optional.empty();
        Map<String, String> answer = new LinkedHashMap<>();
        if (!clientKnown) {
            answer.put("error", "incorrect_client_credentials");
            answer.put("error_description", "The client_id and/or client_secret passed are incorrect.");
        } else if (grant.isEmpty() || (form.containsKey("redirect_uri")
                && !form.get("redirect_uri").equals(grant.get().redirectUri()))) {
            answer.put("error", "bad_verification_code");
            answer.put("error_description", "The code passed is incorrect or expired.");
        } else {
            answer.put("access_token", state.userTokens().newToken(grant.get().login()));
            answer.put("token_type", "bearer");
            answer.put("scope", "");
        }
        // GitHub answers errors of this endpoint with 200 too; JSON only when asked for it
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.contains("json")) {
            ObjectNode json = Json.object();
            answer.forEach(json::put);
            return send(exchange, 200, "application/json; charset=utf-8", json.toString());
        }
        return send(exchange, 200, "application/x-www-form-urlencoded; charset=utf-8", answer.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    /** The form's fields, the client's credentials taken from HTTP Basic authentication when it uses that. */
    private static Map<String, String> form(HttpExchange exchange, byte[] body) {
        Map<String, String> form = new LinkedHashMap<>();
        Urls.parseQuery(new String(body, StandardCharsets.UTF_8))
                .forEach((name, values) -> form.put(name, values.get(0)));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8).split(":", 2);
            form.put("client_id", Urls.decodePathSegment(credentials[0]));
            form.put("client_secret", credentials.length > 1 ? Urls.decodePathSegment(credentials[1]) : "");
        }
        return form;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }
}
