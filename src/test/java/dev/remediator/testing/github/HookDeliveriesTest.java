package dev.remediator.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

class HookDeliveriesTest extends FakeGitHubTestBase {

    private record Received(String guid, String event, String signature, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer app;

    @BeforeEach
    void startApp() throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/", exchange -> {
            try (exchange) {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(headers.getFirst("X-GitHub-Delivery"), headers.getFirst("X-GitHub-Event"),
                        headers.getFirst(WebhookSigner.HEADER),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        app.start();
    }

    @AfterEach
    void stopApp() {
        app.stop(0);
    }

    private URI appUrl() {
        return URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/");
    }

    private static byte[] ping(int n) {
        return ("{\"zen\":\"Keep it logically awesome.\",\"hook_id\":" + n + ",\"installation\":{\"id\":42}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDeliveryWhileTheAppIsDownIsLoggedAsFailedAndRedeliveredSignedWithItsGuidOnRequest() throws Exception {
        HookDelivery failed = github.deliver("ping", ping(1));
        github.sendWebhooksTo(appUrl());
        HookDelivery delivered = github.deliver("ping", ping(2));

        assertThat(failed.delivered()).isFalse();
        assertThat(failed.statusCode()).isZero();
        assertThat(delivered.delivered()).isTrue();
        assertThat(received).singleElement().satisfies(r -> assertThat(r.guid()).isEqualTo(delivered.guid()));

        var response = send("POST", "/app/hook/deliveries/" + failed.id() + "/attempts", github.appJwt(), null);

        assertThat(response.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        Received redelivered = received.get(1);
        assertThat(redelivered.guid()).isEqualTo(failed.guid());
        assertThat(redelivered.body()).isEqualTo(new String(ping(1), StandardCharsets.UTF_8));
        assertThat(redelivered.signature()).isEqualTo(new WebhookSigner(github.webhookSecret()).signature(ping(1)));
        assertThat(github.hookDeliveries().get(0)).satisfies(attempt -> {
            assertThat(attempt.guid()).isEqualTo(failed.guid());
            assertThat(attempt.redelivery()).isTrue();
            assertThat(attempt.delivered()).isTrue();
        });
        github.assertNoViolations();
    }

    @Test
    void theLogIsListedNewestFirstPageByPageThroughTheCursorOfTheLinkHeader() throws Exception {
        for (int i = 0; i < 5; i++) {
            github.deliver("ping", ping(i));
        }

        var first = send("GET", "/app/hook/deliveries?per_page=2", github.appJwt(), null);
        JsonNode firstPage = Json.parse(first.body());
        String next = first.headers().firstValue("Link").orElseThrow();
        String nextPath = next.substring(next.indexOf("/app/hook/deliveries"), next.indexOf('>'));
        github.deliver("ping", ping(9));
        JsonNode secondPage = Json.parse(send("GET", nextPath, github.appJwt(), null).body());

        List<HookDelivery> log = github.hookDeliveries();
        assertThat(firstPage.findValuesAsText("guid")).containsExactly(log.get(1).guid(), log.get(2).guid());
        assertThat(secondPage.findValuesAsText("guid")).containsExactly(log.get(3).guid(), log.get(4).guid());
        assertThat(firstPage.get(0).get("status_code").asInt()).isZero();
        assertThat(firstPage.get(0).get("installation_id").asLong()).isEqualTo(42);
        github.assertNoViolations();
    }

    @Test
    void onlyTheAppItselfReadsItsDeliveries() throws Exception {
        String token = token(Map.of("metadata", org.kohsuke.github.GHPermissionType.READ));

        assertThat(send("GET", "/app/hook/deliveries", token, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/app/hook/deliveries/1/attempts", github.appJwt(), null).statusCode()).isEqualTo(404);
    }
}
