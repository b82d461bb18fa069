package dev.remediator.testing.github;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs a {@link FakeGitHub} for a Quarkus test and points the app at it: the app id, the private key GitHub
 * generated for it, the webhook secret, the API endpoint and
 * GitHub's web address. Use it with
 * {@code @QuarkusTestResource(FakeGitHubResource.class)} and a field annotated {@link InjectFakeGitHub}.
 */
public class FakeGitHubResource implements QuarkusTestResourceLifecycleManager {

    private FakeGitHub github;

    @Override
    public Map<String, String> start() {
        github = FakeGitHub.start();
        return Map.of(
                "quarkus.github-app.app-id", String.valueOf(github.app().id()),
                "quarkus.github-app.private-key", github.app().privateKeyPem(),
                "quarkus.github-app.webhook-secret", github.webhookSecret(),
                "quarkus.github-app.instance-endpoint", github.baseUrl(),
                // github.com's pages (the OAuth flow) are served by the same fake
                "remediator.github.web-url", github.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(github,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeGitHub.class, FakeGitHub.class));
    }

    /** Clears the fake between tests (same as {@link FakeGitHub#reset()}). */
    public void reset() {
        github.reset();
    }

    public FakeGitHub github() {
        return github;
    }

    @Override
    public void stop() {
        if (github != null) {
            github.close();
        }
    }
}
