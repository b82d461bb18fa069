package dev.remediator.store;

/** A repository the app is installed on, as adapters outside the store see it. */
public record KnownRepository(long id, long installationId, String fullName, String defaultBranch) {
}
