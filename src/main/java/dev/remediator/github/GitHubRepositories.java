package dev.remediator.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.remediator.store.InstallationStore;
import dev.remediator.store.KnownRepository;

/** Opens {@link RepositoryGitHub}s: the way handlers reach a repository on GitHub. */
@ApplicationScoped
public class GitHubRepositories {

    @Inject
    InstallationTokens tokens;

    @Inject
    GitHubRest rest;

    @Inject
    InstallationStore installations;

    /** A repository the app knows, by its id. */
    public RepositoryGitHub open(long repositoryId) {
        KnownRepository repository = installations.repository(repositoryId)
                .orElseThrow(() -> new IllegalArgumentException("no installed repository " + repositoryId));
        return open(repository.installationId(), repository.id(), repository.fullName());
    }

    public RepositoryGitHub open(long installationId, long repositoryId, String fullName) {
        return new RepositoryGitHub(tokens, rest, installationId, repositoryId, fullName);
    }
}
