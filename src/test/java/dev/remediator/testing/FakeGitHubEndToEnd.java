package dev.remediator.testing;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import dev.remediator.testing.github.FakeGitHub;
import dev.remediator.testing.github.InjectFakeGitHub;

/**
 * An end-to-end test of the running app against the fake GitHub (a {@code @QuarkusTest}): it sends webhooks, waits
 * for their deliveries, and in the end every request the app sent must have been one GitHub accepts.
 */
public abstract class FakeGitHubEndToEnd {

    @InjectFakeGitHub
    protected FakeGitHub github;

    @Inject
    protected DeliveryRows rows;

    @AfterEach
    void everyRequestWasOneGitHubAccepts() {
        github.assertNoViolations();
    }
}
