package dev.remediator.testing.github;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The handler of each operation of GitHub's description, by operation id, with the access it requires. */
final class Routes {

    interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    record Route(RequiredAccess access, Handler handler) {
    }

    private final Map<String, Route> byOperation = new HashMap<>();

    void on(String operationId, RequiredAccess access, Handler handler) {
        if (byOperation.putIfAbsent(operationId, new Route(access, handler)) != null) {
            throw new IllegalStateException("Two handlers for " + operationId);
        }
    }

    Optional<Route> route(String operationId) {
        return Optional.ofNullable(byOperation.get(operationId));
    }
}
