package dev.remediator.testing.github;

import java.time.Instant;
import java.util.List;

/** A request that real GitHub would refuse, and why. Any violation fails {@link FakeGitHub#assertNoViolations()}. */
public record Violation(Instant at, String method, String path, List<String> problems) {

    @Override
    public String toString() {
        return method + " " + path + ": " + String.join("; ", problems);
    }
}
