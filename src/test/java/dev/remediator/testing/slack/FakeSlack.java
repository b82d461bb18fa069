package dev.remediator.testing.slack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Slack over real HTTP on loopback: {@code POST /api/chat.postMessage} with a bot token (its JSON body, the channel
 * one that exists) and an incoming webhook at {@code /services/T0/B0/hook}. It records every message it accepted,
 * and can answer the next requests with 429 and a {@code Retry-After}, as Slack's rate limits do.
 */
public final class FakeSlack implements AutoCloseable {

    public static final String BOT_TOKEN = "xoxb-fake-bot-token";
    public static final String WEBHOOK_PATH = "/services/T0/B0/hook";

    /** A message Slack accepted: the channel (the webhook's own, {@code #webhook}, for the incoming webhook). */
    public record Message(String channel, String text, String via) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong timestamps = new AtomicLong(1_700_000_000_000L);
    private volatile int retryAfterSeconds = 1;
    private volatile int failing;

    private FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/chat.postMessage", this::postMessage);
        server.createContext(WEBHOOK_PATH, this::incomingWebhook);
        server.start();
    }

    public static FakeSlack start(String... channels) {
        try {
            FakeSlack slack = new FakeSlack();
            slack.channels.addAll(List.of(channels));
            return slack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    public String webhookUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + WEBHOOK_PATH;
    }

    /** The next {@code count} requests get 429 with {@code Retry-After: seconds}. */
    public FakeSlack rateLimitNext(int count, int seconds) {
        retryAfterSeconds = seconds;
        rateLimited.set(count);
        return this;
    }

    /** The next {@code count} requests get 503. */
    public FakeSlack failNext(int count) {
        failing = count;
        return this;
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public int requests() {
        return requests.get();
    }

    public void clear() {
        messages.clear();
        rateLimited.set(0);
        failing = 0;
        requests.set(0);
    }

    private boolean refusedAtTheEdge(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
            respond(exchange, 429, "text/plain", "rate limited");
            return true;
        }
        if (failing > 0) {
            failing--;
            respond(exchange, 503, "text/plain", "service unavailable");
            return true;
        }
        return false;
    }

    private void postMessage(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (refusedAtTheEdge(exchange)) {
                return;
            }
            ObjectNode answer = JSON.createObjectNode();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String channel = body.path("channel").asText(null);
            if (!("Bearer " + BOT_TOKEN).equals(authorization)) {
                answer.put("ok", false).put("error", "invalid_auth");
            } else if (channel == null || !channels.contains(channel)) {
                answer.put("ok", false).put("error", "channel_not_found");
            } else if (!body.path("text").isTextual() || body.path("text").asText().isBlank()) {
                answer.put("ok", false).put("error", "no_text");
            } else {
                messages.add(new Message(channel, body.path("text").asText(), "chat.postMessage"));
                answer.put("ok", true).put("channel", channel).put("ts", timestamps.incrementAndGet() / 1000.0 + "");
            }
            respond(exchange, 200, "application/json; charset=utf-8", answer.toString());
        }
    }

    private void incomingWebhook(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (refusedAtTheEdge(exchange)) {
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!body.path("text").isTextual() || body.path("text").asText().isBlank()) {
                respond(exchange, 400, "text/plain", "no_text");
                return;
            }
            messages.add(new Message("#webhook", body.path("text").asText(), "incoming-webhook"));
            respond(exchange, 200, "text/plain", "ok");
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
