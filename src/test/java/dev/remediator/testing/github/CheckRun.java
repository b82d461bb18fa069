package dev.remediator.testing.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A check run as the app wrote it. `updates()` keeps every body the app sent (the create, then each PATCH) in
 * order; annotations accumulate over requests, as on GitHub, while the rest of the output is replaced.
 */
public final class CheckRun {

    private final long id;
    private final String headSha;
    private final long checkSuiteId;
    private final List<JsonNode> updates = new CopyOnWriteArrayList<>();
    private final List<JsonNode> annotations = new CopyOnWriteArrayList<>();
    private volatile String name;
    private volatile String status = "queued";
    private volatile String conclusion;
    private volatile String detailsUrl;
    private volatile String externalId;
    private volatile Instant startedAt;
    private volatile Instant completedAt;
    private volatile String title;
    private volatile String summary;
    private volatile String text;
    private volatile List<JsonNode> actions = List.of();

    CheckRun(long id, String name, String headSha, long checkSuiteId) {
        this.id = id;
        this.name = name;
        this.headSha = headSha;
        this.checkSuiteId = checkSuiteId;
    }

    /** Applies a create or update body the way GitHub does. */
    void apply(JsonNode body, Instant now) {
        updates.add(body.deepCopy());
        if (body.hasNonNull("name")) {
            name = body.get("name").asText();
        }
        if (body.hasNonNull("details_url")) {
            detailsUrl = body.get("details_url").asText();
        }
        if (body.hasNonNull("external_id")) {
            externalId = body.get("external_id").asText();
        }
        if (body.hasNonNull("started_at")) {
            startedAt = Instant.parse(body.get("started_at").asText());
        }
        if (body.hasNonNull("status")) {
            status = body.get("status").asText();
        }
        if (body.hasNonNull("conclusion")) {
            // a conclusion completes the check run
            conclusion = body.get("conclusion").asText();
            status = "completed";
        }
        if ("completed".equals(status) && completedAt == null) {
            completedAt = body.hasNonNull("completed_at") ? Instant.parse(body.get("completed_at").asText()) : now;
        }
        if (startedAt == null) {
            startedAt = now;
        }
        JsonNode output = body.get("output");
        if (output != null && output.isObject()) {
            title = output.path("title").asText(null);
            summary = output.path("summary").asText(null);
            text = output.path("text").asText(null);
            output.path("annotations").forEach(annotation -> annotations.add(annotation.deepCopy()));
        }
        if (body.get("actions") instanceof ArrayNode given) {
            List<JsonNode> buttons = new ArrayList<>();
            given.forEach(button -> buttons.add(button.deepCopy()));
            actions = List.copyOf(buttons);
        }
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String headSha() {
        return headSha;
    }

    long checkSuiteId() {
        return checkSuiteId;
    }

    public String status() {
        return status;
    }

    public String conclusion() {
        return conclusion;
    }

    public String detailsUrl() {
        return detailsUrl;
    }

    public String externalId() {
        return externalId;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public String text() {
        return text;
    }

    /** Every annotation sent, across the create and all updates, in order. */
    public List<JsonNode> annotations() {
        return List.copyOf(annotations);
    }

    /** The buttons (`label`, `description`, `identifier`) of the latest request that set them. */
    public List<JsonNode> actions() {
        return actions;
    }

    /** The request bodies, create first, in the order GitHub received them. */
    public List<JsonNode> updates() {
        return List.copyOf(updates);
    }
}
