package dev.remediator.testing.github;

/** A repository's label. */
public record Label(long id, String name, String color, String description) {
}
