package dev.remediator.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class SignedWebhookTest {

    private record Received(String event, String delivery, String signature, byte[] body) {
    }

    @Test
    void theBodyIsSignedWithTheSharedSecretLikeGitHubsWebhooks() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-Remediator-Event"),
                        exchange.getRequestHeaders().getFirst("X-Remediator-Delivery"),
                        exchange.getRequestHeaders().getFirst(SignedWebhook.SIGNATURE_HEADER),
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(received.size() == 1 ? 204 : 410, -1);
            }
        });
        receiver.start();
        try {
            SignedWebhook webhook = new SignedWebhook(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), "s3cret");

            assertThat(webhook.send("done", "event-7", Map.of("event", "done"))).isTrue();
            assertThat(webhook.send("done", "event-8", Map.of("event", "done"))).isFalse();

            Received first = received.get(0);
            assertThat(first.event()).isEqualTo("done");
            assertThat(first.delivery()).isEqualTo("event-7");
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("{\"event\":\"done\"}");
            // what a receiver computes (here: printf '%s' '{"event":"done"}' | openssl dgst -sha256 -hmac s3cret)
            assertThat(first.signature()).isEqualTo("sha256=9ef47074f23f3d0d1b1ab058cd40fdbc8ef42c80423411d7706e554bab47c676");
        } finally {
            receiver.stop(0);
        }
    }
}
