package dev.remediator.setup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.remediator.github.AppInspection;
import io.quarkiverse.githubapp.runtime.signing.PrivateKeyUtil;

/**
 * Checks an installation of Remediator end to end, as {@code bin/remediator doctor} and the app at start do: the
 * database, the app's credentials against GitHub, the webhook secret and configuration, the permissions and events
 * GitHub granted against {@code app-manifest.yml}, the installations, the rate limit. Each check says what it saw
 * and, when it fails, what to do.
 */
public final class Doctor {

    /** What an instance is configured with; {@code publicUrl} and {@code schema} may be null. */
    public record Settings(String appId, String privateKeyPem, boolean webhookSecretSet, String publicUrl,
            String webhookPath, String apiEndpoint, String jdbcUrl, String dbUser, String dbPassword, String schema) {
    }

    /** One line of the checklist. */
    public record Check(String what, boolean ok, String detail, String fix) {

        static Check ok(String what, String detail) {
            return new Check(what, true, detail, null);
        }

        static Check failed(String what, String detail, String fix) {
            return new Check(what, false, detail, fix);
        }

        /** {@code ✓ what: detail}, or {@code ✗ what: detail} and the fix on the next line. */
        public String render() {
            return (ok ? "✓ " : "✗ ") + what + ": " + detail + (ok ? "" : "\n    fix: " + fix);
        }
    }

    static final String APP = "App id and private key";
    private static final Map<String, Integer> ACCESS = Map.of("read", 1, "write", 2, "admin", 3);

    private Doctor() {
    }

    public static List<Check> examine(Settings settings) {
        List<Check> checks = new ArrayList<>();
        if (settings.jdbcUrl() != null) {
            checks.add(database(settings));
        }
        checks.add(settings.webhookSecretSet() ? Check.ok("Webhook secret", "set")
                : Check.failed("Webhook secret", "not set: no delivery can be verified",
                        "set QUARKUS_GITHUB_APP_WEBHOOK_SECRET to the secret of the app's webhook"));
        checks.addAll(github(settings));
        return checks;
    }

    private static Check database(Settings settings) {
        String what = "Database";
        try {
            var configuration = Flyway.configure().dataSource(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword());
            if (settings.schema() != null) {
                configuration.schemas(settings.schema());
            }
            MigrationInfoService info = configuration.load().info();
            int pending = info.pending().length;
            String version = info.current() == null ? "none" : info.current().getVersion().getVersion();
            return pending == 0 ? Check.ok(what, "reachable, migrated (schema version " + version + ")")
                    : Check.failed(what, "reachable, " + pending + " migrations not applied (schema version " + version + ")",
                            "start Remediator once: it migrates the database at start");
        } catch (RuntimeException e) {
            return Check.failed(what, "unreachable: " + dev.remediator.store.SchemaMigration.explain(settings.jdbcUrl(), e),
                    "start PostgreSQL, or set QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD");
        }
    }

