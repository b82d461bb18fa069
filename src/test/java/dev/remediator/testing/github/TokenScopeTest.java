package dev.remediator.testing.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.HttpException;

class TokenScopeTest extends FakeGitHubTestBase {

    @Test
    void aTokenMintedThroughHub4jRemembersItsRepositoriesAndPermissions() throws Exception {
        Repository other = installation.repository(555, "other");
        other.commit("main", "Initial commit", "bob", Map.of("a.txt", "a\n"));
        String token = token(Map.of("checks", GHPermissionType.READ));

        GitHub client = asInstallation(token);
        assertThat(client.getRepository("octo-org/hello").getId()).isEqualTo(REPOSITORY_ID);
        assertThatThrownBy(() -> client.getRepository("octo-org/other"))
                .isInstanceOf(GHFileNotFoundException.class);
        assertThatThrownBy(() -> client.getRepository("octo-org/hello").createCheckRun("Remediator", firstCommit)
                .create())
                .isInstanceOfSatisfying(HttpException.class, refused -> {
                    assertThat(refused.getResponseCode()).isEqualTo(403);
                    assertThat(refused.getMessage()).contains("Resource not accessible by integration");
                });

        TokenRequest request = github.tokenRequests().get(0);
        assertThat(request.repositoryIds()).containsExactly(REPOSITORY_ID);
        assertThat(request.permissions()).containsExactly(Map.entry("checks", "read"));
        assertThat(request.token().permissions()).containsEntry("metadata", "read");
        assertThat(request.token().expiresAt()).isBetween(github.clock().instant().plus(Duration.ofMinutes(59)),
                github.clock().instant().plus(Duration.ofMinutes(61)));
        github.assertNoViolations();
    }

    @Test
    void aReadGrantDoesNotAllowAWrite() throws Exception {
        String token = token(Map.of("issues", GHPermissionType.READ, "pull_requests", GHPermissionType.READ));
        repo.issue(3, "Flaky test", "carol");

        var refused = send("POST", "/repos/octo-org/hello/issues/3/comments", token, "{\"body\":\"hi\"}");
        var allowed = send("GET", "/repos/octo-org/hello/issues/3", token, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Resource not accessible by integration");
        assertThat(allowed.statusCode()).isEqualTo(200);
    }

    @Test
    void permissionsBeyondTheInstallationGrantAreRefused() throws Exception {
        installation.permissions(Map.of("metadata", "read", "checks", "write"));

        assertThatThrownBy(() -> token(Map.of("contents", GHPermissionType.WRITE)))
                .isInstanceOfSatisfying(HttpException.class,
                        refused -> assertThat(refused.getResponseCode()).isEqualTo(422));
    }

    @Test
    void aRepositoryOutsideTheInstallationCannotBeInTheToken() throws Exception {
        assertThatThrownBy(() -> asApp().getApp().getInstallationById(INSTALLATION_ID).createToken()
                .repositoryIds(List.of(999L)).create())
                .isInstanceOfSatisfying(HttpException.class,
                        refused -> assertThat(refused.getResponseCode()).isEqualTo(422));
    }

    @Test
    void tokensExpireAfterAnHour() throws Exception {
        String token = token(Map.of("metadata", GHPermissionType.READ));
        assertThat(send("GET", "/repos/octo-org/hello", token, null).statusCode()).isEqualTo(200);

        github.advanceTime(Duration.ofMinutes(61));

        var expired = send("GET", "/repos/octo-org/hello", token, null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("Bad credentials");
    }

    @Test
    void appEndpointsNeedAValidAppJwt() throws Exception {
        try (FakeGitHub otherGitHub = FakeGitHub.start()) {
            String forged = otherGitHub.appJwt(); // same app id, another key
            assertThat(send("GET", "/app", forged, null).statusCode()).isEqualTo(401);
        }
        assertThat(send("GET", "/app", null, null).statusCode()).isEqualTo(401);
        String installationToken = token(Map.of("metadata", GHPermissionType.READ));
        assertThat(send("GET", "/app", installationToken, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/app", github.appJwt(), null).statusCode()).isEqualTo(200);

        String jwt = github.appJwt();
        github.advanceTime(Duration.ofMinutes(15));
        var expired = send("GET", "/app", jwt, null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("'Expiration time' claim ('exp')");
    }

    @Test
    void theAppJwtDoesNotOpenRepositories() throws Exception {
        assertThat(send("GET", "/repos/octo-org/hello", github.appJwt(), null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/repos/octo-org/hello", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/repos/octo-org/hello/installation", github.appJwt(), null).body())
                .contains("\"id\":42");
    }

    @Test
    void aManifestCodeConvertsOnceIntoTheAppsCredentials() throws Exception {
        github.acceptManifestCode("c0de");

        var converted = send("POST", "/app-manifests/c0de/conversions", null, null);
        var again = send("POST", "/app-manifests/c0de/conversions", null, null);

        assertThat(converted.statusCode()).isEqualTo(201);
        assertThat(Json.parse(converted.body()).get("pem").asText()).isEqualTo(github.app().privateKeyPem());
        assertThat(Json.parse(converted.body()).get("webhook_secret").asText()).isEqualTo(github.webhookSecret());
        assertThat(again.statusCode()).isEqualTo(404);
        github.assertNoViolations();
    }
}
