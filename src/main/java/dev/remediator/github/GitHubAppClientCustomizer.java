package dev.remediator.github;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

import io.quarkiverse.githubapp.GitHubCustomizer;

/**
 * Makes the clients the extension builds (the app client that mints installation tokens) go through our transport,
 * and makes every client fail on rate limits instead of sleeping until the reset: {@link GitHubGuard} decides.
 */
@Singleton
public class GitHubAppClientCustomizer implements GitHubCustomizer {

    @Inject
    GitHubTransport transport;

    @Override
    public void customize(GitHubBuilder builder) {
        builder.withConnector(transport)
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL);
    }

    @Override
    public void customizeApplicationClient(GitHubBuilder builder) {
        customize(builder);
    }
}
