package dev.remediator.testing.github;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The app itself: who it is, its installations, installation tokens, manifest conversion, rate limits. */
final class AppRoutes {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final GitHubState state;
    private final Representations json;
    private final RateLimits rateLimits;
    private final SecureRandom random = new SecureRandom();

    AppRoutes(GitHubState state, Representations json, RateLimits rateLimits) {
        this.state = state;
        this.json = json;
        this.rateLimits = rateLimits;
    }

    void register(Routes routes) {
        routes.on("apps/get-authenticated", RequiredAccess.APP_JWT, request -> ApiResponse.ok(app()));
        routes.on("apps/get-installation", RequiredAccess.APP_JWT, request -> ApiResponse.ok(
                installation(state.installation(request.pathLong("installation_id"))
                        .orElseThrow(ApiError::notFound))));
        routes.on("apps/get-repo-installation", RequiredAccess.APP_JWT,
                request -> ApiResponse.ok(installation(request.repository().installation())));
        routes.on("apps/create-installation-access-token", RequiredAccess.APP_JWT, this::createToken);
        routes.on("apps/create-from-manifest", RequiredAccess.ANYONE, this::convertManifest);
        routes.on("rate-limit/get", RequiredAccess.ANYONE, this::rateLimit);
        routes.on("apps/get-webhook-config-for-app", RequiredAccess.APP_JWT, request -> ApiResponse.ok(webhookConfig()));
        routes.on("apps/list-installations", RequiredAccess.APP_JWT, request -> request.page(
                state.installations().stream().map(this::installation).toList()));
        routes.on("apps/list-repos-accessible-to-installation", RequiredAccess.read("metadata"),
                this::installationRepositories);
    }

    private ObjectNode app() {
        GitHubApp app = state.app();
        ObjectNode body = Json.object().put("id", app.id()).put("slug", app.slug())
                .put("node_id", Representations.nodeId("App", app.id())).put("client_id", app.clientId())
                .put("name", "Remediator").put("description", "Explains red CI runs and proposes safe fixes")
                .put("external_url", "https://remediator.dev").put("html_url", Representations.HTML + "apps/"
                        + app.slug())
                .put("created_at", Json.time(state.now())).put("updated_at", Json.time(state.now()))
                .put("installations_count", state.installations().size());
        body.set("owner", json.user("remediator-dev"));
        body.set("permissions", Json.MAPPER.valueToTree(new TreeMap<>(app.permissions())));
        body.set("events", Json.MAPPER.valueToTree(app.events()));
        return body;
    }

    private ObjectNode webhookConfig() {
        return Json.object().put("url", state.app().webhookUrl()).put("content_type", "json").put("insecure_ssl", "0")
                .put("secret", "********");
    }

    /** The repositories the calling installation token can reach: all of the installation's, or its scope. */
    private ApiResponse installationRepositories(ApiRequest request) {
        InstallationToken token = request.caller().token();
        Installation installation = state.installation(token.installationId()).orElseThrow(ApiError::notFound);
        List<Repository> reachable = installation.repositories().stream()
                .filter(repository -> token.repositoryIds() == null || token.repositoryIds().contains(repository.id()))
                .toList();
        ApiResponse page = request.page("repositories", reachable.stream().map(json::repository).toList());
        ((ObjectNode) page.body()).put("repository_selection", token.repositoryIds() == null ? "all" : "selected");
        return page;
    }

    ObjectNode installation(Installation installation) {
        String url = json.baseUrl() + "/app/installations/" + installation.id();
        ObjectNode body = Json.object().put("id", installation.id()).put("repository_selection", "selected")
                .put("access_tokens_url", url + "/access_tokens")
                .put("repositories_url", json.baseUrl() + "/installation/repositories")
                .put("html_url", Representations.HTML + "organizations/" + installation.account()
                        + "/settings/installations/" + installation.id())
                .put("app_id", state.app().id()).put("app_slug", state.app().slug())
                .put("target_id", installation.accountId()).put("target_type", installation.accountType())
                .put("created_at", Json.time(installation.createdAt()))
                .put("updated_at", Json.time(installation.createdAt()))
                .putNull("single_file_name").put("has_multiple_single_files", false)
                .putNull("suspended_by").putNull("suspended_at");
        body.set("account", json.account(installation));
        body.set("permissions", Json.MAPPER.valueToTree(new TreeMap<>(installation.permissions())));
        body.set("events", Json.MAPPER.valueToTree(state.app().events()));
        body.putArray("single_file_paths");
        return body;
    }

