package dev.remediator.testing.github;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request GitHub received and how it answered. {@code operationId} is the operation of GitHub's description
 * (e.g. `checks/create`), null when none matched; {@code body} is null when the request had no JSON body.
 */
public record RecordedRequest(Instant at, String method, String path, Map<String, List<String>> query,
        String operationId, int status, JsonNode body, Caller caller) {
}
