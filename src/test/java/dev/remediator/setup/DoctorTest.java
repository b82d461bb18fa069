package dev.remediator.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.remediator.cli.RemediatorCli;
import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.GitHubApp;

/** The doctor against the fake GitHub: a good app, and one misconfigured in each way GitHub can tell. */
class DoctorTest {

    private static final String PUBLIC_URL = "https://remediator.example.com";

    private FakeGitHub github;

    @BeforeEach
    void startGitHub() {
        github = FakeGitHub.start();
        github.installation(42, "octo-org").repository(1296269, "hello");
        github.installation(43, "octo-labs").repository(1296270, "one").installation().repository(1296271, "two");
    }

    @AfterEach
    void stopGitHub() {
        github.assertNoViolations();
        github.close();
    }

    private Doctor.Settings settings(String appId) {
        return new Doctor.Settings(appId, github.app().privateKeyPem(), true, PUBLIC_URL, "/", github.baseUrl(), null,
                null, null, null);
    }

    private static Doctor.Check check(List<Doctor.Check> checks, String what) {
        return checks.stream().filter(check -> check.what().equals(what)).findFirst().orElseThrow();
    }

    @Test
    void aGoodAppPassesEveryCheck() {
        List<Doctor.Check> checks = Doctor.examine(settings(String.valueOf(github.app().id())));

        assertThat(checks).as(checks.toString()).extracting(Doctor.Check::what).containsExactly("Webhook secret", "App id and private key",
                "Webhook configuration", "Permissions and events", "Installations", "Rate limit");
        assertThat(checks).allSatisfy(check -> assertThat(check.ok()).as(check.render()).isTrue());
        assertThat(check(checks, "App id and private key").detail()).contains("the app remediator (id "
                + github.app().id() + ")");
        assertThat(check(checks, "Installations").detail()).startsWith("2 installations, 3 repositories");
        assertThat(check(checks, "Rate limit").detail()).contains("requests left");
    }

    @Test
    void aWrongAppIdIsRefusedByGitHub() {
        List<Doctor.Check> checks = Doctor.examine(settings("999"));

        Doctor.Check app = check(checks, "App id and private key");
        assertThat(app.ok()).isFalse();
        assertThat(app.detail()).startsWith("GitHub refused the app's JWT for app id 999 (401");
        assertThat(app.fix()).contains("QUARKUS_GITHUB_APP_APP_ID", "QUARKUS_GITHUB_APP_PRIVATE_KEY");
        assertThat(checks).extracting(Doctor.Check::what).doesNotContain("Installations");
    }

    @Test
    void aMissingPermissionAndEventAreNamed() {
        Map<String, String> granted = new TreeMap<>(GitHubApp.DEFAULT_PERMISSIONS);
        granted.remove("checks");
        granted.put("contents", "read");
        github.app().permissions(granted).events(List.of("check_run", "check_suite", "issue_comment", "pull_request", "push"));

        Doctor.Check permissions = check(Doctor.examine(settings(String.valueOf(github.app().id()))),
                "Permissions and events");

        assertThat(permissions.ok()).isFalse();
        assertThat(permissions.detail()).isEqualTo(
                "missing permissions checks: write, contents: write (granted read); missing events workflow_run");
        assertThat(permissions.fix()).contains("Permissions & events");
    }

    @Test
    void aWebhookUrlThatIsNotThisInstancesIsNamed() {
        github.app().webhookUrl("https://smee.io/old-channel");

        Doctor.Check webhook = check(Doctor.examine(settings(String.valueOf(github.app().id()))), "Webhook configuration");

        assertThat(webhook.ok()).isFalse();
        assertThat(webhook.detail()).isEqualTo("GitHub sends webhooks to https://smee.io/old-channel, not to this"
                + " instance's https://remediator.example.com/");
        assertThat(webhook.fix()).contains("https://remediator.example.com/", "https://github.com/settings/apps/remediator");
    }

    @Test
    void anUnreachableDatabaseIsNamed() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Doctor.Settings settings = new Doctor.Settings(String.valueOf(github.app().id()), github.app().privateKeyPem(),
                false, null, "/", github.baseUrl(), "jdbc:postgresql://127.0.0.1:" + closed + "/remediator", "postgres",
                null, null);

        List<Doctor.Check> checks = Doctor.examine(settings);

        assertThat(check(checks, "Database").ok()).isFalse();
        assertThat(check(checks, "Database").detail()).contains("127.0.0.1:" + closed + "/remediator is unreachable");
        assertThat(check(checks, "Webhook secret").ok()).isFalse();
    }

    @Test
    void theCommandPrintsTheChecklistAndExitsOneOnAFailure(@TempDir Path folder) throws Exception {
        Path env = folder.resolve(".env");
        String settings = "QUARKUS_GITHUB_APP_APP_ID=%s\nQUARKUS_GITHUB_APP_WEBHOOK_SECRET=s3cret\n"
                + "QUARKUS_GITHUB_APP_INSTANCE_ENDPOINT=" + github.baseUrl() + "\nREMEDIATOR_PUBLIC_URL=" + PUBLIC_URL
                + "\nQUARKUS_GITHUB_APP_PRIVATE_KEY=\"" + github.app().privateKeyPem().trim() + "\"\n";
        Files.writeString(env, settings.formatted(github.app().id()));
        assertThat(run("doctor", "--no-database", "--env-file", env.toString())).satisfies(out -> {
            assertThat(out.exitCode()).isZero();
            assertThat(out.text()).startsWith("✓ Webhook secret: set\n✓ App id and private key: accepted by GitHub")
                    .doesNotContain("✗").doesNotContain("s3cret");
        });

        Files.writeString(env, settings.formatted("999"));
        assertThat(run("doctor", "--no-database", "--env-file", env.toString())).satisfies(out -> {
            assertThat(out.exitCode()).isEqualTo(1);
            assertThat(out.text()).contains("✗ App id and private key: GitHub refused", "\n    fix: set QUARKUS_GITHUB_APP_APP_ID");
        });
    }

    private record Output(int exitCode, String text) {
    }

    private static Output run(String... args) {
        PrintStream standardOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exitCode = RemediatorCli.run(args);
            return new Output(exitCode, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(standardOut);
        }
    }
}