    private ApiResponse createToken(ApiRequest request) {
        Installation installation = state.installation(request.pathLong("installation_id"))
                .orElseThrow(ApiError::notFound);
        JsonNode body = request.body();
        List<Long> repositoryIds = new ArrayList<>();
        body.path("repository_ids").forEach(id -> repositoryIds.add(id.asLong()));
        List<String> repositoryNames = new ArrayList<>();
        body.path("repositories").forEach(name -> repositoryNames.add(name.asText()));
        Set<Long> scope = body.has("repository_ids") || body.has("repositories")
                ? repositoryScope(installation, repositoryIds, repositoryNames)
                : null;
        Map<String, String> permissions = permissions(installation, body.path("permissions"));
        InstallationToken token = new InstallationToken("ghs_" + randomToken(36), installation.id(), scope,
                permissions, state.now().plus(TOKEN_LIFETIME));
        Map<String, String> requested = new TreeMap<>();
        body.path("permissions").fields().forEachRemaining(grant -> requested.put(grant.getKey(),
                grant.getValue().asText()));
        state.addToken(token, new TokenRequest(installation.id(), List.copyOf(repositoryIds),
                List.copyOf(repositoryNames), Map.copyOf(requested), token));
        ObjectNode response = Json.object().put("token", token.token())
                .put("expires_at", Json.time(token.expiresAt()))
                .put("repository_selection", scope == null ? "all" : "selected");
        response.set("permissions", Json.MAPPER.valueToTree(new TreeMap<>(permissions)));
        if (scope != null) {
            response.set("repositories", Json.array().addAll(installation.repositories().stream()
                    .filter(repository -> scope.contains(repository.id())).map(json::repository).toList()));
        }
        return ApiResponse.created(response);
    }

    private static Set<Long> repositoryScope(Installation installation, List<Long> ids, List<String> names) {
        Set<Long> scope = new LinkedHashSet<>();
        for (Long id : ids) {
            installation.repositories().stream().filter(repository -> repository.id() == id).findFirst()
                    .ifPresentOrElse(repository -> scope.add(repository.id()), () -> {
                        throw notAccessible();
                    });
        }
        for (String name : names) {
            installation.repositories().stream().filter(repository -> repository.name().equalsIgnoreCase(name))
                    .findFirst().ifPresentOrElse(repository -> scope.add(repository.id()), () -> {
                        throw notAccessible();
                    });
        }
        return scope;
    }

    private static ApiError notAccessible() {
        return ApiError.validationFailed("There is at least one repository that does not exist or is not "
                + "accessible to the parent installation.");
    }

    /** The token's permissions: what was asked (never more than the installation grants), plus metadata read. */
    private static Map<String, String> permissions(Installation installation, JsonNode requested) {
        if (requested.isMissingNode() || requested.isEmpty()) {
            return installation.permissions();
        }
        Map<String, String> permissions = new TreeMap<>();
        requested.fields().forEachRemaining(grant -> {
            String granted = installation.permissions().get(grant.getKey());
            if (InstallationToken.rank(grant.getValue().asText()) > InstallationToken.rank(granted)) {
                throw ApiError.validationFailed("The permissions requested are not granted to this installation.");
            }
            permissions.put(grant.getKey(), grant.getValue().asText());
        });
        permissions.putIfAbsent("metadata", "read");
        return permissions;
    }

    private String randomToken(int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    private ApiResponse convertManifest(ApiRequest request) {
        String webhookSecret = state.redeemManifestCode(request.path("code")).orElseThrow(ApiError::notFound);
        GitHubApp app = state.app();
        return ApiResponse.created(app().put("client_secret", app.clientSecret()).put("webhook_secret", webhookSecret)
                .put("pem", app.privateKeyPem()));
    }

    private ApiResponse rateLimit(ApiRequest request) {
        RateLimits.Standing core = rateLimits.standing(request.caller());
        ObjectNode body = Json.object();
        ObjectNode resources = body.putObject("resources");
        resources.set("core", standing(core, "core"));
        // the other buckets are not used by the app; GitHub reports them untouched
        long reset = core.reset();
        resources.set("search", standing(new RateLimits.Standing(30, 30, 0, reset), "search"));
        resources.set("graphql", standing(new RateLimits.Standing(5000, 5000, 0, reset), "graphql"));
        resources.set("integration_manifest", standing(new RateLimits.Standing(5000, 5000, 0, reset),
                "integration_manifest"));
        body.set("rate", standing(core, "core"));
        return ApiResponse.ok(body);
    }

    private static ObjectNode standing(RateLimits.Standing standing, String resource) {
        return Json.object().put("limit", standing.limit()).put("remaining", standing.remaining())
                .put("reset", standing.reset()).put("used", standing.used()).put("resource", resource);
    }
}
