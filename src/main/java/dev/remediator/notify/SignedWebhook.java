package dev.remediator.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Notifications to any HTTP endpoint: a JSON body signed like GitHub's webhooks, {@code X-Remediator-Signature-256:
 * sha256=<HMAC-SHA256 of the body with the shared secret, hex>}, with the event's name and a delivery id that stays
 * the same when the same event is sent again (receivers can drop repeats).
 */
public final class SignedWebhook {

    private static final Logger LOG = Logger.getLogger(SignedWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String SIGNATURE_HEADER = "X-Remediator-Signature-256";

    private final HttpClient http;
    private final URI url;
    private final byte[] secret;

    public SignedWebhook(HttpClient http, URI url, String secret) {
        this.http = http;
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return false when the endpoint refused it for good (4xx, said in the log)
     * @throws IOException when trying again later can help (unreachable, 5xx)
     */
    public boolean send(String event, String deliveryId, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("User-Agent", "Remediator")
                .header("X-Remediator-Event", event).header("X-Remediator-Delivery", deliveryId)
                .header(SIGNATURE_HEADER, signature(secret, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending a notification webhook", e);
        }
        if (response.statusCode() >= 500) {
            throw new IOException("the notification webhook answered " + response.statusCode());
        }
        if (response.statusCode() / 100 != 2) {
            LOG.warnf("The notification webhook refused %s %s: %d", event, deliveryId, response.statusCode());
            return false;
        }
        return true;
    }

    public static String signature(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
