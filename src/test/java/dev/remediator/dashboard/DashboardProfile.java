package dev.remediator.dashboard;

import java.util.Map;

import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.GitHubApp;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The app with its OAuth client configured: sign-in through the fake GitHub's OAuth pages. */
public class DashboardProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("remediator.oauth.client-id", GitHubApp.clientIdOf(FakeGitHub.DEFAULT_APP_ID),
                "remediator.oauth.client-secret", GitHubApp.clientSecretOf(FakeGitHub.DEFAULT_APP_ID));
    }
}
