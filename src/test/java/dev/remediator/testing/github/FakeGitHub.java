package dev.remediator.testing.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A stateful fake of GitHub's REST API over real HTTP on loopback, for end-to-end tests. Every request is checked
 * against GitHub's own OpenAPI description and the caller's credentials; what GitHub would refuse is refused here
 * too and recorded as a {@link Violation}. Job logs are served from a second origin, as GitHub's storage is.
 *
 * <pre>{@code
 * try (FakeGitHub github = FakeGitHub.start()) {
 *     Repository repo = github.installation(42, "octo-org").repository(1296269, "hello");
 *     String sha = repo.commit("main", "Initial commit", "alice", Map.of("README.md", "hello\n"));
 *     // ... point the app at github.baseUrl() ...
 *     github.assertNoViolations();
 * }
 * }</pre>
 */
public final class FakeGitHub implements AutoCloseable {

    public static final long DEFAULT_APP_ID = 424242;
    public static final String DEFAULT_APP_SLUG = "remediator";

    /**
     * Operations of the description that no route serves yet: a call to one is answered 501 and recorded as a
     * violation. Every other operation must have a route, or the fake refuses to start.
     */
    private static final Set<String> NOT_SERVED = Set.of("actions/get-workflow-run-attempt",
            "apps/get-webhook-config-for-app", "apps/list-installation-repos-for-authenticated-user",
            "apps/list-installations", "apps/list-installations-for-authenticated-user",
            "apps/list-repos-accessible-to-installation", "checks/get-suite",
            "issues/add-assignees", "issues/create", "issues/list-for-repo", "issues/update", "pulls/list-reviews",
            "pulls/request-reviewers", "repos/get-branch-protection", "users/get-authenticated");

    private final GitHubState state;
    private final Faults faults;
    private final RateLimits rateLimits;
    private final RequestLog log = new RequestLog();
    private final ExecutorService executor;
    private final LogStorage storage;
    private final ApiServer api;
    private final String webhookSecret;
    private final HookDeliveries hooks;

    private FakeGitHub(long appId, String slug) throws IOException {
        this.state = new GitHubState(new GitHubApp(appId, slug));
        this.faults = new Faults(state.clock());
        this.rateLimits = new RateLimits(state.clock(), faults);
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-github");
            thread.setDaemon(true);
            return thread;
        });
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        this.webhookSecret = HexFormat.of().formatHex(secret);
        this.storage = new LogStorage(state.clock(), log::violation, executor);
        Routes routes = new Routes();
        ApiDescription description = ApiDescription.shared();
        this.api = new ApiServer(state, description, routes, faults, rateLimits, log, executor);
        Representations json = new Representations(api.baseUrl());
        CommitRepresentations commits = new CommitRepresentations(json);
        new AppRoutes(state, json, rateLimits).register(routes);
        new RepositoryRoutes(state, json, commits).register(routes);
        new CommitRoutes(json, commits).register(routes);
        new GitDataRoutes(state, json, commits).register(routes);
        new ActionsRoutes(state, json, storage).register(routes);
        new ChecksRoutes(state, json).register(routes);
        new IssuesRoutes(state, json).register(routes);
        new PullRoutes(json, commits).register(routes);
        this.hooks = new HookDeliveries(state, new WebhookSigner(webhookSecret), executor);
        new HookRoutes(hooks, json).register(routes);
        Set<String> missing = description.operations().stream().map(ApiDescription.Operation::id)
                .filter(id -> routes.route(id).isEmpty() && !NOT_SERVED.contains(id)).collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The fake GitHub has no route for " + missing);
        }
        api.start();
    }

    /** Starts a fake GitHub with the default app (id {@value #DEFAULT_APP_ID}, slug `remediator`). */
    public static FakeGitHub start() {
        return start(DEFAULT_APP_ID, DEFAULT_APP_SLUG);
    }

    public static FakeGitHub start(long appId, String slug) {
        try {
            return new FakeGitHub(appId, slug);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a loopback port for the fake GitHub", e);
        }
    }

    /** The API's base URL (as `https://api.github.com`), e.g. `http://127.0.0.1:41234`. */
    public String baseUrl() {
        return api.baseUrl();
    }

    /** The origin job logs are redirected to. */
    public String storageUrl() {
        return storage.baseUrl();
    }

    public GitHubApp app() {
        return state.app();
    }

    /** A JWT the app would sign now, for tests that call the app endpoints themselves. */
    public String appJwt() {
        return state.app().jwt(state.clock());
    }

    /** The secret GitHub signs webhook deliveries with (see {@link WebhookSigner}). */
    public String webhookSecret() {
        return webhookSecret;
    }

    /** Where GitHub posts the app's webhooks from now on (the app's public URL). */
    public FakeGitHub sendWebhooksTo(URI appUrl) {
        hooks.target(appUrl);
        return this;
    }

    /** GitHub cannot reach the app any more: deliveries fail to connect and stay in the delivery log as failed. */
    public FakeGitHub stopSendingWebhooks() {
        hooks.target(null);
        return this;
    }

    /** Sends a webhook as GitHub does (a new GUID, signed), records the attempt in the delivery log, returns it. */
    public HookDelivery deliver(String event, byte[] body) {
        return hooks.send(event, body);
    }

    /** The app's webhook delivery log, newest first. */
    public List<HookDelivery> hookDeliveries() {
        return hooks.newestFirst();
    }

    /** Installs the app on an account; add repositories to the returned installation. */
    public Installation installation(long id, String account) {
        return state.addInstallation(id, account);
    }

    public Optional<Repository> repository(String fullName) {
        int slash = fullName.indexOf('/');
        return slash < 0 ? Optional.empty()
                : state.repository(fullName.substring(0, slash), fullName.substring(slash + 1));
    }

    /** A code that `POST /app-manifests/{code}/conversions` accepts once. */
    public FakeGitHub acceptManifestCode(String code) {
        state.acceptManifestCode(code, webhookSecret);
        return this;
    }

    public Faults faults() {
        return faults;
    }

    /** GitHub's clock, which {@link #advanceTime} moves. */
    public Clock clock() {
        return state.clock();
    }

    /** Moves GitHub's clock forward, e.g. to let installation tokens (one hour) expire. */
    public FakeGitHub advanceTime(Duration by) {
        state.clock().advance(by);
        return this;
    }

    public List<RecordedRequest> requests() {
        return log.requests();
    }

    /** The requests for one operation of GitHub's description, e.g. `checks/create`. */
    public List<RecordedRequest> requests(String operationId) {
        return log.requests().stream().filter(request -> operationId.equals(request.operationId())).toList();
    }

    public List<Violation> violations() {
        return log.violations();
    }

    /** Fails when any request so far is one real GitHub would have refused. */
    public void assertNoViolations() {
        List<Violation> violations = log.violations();
        if (!violations.isEmpty()) {
            throw new AssertionError("Requests that GitHub would refuse:\n  " + violations.stream()
                    .map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    public List<TokenRequest> tokenRequests() {
        return state.tokenRequests();
    }

    /** Forgets installations, repositories, tokens, requests, violations and faults; keeps the app and its key. */
    public void reset() {
        synchronized (state) {
            state.clear();
            log.clear();
            faults.clear();
            rateLimits.clear();
            hooks.clear();
        }
    }

    @Override
    public void close() {
        api.close();
        storage.close();
        executor.shutdownNow();
    }
}
