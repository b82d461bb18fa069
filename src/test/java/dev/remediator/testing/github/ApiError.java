package dev.remediator.testing.github;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A refusal, answered with GitHub's JSON error body: `{"message": ..., "documentation_url": ..., "status": ...}`. */
final class ApiError extends RuntimeException {

    static final String RESOURCE_NOT_ACCESSIBLE = "Resource not accessible by integration";

    private final int status;
    private final ObjectNode body;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = Json.object().put("message", message)
                .put("documentation_url", "https://docs.github.com/rest")
                .put("status", String.valueOf(status));
    }

    static ApiError notFound() {
        return new ApiError(404, "Not Found");
    }

    static ApiError validationFailed(String message) {
        return new ApiError(422, message);
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, message);
    }

    static ApiError conflict(String message) {
        return new ApiError(409, message);
    }

    /** A 422 naming the resource, field and code, as GitHub's `validation_failed` responses do. */
    static ApiError invalidField(String resource, String field, String code) {
        ApiError error = new ApiError(422, "Validation Failed");
        error.body.putArray("errors").addObject().put("resource", resource).put("field", field).put("code", code);
        return error;
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        return body;
    }
}
