package dev.remediator.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHPermissionType;

class ApiDescriptionTest extends FakeGitHubTestBase {

    @Test
    void everyOperationOfTheSubsetIsServed() {
        // FakeGitHub.start() refuses to start with an operation left without a route
        assertThat(ApiDescription.shared().operations()).hasSize(78);
    }

    @Test
    void aPathWithSlashesInAParameterFindsItsOperation() {
        ApiDescription description = ApiDescription.shared();

        assertThat(description.match("GET", "/repos/o/r/contents/src/main/App.java"))
                .hasValueSatisfying(match -> assertThat(match.pathParameters()).containsEntry("path",
                        "src/main/App.java"));
        assertThat(description.match("GET", "/repos/o/r/commits/feature%2Fx/check-runs"))
                .hasValueSatisfying(match -> assertThat(match.operation().id()).isEqualTo("checks/list-for-ref"));
        assertThat(description.match("GET", "/repos/o/r/compare/main...remediator/fix"))
                .hasValueSatisfying(match -> assertThat(match.pathParameters())
                        .containsEntry("base", "main").containsEntry("head", "remediator/fix"));
    }

    @Test
    void anEndpointOutsideTheSubsetIsANotFoundAndAViolation() throws Exception {
        String token = token(Map.of("metadata", GHPermissionType.READ));

        var response = send("GET", "/repos/octo-org/hello/hooks", token, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(github.violations()).singleElement()
                .satisfies(violation -> assertThat(violation.path()).isEqualTo("/repos/octo-org/hello/hooks"));
    }

    @Test
    void anInvalidBodyIsRefusedAndRecorded() throws Exception {
        String token = token(Map.of("contents", GHPermissionType.WRITE));

        var missingContent = send("POST", "/repos/octo-org/hello/git/blobs", token, "{\"encoding\": \"utf-8\"}");
        var notJson = send("POST", "/repos/octo-org/hello/git/blobs", token, "content=hello");

        assertThat(missingContent.statusCode()).isEqualTo(422);
        assertThat(missingContent.body()).contains("Invalid request");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(github.violations()).hasSize(2);
        assertThatThrownBy(github::assertNoViolations).isInstanceOf(AssertionError.class)
                .hasMessageContaining("/git/blobs");
    }

    @Test
    void anInvalidQueryParameterIsAViolation() throws Exception {
        String token = token(Map.of("actions", GHPermissionType.READ));

        var response = send("GET", "/repos/octo-org/hello/actions/runs?status=broken", token, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(github.violations()).hasSize(1);
    }

    @Test
    void resetForgetsTheStateButKeepsTheApp() throws Exception {
        long appId = github.app().id();
        send("GET", "/nowhere", null, null);

        github.reset();

        assertThat(github.repository("octo-org/hello")).isEmpty();
        assertThat(github.requests()).isEmpty();
        assertThat(github.violations()).isEmpty();
        assertThat(github.app().id()).isEqualTo(appId);
        assertThat(send("GET", "/app", github.appJwt(), null).statusCode()).isEqualTo(200);
    }
}
