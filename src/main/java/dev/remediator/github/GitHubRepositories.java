package dev.remediator.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Opens {@link RepositoryGitHub}s: the way handlers reach a repository on GitHub. */
@ApplicationScoped
public class GitHubRepositories {

    @Inject
    InstallationTokens tokens;

    @Inject
    GitHubRest rest;

    public RepositoryGitHub open(long installationId, long repositoryId, String fullName) {
        return new RepositoryGitHub(tokens, rest, installationId, repositoryId, fullName);
    }
}
