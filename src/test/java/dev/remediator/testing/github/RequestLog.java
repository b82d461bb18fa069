package dev.remediator.testing.github;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request the fake received, and every one that real GitHub would have refused. */
final class RequestLog {

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Violation> violations = new CopyOnWriteArrayList<>();

    void record(RecordedRequest request) {
        requests.add(request);
    }

    void violation(Violation violation) {
        violations.add(violation);
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    void clear() {
        requests.clear();
        violations.clear();
    }
}
