package dev.remediator.testing.github;

/** A reaction (`+1`, `eyes`, `rocket`, ...) on an issue comment. */
public record Reaction(long id, long commentId, String content, String user) {
}