    private static List<Check> github(Settings settings) {
        List<Check> checks = new ArrayList<>();
        PrivateKey key;
        try {
            key = PrivateKeyUtil.loadKey(settings.privateKeyPem());
        } catch (GeneralSecurityException | RuntimeException e) {
            checks.add(Check.failed(APP, "the private key cannot be read as an RSA key in PEM",
                    "set QUARKUS_GITHUB_APP_PRIVATE_KEY to the whole .pem file of the app's private key"));
            return checks;
        }
        AppInspection github = new AppInspection(settings.apiEndpoint(), settings.appId(), key);
        JsonNode app;
        try {
            AppInspection.Answer answer = github.app();
            if (!answer.ok()) {
                checks.add(Check.failed(APP, "GitHub refused the app's JWT for app id " + settings.appId() + " ("
                        + answer.status() + " " + answer.message() + ")", "set QUARKUS_GITHUB_APP_APP_ID and"
                        + " QUARKUS_GITHUB_APP_PRIVATE_KEY to the app id and a private key from the app's settings page"));
                return checks;
            }
            app = answer.body();
            checks.add(Check.ok(APP, "accepted by GitHub: the app " + app.path("slug").asText() + " (id "
                    + app.path("id").asText() + ")"));
            String slug = app.path("slug").asText();
            checks.add(asked("Webhook configuration", () -> webhookConfig(github, settings, slug)));
            checks.add(permissions(app));
            checks.add(asked("Installations", () -> installations(github, slug)));
            checks.add(asked("Rate limit", () -> rateLimit(github)));
        } catch (IOException e) {
            checks.add(Check.failed(APP, "GitHub at " + settings.apiEndpoint() + " did not answer: " + e.getMessage(),
                    "check the network, or QUARKUS_GITHUB_APP_INSTANCE_ENDPOINT for GitHub Enterprise Server"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.add(Check.failed(APP, "interrupted", "run it again"));
        }
        return checks;
    }

    /** A check that asks GitHub something; GitHub not answering is that check's failure. */
    private interface GitHubQuestion {
        Check ask() throws IOException, InterruptedException;
    }

    private static Check asked(String what, GitHubQuestion question) throws InterruptedException {
        try {
            return question.ask();
        } catch (IOException e) {
            return Check.failed(what, "GitHub did not answer: " + e.getMessage(), "run the doctor again");
        }
    }

    private static Check webhookConfig(AppInspection github, Settings settings, String slug)
            throws IOException, InterruptedException {
        String what = "Webhook configuration";
        String settingsPage = "on https://github.com/settings/apps/" + slug;
        AppInspection.Answer answer = github.webhookConfig();
        if (!answer.ok()) {
            return Check.failed(what, "unreadable (" + answer.status() + " " + answer.message() + ")",
                    "give the app a webhook " + settingsPage);
        }
        JsonNode config = answer.body();
        String url = config.path("url").asText("");
        List<String> problems = new ArrayList<>();
        if (settings.publicUrl() != null) {
            String expected = settings.publicUrl().replaceAll("/+$", "") + settings.webhookPath();
            if (!sameAddress(url, expected)) {
                problems.add("GitHub sends webhooks to " + url + ", not to this instance's " + expected);
            }
        }
        if (!"json".equals(config.path("content_type").asText())) {
            problems.add("content type " + config.path("content_type").asText() + " instead of json");
        }
        if (!"0".equals(config.path("insecure_ssl").asText("0"))) {
            problems.add("TLS certificates are not checked");
        }
        if (problems.isEmpty()) {
            return Check.ok(what, url + ", json, TLS checked" + (settings.publicUrl() == null
                    ? " (REMEDIATOR_PUBLIC_URL unset: not compared with this instance's address)" : ""));
        }
        return Check.failed(what, String.join("; ", problems), "set the webhook URL to "
                + (settings.publicUrl() == null ? "this instance's public address" : settings.publicUrl().replaceAll("/+$", "")
                        + settings.webhookPath()) + ", content type application/json and SSL verification on " + settingsPage
                + " (or REMEDIATOR_PUBLIC_URL, if it is the one that is wrong)");
    }

    private static boolean sameAddress(String a, String b) {
        try {
            URI left = URI.create(a).normalize();
            URI right = URI.create(b).normalize();
            return left.getScheme().equalsIgnoreCase(right.getScheme()) && left.getHost().equalsIgnoreCase(right.getHost())
                    && left.getPort() == right.getPort() && pathOf(left).equals(pathOf(right));
        } catch (RuntimeException e) {
            return a.equals(b);
        }
    }

    private static String pathOf(URI uri) {
        return uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    }

    /** The permissions and events GitHub granted the app, against what {@code app-manifest.yml} asks for. */
    static Check permissions(JsonNode app) {
        JsonNode manifest = manifest();
        List<String> missing = new ArrayList<>();
        manifest.path("default_permissions").properties().forEach(wanted -> {
            String granted = app.path("permissions").path(wanted.getKey()).asText("");
            if (ACCESS.getOrDefault(granted, 0) < ACCESS.getOrDefault(wanted.getValue().asText(), 0)) {
                missing.add(wanted.getKey() + ": " + wanted.getValue().asText()
                        + (granted.isEmpty() ? "" : " (granted " + granted + ")"));
            }
        });
        TreeSet<String> events = new TreeSet<>();
        app.path("events").forEach(event -> events.add(event.asText()));
        List<String> missingEvents = new ArrayList<>();
        manifest.path("default_events").forEach(event -> {
            if (!events.contains(event.asText())) {
                missingEvents.add(event.asText());
            }
        });
        String what = "Permissions and events";
        if (missing.isEmpty() && missingEvents.isEmpty()) {
            return Check.ok(what, "all that app-manifest.yml asks for are granted");
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing permissions " + String.join(", ", missing));
        }
        if (!missingEvents.isEmpty()) {
            parts.add("missing events " + String.join(", ", missingEvents));
        }
        return Check.failed(what, String.join("; ", parts), "grant them on the app's \"Permissions & events\" page,"
                + " then accept the new permissions on each installation");
    }

    private static Check installations(AppInspection github, String slug) throws IOException, InterruptedException {
        String what = "Installations";
        List<JsonNode> installations = github.installations();
        if (installations.isEmpty()) {
            return Check.failed(what, "none", "install the app on repositories: https://github.com/apps/" + slug
                    + "/installations/new");
        }
        Map<String, Integer> repositories = new LinkedHashMap<>();
        for (JsonNode installation : installations) {
            repositories.put(installation.path("account").path("login").asText(),
                    github.repositoryCount(installation.path("id").asLong()));
        }
        int total = repositories.values().stream().mapToInt(Integer::intValue).sum();
        return Check.ok(what, installations.size() + (installations.size() == 1 ? " installation, " : " installations, ")
                + total + (total == 1 ? " repository" : " repositories") + " " + repositories);
    }

    private static Check rateLimit(AppInspection github) throws IOException, InterruptedException {
        String what = "Rate limit";
        AppInspection.Answer answer = github.rateLimit();
        if (!answer.ok()) {
            return Check.failed(what, "unreadable (" + answer.status() + " " + answer.message() + ")",
                    "run the doctor again in a minute");
        }
        JsonNode core = answer.body().path("resources").path("core");
        String detail = core.path("remaining").asInt() + " of " + core.path("limit").asInt() + " requests left until "
                + Instant.ofEpochSecond(core.path("reset").asLong());
        return core.path("remaining").asInt() > 0 ? Check.ok(what, detail)
                : Check.failed(what, detail, "wait for the reset; deliveries are parked until then");
    }

    private static JsonNode manifest() {
        try (InputStream in = Doctor.class.getResourceAsStream("/app-manifest.yml")) {
            if (in == null) {
                throw new IllegalStateException("app-manifest.yml is missing from the build");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
