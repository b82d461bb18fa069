package dev.remediator.testing.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat-completions endpoint over real HTTP on loopback ({@code POST /v1/chat/completions}). It
 * checks each request's shape as OpenAI would (bearer key, the model, a system then a user message, a strict
 * {@code json_schema} response format), records the request, and answers what the test scripted, in order: an
 * answer, a status (429, 5xx), an answer late enough to time out, or a body that is not JSON. An unscripted request
 * gets 503 and counts as a violation.
 */
public final class FakeModelServer implements AutoCloseable {

    public static final String API_KEY = "sk-fake-model-key";
    public static final String MODEL = "fake-gpt";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scripted reply. */
    public sealed interface Reply {
    }

    /** 200 with a chat completion whose message content is {@code content}, costing {@code tokens}. */
    public record Answer(String content, int tokens) implements Reply {
    }

    /** An error status with OpenAI's error body. */
    public record Status(int code) implements Reply {
    }

    /** An answer sent only after {@code delay}. */
    public record Late(Duration delay, String content) implements Reply {
    }

    /** 200 with a body that is not JSON. */
    public record Garbled() implements Reply {
    }

    /** A request as received: its messages and what was wrong with its shape. */
    public record Request(String system, String user, JsonNode body, List<String> problems) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // a late answer must not hold up the next request
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::completion);
        server.start();
    }

    public static FakeModelServer start() {
        try {
            return new FakeModelServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public FakeModelServer then(Reply reply) {
        script.add(reply);
        return this;
    }

    /** The next request is answered with this JSON as the message's content. */
    public FakeModelServer answer(String content) {
        return then(new Answer(content, 700));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public int scriptLeft() {
        return script.size();
    }

    public void clear() {
        script.clear();
        requests.clear();
        violations.clear();
    }

    private void completion(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body;
            try {
                body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            } catch (IOException e) {
                violations.add("a request body that is not JSON");
                respond(exchange, 400, error("invalid_request_error", "body is not JSON"));
                return;
            }
            List<String> problems = problems(exchange, body);
            JsonNode messages = body.path("messages");
            requests.add(new Request(messages.path(0).path("content").asText(null),
                    messages.path(1).path("content").asText(null), body, problems));
            if (!problems.isEmpty()) {
                violations.addAll(problems);
                respond(exchange, 400, error("invalid_request_error", String.join("; ", problems)));
                return;
            }
            Reply reply = script.poll();
            if (reply == null) {
                violations.add("an unscripted request");
                respond(exchange, 503, error("server_error", "nothing scripted"));
                return;
            }
            if (reply instanceof Answer answer) {
                respond(exchange, 200, completion(answer.content(), answer.tokens()));
            } else if (reply instanceof Status status) {
                respond(exchange, status.code(), error(status.code() == 429 ? "rate_limit_exceeded" : "server_error",
                        "scripted " + status.code()));
            } else if (reply instanceof Late late) {
                sleep(late.delay());
                respond(exchange, 200, completion(late.content(), 700));
            } else {
                respond(exchange, 200, "{\"id\": \"chatcmpl-1\", \"choices\": [{\"mess");
            }
        }
    }

    /** What OpenAI would refuse, or what Remediator must always send. */
    private static List<String> problems(HttpExchange exchange, JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            problems.add("no bearer API key");
        }
        if (!MODEL.equals(body.path("model").asText())) {
            problems.add("model is " + body.path("model") + ", not " + MODEL);
        }
        JsonNode messages = body.path("messages");
        if (messages.size() != 2 || !"system".equals(messages.path(0).path("role").asText())
                || !"user".equals(messages.path(1).path("role").asText())
                || !messages.path(0).path("content").isTextual() || !messages.path(1).path("content").isTextual()) {
            problems.add("messages are not one system message then one user message of text");
        }
        JsonNode format = body.path("response_format");
        JsonNode schema = format.path("json_schema");
        if (!"json_schema".equals(format.path("type").asText()) || !schema.path("name").isTextual()
                || !schema.path("strict").asBoolean(false) || !"object".equals(schema.path("schema").path("type").asText())) {
            problems.add("response_format is not a strict json_schema: " + format);
        } else {
            strictSchemaProblems(schema.path("schema"), "schema", problems);
        }
        return problems;
    }

    /** OpenAI's strict mode: every object closed and every property required. */
    private static void strictSchemaProblems(JsonNode schema, String at, List<String> problems) {
        if ("object".equals(schema.path("type").asText())) {
            if (schema.path("additionalProperties").asBoolean(true)) {
                problems.add(at + ": additionalProperties must be false in strict mode");
            }
            schema.path("properties").fields().forEachRemaining(field -> {
                boolean required = false;
                for (JsonNode name : schema.path("required")) {
                    required |= name.asText().equals(field.getKey());
                }
                if (!required) {
                    problems.add(at + "." + field.getKey() + ": every property must be required in strict mode");
                }
                strictSchemaProblems(field.getValue(), at + "." + field.getKey(), problems);
            });
        } else if ("array".equals(schema.path("type").asText())) {
            strictSchemaProblems(schema.path("items"), at + "[]", problems);
        }
    }

    private static String completion(String content, int tokens) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-" + System.nanoTime())
                .put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000).put("model", MODEL);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", tokens - 100).put("completion_tokens", 100).put("total_tokens", tokens);
        return body.toString();
    }

    private static String error(String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).putNull("code");
        return body.toString();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (its timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
