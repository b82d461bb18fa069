package dev.remediator.testing;

import dev.remediator.testing.github.FakeGitHubResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every {@code @QuarkusTest} runs against the fake GitHub: one app start serves all the tests that share a profile,
 * and no test can reach a GitHub that is not the fake.
 */
@QuarkusTestResource(FakeGitHubResource.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
