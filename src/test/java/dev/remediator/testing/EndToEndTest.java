package dev.remediator.testing;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.InjectFakeGitHub;

/**
 * Base of the tests that drive the running app with webhooks against the fake GitHub. After each test, every request
 * the app sent must be one GitHub accepts, and no fault injected by the test outlives it.
 */
public abstract class EndToEndTest {

    @InjectFakeGitHub
    protected FakeGitHub github;

    @Inject
    protected DeliveryRows rows;

    @AfterEach
    void everyRequestWasOneGitHubAccepts() {
        github.faults().clear();
        github.assertNoViolations();
    }

    protected CiScenario scenario(String name) {
        return CiScenario.create(github, rows, name);
    }
}
