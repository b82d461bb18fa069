package dev.remediator.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.remediator.testing.CiScenario;
import dev.remediator.testing.WebhookPayload;
import dev.remediator.testing.github.WebhookSigner;
import dev.remediator.testing.github.WorkflowRun;

/** The packaged app, in production launch mode: signatures, a kill -9 in the middle of processing, registration. */
class PackagedAppIT extends PackagedAppTest {

    @Test
    void onlyDeliveriesSignedWithTheWebhookSecretAreAccepted() throws Exception {
        byte[] ping = WebhookPayload.example("ping/with-app_id.payload.json").bytes();
        WebhookSigner signer = new WebhookSigner(github.webhookSecret());
        byte[] tampered = new String(ping, java.nio.charset.StandardCharsets.UTF_8).replace("Hello-World", "Hello-Wrld")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (PackagedApp app = PackagedApp.registered(github, Map.of()).start()) {
            String unsigned = UUID.randomUUID().toString();
            String wrongSecret = UUID.randomUUID().toString();
            String wrongBody = UUID.randomUUID().toString();
            String good = UUID.randomUUID().toString();

            assertThat(app.webhook("ping", unsigned, ping, null).statusCode()).isEqualTo(401);
            assertThat(app.webhook("ping", wrongSecret, ping, new WebhookSigner("not the secret").signature(ping))
                    .statusCode()).isEqualTo(401);
            assertThat(app.webhook("ping", wrongBody, tampered, signer.signature(ping)).statusCode()).isEqualTo(401);
            assertThat(app.webhook("ping", good, ping, signer.signature(ping)).statusCode()).isEqualTo(200);

            assertThat(status(unsigned)).as("refused deliveries are not stored").isNull();
            assertThat(status(wrongSecret)).isNull();
            assertThat(status(wrongBody)).isNull();
            await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(status(good)));
            assertThat(app.output()).as("its JVM took the app's compiler directives at start")
                    .contains("JIT: 2 compiler directives added");
            System.out.printf("packaged app: answering after %d ms, resident memory %d MiB%n", app.startup().toMillis(),
                    app.residentKib() / 1024);
        }
    }

    @Test
    void aDeliveryInterruptedByAKillIsFinishedAfterARestart() throws Exception {
        CiScenario ci = CiScenario.create(github, null, "crash").config("mode: auto\n");
        String sha = ci.commit("Tune the build", "alice", Map.of("build.gradle", "plugins {}\n"));
        WorkflowRun run = ci.run(sha, "main", "failure", "runner-shutdown.log");
        byte[] body = ci.completed(run).bytes();
        String delivery = UUID.randomUUID().toString();
        Map<String, String> quickRecovery = Map.of("remediator.delivery.lease", "6s",
                "remediator.delivery.lease-renewal-interval", "2s", "remediator.delivery.recovery-interval", "1s");
        PackagedApp app = PackagedApp.registered(github, quickRecovery).start();
        try {
            github.faults().latency(Duration.ofMillis(800));
            assertThat(app.webhook("workflow_run", delivery, body, new WebhookSigner(github.webhookSecret()).signature(body))
                    .statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> !ci.repo.checkRuns().isEmpty());
            app.kill();
        } finally {
            app.close();
        }
        assertThat(status(delivery)).as("killed in the middle of processing").isEqualTo("PROCESSING");
        assertThat(ci.repo.reruns()).isEmpty();

        github.faults().clear();
        try (PackagedApp restarted = app.start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(status(delivery)));
        }
        assertThat(ci.repo.checkRuns()).as("the check run the killed process made is found again").hasSize(1);
        assertThat(ci.repo.checkRuns().get(0).conclusion()).isEqualTo("success");
        assertThat(ci.repo.reruns()).singleElement().satisfies(r -> assertThat(r.runId()).isEqualTo(run.id()));
    }

    @Test
    void anUnregisteredInstanceServesItsRegistrationPageAndIsNotReady() throws Exception {
        try (PackagedApp app = PackagedApp.unregistered(Map.of("remediator.public-url", "https://remediator.example.com"))
                .start()) {
            var page = app.get("/setup");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Register Remediator as a GitHub App",
                    "https://github.com/settings/apps/new?state=", "https://remediator.example.com/setup/callback");
            int linesBefore = app.output().split("\n").length;
            for (int probe = 0; probe < 3; probe++) {
                assertThat(app.get("/q/health/ready").statusCode()).isEqualTo(503);
            }
            assertThat(app.output().split("\n")).as("a DOWN probe is not news for the log").hasSize(linesBefore);
            assertThat(app.get("/q/health/live").statusCode()).isEqualTo(200);
            var status = app.get("/");
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("Remediator is not ready", "Not registered as a GitHub App yet",
                    "href=\"/setup\"", "href=\"/dashboard\"", "href=\"/q/openapi\"", "href=\"/q/health\"",
                    "not registered: open /setup").doesNotContain("Your GitHub App is running");
            byte[] ping = WebhookPayload.example("ping/with-app_id.payload.json").bytes();
            assertThat(app.webhook("ping", UUID.randomUUID().toString(), ping, "sha256=00").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void theRegistrationCallbackMayLandOnAnotherReplica() throws Exception {
        github.acceptManifestCode("c0de");
        Map<String, String> settings = Map.of("remediator.public-url", "https://remediator.example.com",
                "quarkus.github-app.instance-endpoint", github.baseUrl());
        try (PackagedApp servesThePage = PackagedApp.unregistered(settings).start();
                PackagedApp takesTheCallback = PackagedApp.unregistered(settings).start()) {
            Matcher issued = Pattern.compile("state=([0-9a-f]{32})").matcher(servesThePage.get("/setup").body());
            assertThat(issued.find()).as("the page hands GitHub a state").isTrue();
            String callback = "/setup/callback?code=c0de&state=" + issued.group(1);

            var registered = takesTheCallback.get(callback);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            assertThat(registered.body()).contains("Remediator is registered", "QUARKUS_GITHUB_APP_APP_ID=");
            assertThat(servesThePage.get(callback).statusCode()).as("a state is redeemed once, on any replica")
                    .isEqualTo(400);
        }
    }

    @Test
    void aRegisteredAppWithoutItsWebhookSecretSaysSoAndIsNotReady() throws Exception {
        Map<String, String> noSecret = Map.of("quarkus.github-app.app-id", String.valueOf(github.app().id()),
                "quarkus.github-app.private-key", github.app().privateKeyPem(),
                "quarkus.github-app.instance-endpoint", github.baseUrl());
        try (PackagedApp app = PackagedApp.unregistered(noSecret).start()) {
            var ready = app.get("/q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("QUARKUS_GITHUB_APP_WEBHOOK_SECRET is not set");
            assertThat(app.get("/").body()).contains("Remediator is not ready", "Registered as the GitHub App",
                    "QUARKUS_GITHUB_APP_WEBHOOK_SECRET is not set");
            byte[] ping = WebhookPayload.example("ping/with-app_id.payload.json").bytes();
            var answer = app.webhook("ping", UUID.randomUUID().toString(), ping, "sha256=00");
            assertThat(answer.statusCode()).as("GitHub can redeliver once the secret is set").isEqualTo(503);
            assertThat(answer.body()).contains("WEBHOOK_SECRET");
        }
    }

    @Test
    void credentialsGitHubRefusesMakeTheInstanceNotReady() throws Exception {
        try (PackagedApp app = PackagedApp.registered(github, Map.of("quarkus.github-app.app-id", "999")).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> app.get("/q/health/ready").body().contains("GitHub refused"));
            var ready = app.get("/q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("GitHub App doctor", "✗ GitHub refused the app's JWT for app id 999");
            assertThat(app.get("/").body()).contains("Remediator is not ready", "GitHub refused the app&#39;s JWT for app id 999");
        }
    }

    @Test
    void theApiDocumentDeclaresTheBearerSchemeAndNoReplayRoutes() throws Exception {
        try (PackagedApp app = PackagedApp.unregistered(Map.of()).start()) {
            var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(app.get("/q/openapi?format=json").body());
            assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                    .isEqualTo("bearer");
            assertThat(document.path("paths").has("/api/remediations/{id}")).isTrue();
            assertThat(document.path("paths").toString()).doesNotContain("/replay");
        }
    }
}
