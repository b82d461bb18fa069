package dev.remediator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real webhook body from GitHub's examples (src/test/resources/webhooks, from octokit/webhooks), with the few
 * values a test must control changed and everything else kept as GitHub sends it.
 */
public final class WebhookPayload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String event;
    private final ObjectNode body;

    private WebhookPayload(String event, ObjectNode body) {
        this.event = event;
        this.body = body;
    }

    /** {@code example} is a path under webhooks/, such as {@code workflow_run/completed.payload.json}. */
    public static WebhookPayload example(String example) {
        try (InputStream in = WebhookPayload.class.getResourceAsStream("/webhooks/" + example)) {
            if (in == null) {
                throw new IllegalArgumentException("no webhook example " + example);
            }
            return new WebhookPayload(example.substring(0, example.indexOf('/')), (ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String event() {
        return event;
    }

    public ObjectNode body() {
        return body;
    }

    /** The object at a slash-separated path, such as {@code workflow_run/head_commit}. */
    public ObjectNode at(String path) {
        JsonNode node = body;
        for (String part : path.split("/")) {
            node = node.path(part);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(event + " example has no object at " + path);
        }
        return (ObjectNode) node;
    }

    public WebhookPayload installation(long id) {
        body.putObject("installation").put("id", id).put("node_id", "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u" + id);
        return this;
    }

    public WebhookPayload repository(long id, String fullName) {
        ObjectNode repository = at("repository");
        repository.put("id", id).put("full_name", fullName).put("name", fullName.substring(fullName.indexOf('/') + 1));
        repository.with("owner").put("login", fullName.substring(0, fullName.indexOf('/')));
        return this;
    }

    public byte[] bytes() {
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
