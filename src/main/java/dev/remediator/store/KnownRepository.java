package dev.remediator.store;

/**
 * A repository the app is installed on, as adapters outside the store see it.
 *
 * @param defaultBranch as last heard of; null when never heard of
 */
public record KnownRepository(long id, long installationId, String fullName, String defaultBranch) {

    /** The default branch, {@code main} when never heard of. */
    public String defaultBranchOrMain() {
        return defaultBranch == null ? "main" : defaultBranch;
    }
}
