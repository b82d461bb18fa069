package dev.remediator.testing.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/**
 * A running fake with one installation (`octo-org`, id 42) and one repository (`octo-org/hello`) holding a first
 * commit, and the two ways the app talks to GitHub: hub4j with an installation token, and plain java.net.http.
 */
abstract class FakeGitHubTestBase {

    static final long INSTALLATION_ID = 42;
    static final long REPOSITORY_ID = 1296269;

    FakeGitHub github;
    Installation installation;
    Repository repo;
    String firstCommit;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startFakeGitHub() {
        github = FakeGitHub.start();
        installation = github.installation(INSTALLATION_ID, "octo-org");
        repo = installation.repository(REPOSITORY_ID, "hello");
        firstCommit = repo.commit("main", "Initial commit", "alice",
                Map.of("README.md", "# hello\n", "src/main/java/App.java", "class App {}\n"));
    }

    @AfterEach
    void stopFakeGitHub() {
        github.close();
    }

    /** hub4j as the app itself, authenticated with its JWT. */
    GitHub asApp() throws IOException {
        return new GitHubBuilder().withEndpoint(github.baseUrl()).withJwtToken(github.appJwt()).build();
    }

    /** Mints a token through hub4j, as the app does: for one repository, with the given permissions. */
    String token(Map<String, GHPermissionType> permissions) throws IOException {
        return asApp().getApp().getInstallationById(INSTALLATION_ID).createToken()
                .repositoryIds(List.of(REPOSITORY_ID)).permissions(permissions).create().getToken();
    }

    /** hub4j with an installation token that may write everything the app writes. */
    GitHub asInstallation() throws IOException {
        return asInstallation(token(Map.of("contents", GHPermissionType.WRITE, "checks", GHPermissionType.WRITE,
                "pull_requests", GHPermissionType.WRITE, "issues", GHPermissionType.WRITE, "actions",
                GHPermissionType.WRITE)));
    }

    GitHub asInstallation(String token) throws IOException {
        return new GitHubBuilder().withEndpoint(github.baseUrl()).withAppInstallationToken(token).build();
    }

    /** A plain request, for the endpoints hub4j lacks; {@code body} may be null. */
    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(github.baseUrl() + path))
                .header("Accept", "application/vnd.github+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
