package dev.remediator.testing.github;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** An installation of the app on an account (organisation or user), with the repositories it can see. */
public final class Installation {

    private final GitHubState state;
    private final long id;
    private final String account;
    private final long accountId;
    private final Instant createdAt;
    private volatile String accountType = "Organization";
    private volatile Map<String, String> permissions = GitHubApp.DEFAULT_PERMISSIONS;
    private final Map<Long, Repository> repositories = new ConcurrentSkipListMap<>();

    Installation(GitHubState state, long id, String account) {
        this.state = state;
        this.id = id;
        this.account = account;
        this.accountId = state.nextId();
        this.createdAt = state.now();
    }

    /** Adds a repository of this account that the installation can see. */
    public Repository repository(long repositoryId, String name) {
        Repository repository = new Repository(state, this, repositoryId, account, name);
        repositories.put(repositoryId, repository);
        state.register(repository);
        return repository;
    }

    /** What the owner granted the app on this installation (replaces the default grant). */
    public Installation permissions(Map<String, String> granted) {
        this.permissions = Map.copyOf(granted);
        return this;
    }

    /** `Organization` (the default) or `User`. */
    public Installation accountType(String type) {
        this.accountType = type;
        return this;
    }

    public long id() {
        return id;
    }

    public String account() {
        return account;
    }

    long accountId() {
        return accountId;
    }

    public String accountType() {
        return accountType;
    }

    public Map<String, String> permissions() {
        return permissions;
    }

    public List<Repository> repositories() {
        return List.copyOf(repositories.values());
    }

    Instant createdAt() {
        return createdAt;
    }
}
