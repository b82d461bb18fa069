package dev.remediator.github;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.remediator.core.remediation.BotIdentity;

/**
 * The app's bot user as git names it, for the {@code Signed-off-by} trailer: the id comes from GitHub once (it never
 * changes for an app) and is kept for the life of the process.
 */
@ApplicationScoped
public class AppBot {

    @ConfigProperty(name = "quarkus.github-app.app-name", defaultValue = "remediator")
    String appName;

    private volatile BotIdentity identity;

    public BotIdentity identity(RepositoryGitHub github) throws IOException {
        BotIdentity known = identity;
        if (known == null) {
            known = BotIdentity.of(appName, github.userId(appName + "[bot]"));
            identity = known;
        }
        return known;
    }
}
