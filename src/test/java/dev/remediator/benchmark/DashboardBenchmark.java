package dev.remediator.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openqa.selenium.By;

import dev.remediator.packaged.PackagedApp;
import dev.remediator.testing.Browser;
import dev.remediator.testing.CiScenario;
import dev.remediator.testing.TestDatabase;
import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.GitHubApp;
import dev.remediator.testing.github.WebhookSigner;
import dev.remediator.testing.github.WorkflowRun;

/**
 * Dashboard page render times and the GitHub calls a page view costs, on the packaged app against the fake GitHub:
 * a repository with real analysed failures (a compile error on main whose revert awaits approval, a runner lost
 * twice) and 1,000 remediations in all, with their audit trail spread over 30 days; a user signed in through the
 * OAuth flow; then REQUESTS (default 100) views each of the overview, the repository page and a remediation page,
 * timed at the client (p50, p99). With {@code --screenshots DIR}, headless chromium also takes the three pages at
 * 1280 px into DIR. Run with {@code bin/bench-dashboard [REQUESTS] [--screenshots docs]}.
 */
public final class DashboardBenchmark {

    private static final String USER = "octocat";
    private static final int REMEDIATIONS = 1_000;

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        int requests = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 100;
        int shots = arguments.indexOf("--screenshots");
        Path screenshots = shots >= 0 ? Path.of(arguments.get(shots + 1)) : null;
        try (FakeGitHub github = FakeGitHub.start();
                PackagedApp app = PackagedApp.registered(github, Map.of(
                        "remediator.oauth.client-id", GitHubApp.clientIdOf(github.app().id()),
                        "remediator.oauth.client-secret", GitHubApp.clientSecretOf(github.app().id()),
                        "remediator.github.web-url", github.baseUrl(),
                        // the JDK's cookie store keeps Secure cookies off plain-HTTP loopback
                        "quarkus.oidc.authentication.cookie-force-secure", "false",
                        "quarkus.rest-csrf.cookie-force-secure", "false")).start()) {
            CiScenario ci = CiScenario.create(github, null, "dashboard");
            ci.repo.collaborator(USER, "write");
            ci.installation.repository(CiScenario.nextId(), "not-yours").collaborator("someone-else", "admin");
            WebhookSigner signer = new WebhookSigner(github.webhookSecret());
            realFailures(ci, app, signer);
            long revert = awaitingRevert(ci.repo.id());
            seed(ci.repo.id(), REMEDIATIONS - count(ci.repo.id()));
            System.out.printf("Store: %d remediations in %s%n", count(ci.repo.id()), ci.repo.fullName());

            github.signInBrowser(USER);
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.ALWAYS).build();
            String base = "http://localhost:" + app.port();
            int signIn = github.requests().size();
            HttpResponse<String> signedIn = get(client, base + "/dashboard/sign-in");
            if (!signedIn.body().contains("@" + USER)) {
                throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + signedIn.body());
            }
            System.out.printf("Sign-in and first overview: %d GitHub calls %s%n", github.requests().size() - signIn,
                    operations(github, signIn));
            Map<String, String> pages = new java.util.LinkedHashMap<>();
            pages.put("overview", base + "/dashboard");
            pages.put("repository", base + "/dashboard/repositories/" + ci.repo.fullName());
            pages.put("remediation", base + "/dashboard/remediations/" + revert);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                measure(client, github, page.getKey(), page.getValue(), requests);
            }
            if (screenshots != null) {
                screenshots(base, pages, screenshots);
            }
            github.assertNoViolations();
        }
    }

    private static void measure(HttpClient client, FakeGitHub github, String name, String url, int requests)
            throws Exception {
        for (int i = 0; i < 10; i++) {
            get(client, url);
        }
        int before = github.requests().size();
        long[] micros = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> page = get(client, url);
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (page.statusCode() != 200) {
                throw new IllegalStateException(name + " answered " + page.statusCode());
            }
        }
        Arrays.sort(micros);
        System.out.printf("%-12s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  GitHub calls in %d views: %d%n", name,
                micros[requests / 2] / 1000.0, micros[(int) Math.ceil(requests * 0.99) - 1] / 1000.0,
                micros[requests - 1] / 1000.0, requests, github.requests().size() - before);
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String operations(FakeGitHub github, int from) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        github.requests().subList(from, github.requests().size())
                .forEach(r -> counts.merge(r.operationId(), 1L, Long::sum));
        return counts.toString();
    }

    /** Real webhooks through the app: a revert proposed for a compile error on main, and a runner lost twice. */
    private static void realFailures(CiScenario ci, PackagedApp app, WebhookSigner signer) throws Exception {
        String source = "torch/csrc/profiler/kineto_metadata.cpp";
        String parent = ci.commit("Add profiler metadata", "alice", Map.of(source, "int metadata() { return 1; }\n"));
        deliver(app, signer, ci, ci.run(parent, "main", "success", "runner-shutdown.log"));
        String culprit = ci.commit("Report tensor sizes in profiler metadata", "bob",
                Map.of(source, "int metadata() { return addMetadata(size); }\n"));
        deliver(app, signer, ci, ci.run(culprit, "main", "failure", "cpp-compile-error.log"));
        String feature = ci.commit("Faster tokenizer", "carol", Map.of("src/tokenizer.py", "def tokens(): pass\n"));
        deliver(app, signer, ci, ci.run(feature, "feature/tokenizer", "failure", "runner-shutdown.log"));
        deliver(app, signer, ci, ci.run(feature, "feature/tokenizer", "failure", "maven-test-failure.log"));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (ci.repo.checkRuns().stream().filter(c -> c.conclusion() != null).count() < 3) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the failed runs were not analysed within 2 minutes");
            }
            Thread.sleep(200);
        }
    }

    private static void deliver(PackagedApp app, WebhookSigner signer, CiScenario ci, WorkflowRun run)
            throws Exception {
        byte[] body = ci.completed(run).bytes();
        HttpResponse<String> answer = app.webhook("workflow_run", UUID.randomUUID().toString(), body,
                signer.signature(body));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("webhook answered " + answer.statusCode());
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(TestDatabase.url(), TestDatabase.username(), TestDatabase.password());
    }

    private static long awaitingRevert(long repositoryId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("select id from remediation "
                + "where repository_id = ? and action = 'REVERT' and state = 'AWAITING_APPROVAL'")) {
            query.setLong(1, repositoryId);
            while (System.nanoTime() < deadline) {
                try (var rows = query.executeQuery()) {
                    if (rows.next()) {
                        return rows.getLong(1);
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("no revert awaits approval");
    }

    private static long count(long repositoryId) throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select count(*) from remediation where repository_id = ?")) {
            query.setLong(1, repositoryId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The rest of the 1,000 remediations as rows, of every action and final state, each with the audit events of its
     * life, spread over the last 30 days; the done fixes with their pull request's validation, the done quarantines
     * with their quarantined test.
     */
    private static void seed(long repositoryId, long count) throws Exception {
        String[] actions = { "RERUN", "CONFIRM", "QUARANTINE", "REVERT", "MANUAL_REVIEW" };
        String[] states = { "DONE", "DONE", "DONE", "FAILED", "REJECTED", "EXPIRED", "SKIPPED", "AWAITING_APPROVAL" };
        try (Connection db = database();
                PreparedStatement remediation = db.prepareStatement("""
                        insert into remediation (repository_id, run_id, run_attempt, head_sha, head_branch, action,
                            target, state, risk, risk_factors, explanation, decision_reason, approval_permission,
                            approval_deadline, created_at, updated_at)
                        values (?, ?, 1, ?, 'main', ?, ?, ?, ?, cast(? as jsonb), ?, 'seeded', 'WRITE', ?, ?, ?)
                        returning id""");
                PreparedStatement audit = db.prepareStatement("""
                        insert into audit_event (remediation_id, repository_id, from_state, to_state, actor, reason, at)
                        values (?, ?, ?, ?, 'remediator', 'seeded', ?)""");
                PreparedStatement validation = db.prepareStatement("""
                        insert into fix_validation (remediation_id, repository_id, pull_number, branch, head_sha, state)
                        values (?, ?, ?, ?, ?, ?)""");
                PreparedStatement quarantined = db.prepareStatement("""
                        insert into quarantined_test (remediation_id, repository_id, test, file, owner_login,
                            owner_found_by, issue_number, issue_url, state, expires_at)
                        values (?, ?, ?, 'tests/test_io.py', 'octocat', 'CODEOWNERS', ?, ?, 'QUARANTINED', ?)""")) {
            Instant now = Instant.now();
            for (int i = 0; i < count; i++) {
                String action = actions[i % actions.length];
                String state = states[i % states.length];
                // the newer the row, the more recent, across the last 30 days
                Instant created = now.minus(Duration.ofMinutes(43L * (count - i) % (30 * 24 * 60)));
                String sha = String.format("%016x%016x%08x", i * 0x9E3779B97F4A7C15L, i * 0xC2B2AE3D27D4EB4FL, i);
                remediation.setLong(1, repositoryId);
                remediation.setLong(2, CiScenario.nextId());
                remediation.setString(3, sha);
                remediation.setString(4, action);
                remediation.setString(5, action.equals("QUARANTINE") ? "tests/test_io.py::test_read_" + i
                        : sha.substring(0, 12));
                remediation.setString(6, state);
                remediation.setDouble(7, 1 + i % 9);
                remediation.setString(8, "[{\"name\":\"action\",\"points\":1,\"explanation\":\"seeded\"}]");
                remediation.setString(9, "A seeded " + action.toLowerCase() + " for the benchmark.");
                // what still awaits approval has not expired yet
                remediation.setObject(10, java.sql.Timestamp.from((state.equals("AWAITING_APPROVAL") ? now : created)
                        .plus(Duration.ofHours(24))));
                remediation.setObject(11, java.sql.Timestamp.from(created));
                remediation.setObject(12, java.sql.Timestamp.from(created));
                long id;
                try (var rows = remediation.executeQuery()) {
                    rows.next();
                    id = rows.getLong(1);
                }
                // a done fix opened a pull request, whose CI was followed; a done quarantine keeps its test quarantined
                boolean openedPullRequest = state.equals("DONE") && (action.equals("REVERT") || action.equals("QUARANTINE"));
                if (openedPullRequest) {
                    validation.setLong(1, id);
                    validation.setLong(2, repositoryId);
                    validation.setInt(3, i);
                    validation.setString(4, "remediator/" + action.toLowerCase() + "/" + id);
                    validation.setString(5, sha);
                    validation.setString(6, List.of("PASSED", "PASSED", "FAILED", "PENDING").get(i % 4));
                    validation.addBatch();
                }
                if (openedPullRequest && action.equals("QUARANTINE")) {
                    quarantined.setLong(1, id);
                    quarantined.setLong(2, repositoryId);
                    quarantined.setString(3, "tests/test_io.py::test_read_" + i);
                    quarantined.setInt(4, i);
                    quarantined.setString(5, "https://github.com/octo-org/dashboard/issues/" + i);
                    quarantined.setObject(6, java.sql.Timestamp.from(created.plus(Duration.ofDays(30))));
                    quarantined.addBatch();
                }
                String from = null;
                for (String to : List.of("PROPOSED", state)) {
                    audit.setLong(1, id);
                    audit.setLong(2, repositoryId);
                    audit.setString(3, from);
                    audit.setString(4, to);
                    audit.setObject(5, java.sql.Timestamp.from(created));
                    audit.addBatch();
                    from = to;
                }
            }
            audit.executeBatch();
            validation.executeBatch();
            quarantined.executeBatch();
        }
    }

    private static void screenshots(String base, Map<String, String> pages, Path directory) {
        try (Browser browser = Browser.start()) {
            browser.driver.get(base + "/dashboard");
            browser.driver.findElement(By.id("sign-in")).click();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.driver.get(page.getValue());
                Path file = directory.resolve("dashboard-" + page.getKey() + ".png");
                browser.screenshot(file);
                System.out.println("Screenshot: " + file);
            }
        }
    }
}
