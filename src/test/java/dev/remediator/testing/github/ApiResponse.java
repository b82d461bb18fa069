package dev.remediator.testing.github;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What a route answers: a status, a JSON body (or none) and extra headers such as `Link` or `Location`. */
final class ApiResponse {

    private final int status;
    private final JsonNode body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiResponse(int status, JsonNode body) {
        this.status = status;
        this.body = body;
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }

    static ApiResponse created(JsonNode body) {
        return new ApiResponse(201, body);
    }

    static ApiResponse accepted(JsonNode body) {
        return new ApiResponse(202, body);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }

    static ApiResponse redirect(String location) {
        return new ApiResponse(302, null).header("Location", location);
    }

    static ApiResponse error(ApiError error) {
        return new ApiResponse(error.status(), error.body());
    }

    ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    JsonNode body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }
}
